// The shape of the generated model of an API (src/generated/<api>.ts), one shape for every
// provider. The model is read from the spec by scripts/generate-model.mjs; every fact here is a
// fact of the spec.

/** A provider-neutral class of error, what a caller branches on. */
export type ErrorKind = 'not-found' | 'throttled' | 'invalid-input' | 'auth' | 'service';

/** Where a value travels: a header by name, or a member of the JSON body by path. */
export type Location = { readonly in: 'header'; readonly name: string } | { readonly in: 'body'; readonly path: readonly string[] };

/**
 * The checkable rules of one value, with `$ref` followed and `allOf` merged. Integer bounds are
 * exact decimal text: an int64 bound such as 9223372036854775807 does not fit a JS number.
 */
export interface ValueRule {
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: string;
  readonly maximum?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  /** The documented values. */
  readonly enum?: readonly string[];
  /** Set when values beyond `enum` are accepted too (an `anyOf` of the list and a free form): their rule. */
  readonly others?: ValueRule;
  /** The rule of each item of an array. */
  readonly items?: ValueRule;
}

export interface InputModel extends ValueRule {
  /** The name on the wire: the parameter, header or body member name. */
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'body';
  readonly required: boolean;
  /** The value every request carries, when the spec allows exactly one (`X-TC-Action`). */
  readonly constant?: string;
  /** The provider's own pattern, unanchored, as its error messages quote it (`x-layerspec-provider-pattern`). */
  readonly providerPattern?: string;
  readonly concept?: string;
  readonly description?: string;
  /** Named examples of the value, by example name (a lone `example` is named `example`). */
  readonly examples?: Readonly<Record<string, unknown>>;
}

/** The written shape of a date, with its offset from UTC (which some shapes do not show). */
export interface DateShape {
  /** Tokens: YYYY MM DD hh mm ss sss, any other character literal; e.g. `YYYY-MM-DD hh:mm:ss`. */
  readonly shape: string;
  readonly utcOffset: string;
}

export interface OutputModel extends ValueRule {
  /** The dotted path from the result (`Content.CodeSha256`, `LayerVersions[].Version`), or the header name. */
  readonly name: string;
  /**
   * `body` members are read at `path` from the result (see `result`); headers by `name`. A member
   * of each item of a list has the segment `[]` after the list's name (`LayerVersions`, `[]`, `Version`).
   */
  readonly in: 'body' | 'header';
  readonly path: readonly string[];
  readonly required: boolean;
  readonly concept?: string;
  readonly description?: string;
  /** How a digest is written: SHA-256 as base64 (44 characters) or lower-case hex. */
  readonly encoding?: { readonly digest: 'sha256'; readonly as: 'base64' | 'hex' };
  readonly date?: DateShape;
  /** The spec's example value, for headers. */
  readonly example?: unknown;
}

export interface ErrorModel {
  /** The provider's error name (AWS) or code (Tencent). */
  readonly code: string;
  /** The HTTP status of the answer that carries it (200 for Tencent API 3.0). */
  readonly status: number;
  readonly kind: ErrorKind;
  /** Whether another attempt of the same request may succeed. */
  readonly retryable: boolean;
  /** The spec's `x-layerspec-concept` for the error, when it has one. */
  readonly concept?: string;
  readonly description?: string;
  /** Where the answer carries the error's message (AWS words it `message` or `Message` by error). */
  readonly messageAt: Location;
  /** The answer's other headers and members (a throttling reason, `Retry-After`). */
  readonly details: readonly (Location & { readonly concept?: string })[];
}

export interface ScenarioModel {
  /** The example name; unique across the operation's responses (the same name may show the same case in another operation). */
  readonly name: string;
  readonly status: number;
  readonly outcome: 'success' | 'error';
  /** For an error scenario: the error it shows. */
  readonly errorCode?: string;
  readonly summary?: string;
  readonly description?: string;
  /** The answer's headers by name: each header's example, the error-code header naming this scenario's error. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The answer body. */
  readonly value: unknown;
}

export interface ServerModel {
  /** The URL with `{variable}` placeholders. */
  readonly url: string;
  readonly description?: string;
  readonly variables: Readonly<Record<string, { readonly default: string; readonly enum?: readonly string[]; readonly pattern?: string }>>;
}

/** A value a signature carries besides its own header (the time, a session token, the region). */
export interface SigningFieldModel extends ValueRule {
  readonly name: string;
  /** `credential-scope`: a part of the credential scope inside the signature header. */
  readonly in: 'header' | 'credential-scope';
  readonly required: boolean;
  readonly concept?: string;
  readonly description?: string;
  readonly examples?: Readonly<Record<string, unknown>>;
}

export interface SigningModel {
  /** The security scheme's name in the spec. */
  readonly scheme: string;
  /** The header that carries the signature. */
  readonly header: string;
  readonly algorithm: string;
  /** The service name of the credential scope. */
  readonly service: string;
  /** The headers the signature covers, lower case, in signing order. */
  readonly signedHeaders: readonly string[];
  /** The header that carries the signing time. */
  readonly dateHeader: string;
  /** The header that carries the session token of temporary credentials. */
  readonly tokenHeader: string;
  /** How far the signing time may be from the server's clock. */
  readonly maxClockSkewSeconds: number;
  /** The last part of the credential scope (`aws4_request`). */
  readonly scopeTerminator: string;
  /** Whether the signed host keeps a non-default port (the provider's SDK decides). */
  readonly hostIncludesPort: boolean;
  /** Whether the canonical URI is the wire path percent-encoded a second time (`%3A` as `%253A`). */
  readonly pathEncodedTwice: boolean;
  /** Query parameters that carry a secret when the signature travels in the URL (SigV4's query form), when the spec says. */
  readonly secretQueryParameters?: readonly string[];
  readonly description?: string;
  /** What the signature carries besides its header (`x-layerspec-signing-fields`), when the spec says. */
  readonly fields?: readonly SigningFieldModel[];
}

/** How an RPC-style API names its actions (`x-layerspec-rpc`): every action travels to one path, named by a header. */
export interface RpcModel {
  /** The header that names the action, e.g. `X-TC-Action`. */
  readonly actionHeader: string;
  readonly description?: string;
}

/** One operation of an API, keyed by its `operationId` in `ApiModel.operations`. */
export interface OperationModel {
  /** The spec's `operationId`: the operation's name in every package (methods, scenarios, faults). */
  readonly id: string;
  /** The method on the wire. */
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
  /** The path on the wire, with `{parameter}` placeholders (`/` for every action of an RPC API). */
  readonly path: string;
  /** The operation's key in the spec's `paths`: the wire path, or an RPC action's pseudo-path `/#<Action>`. */
  readonly specPath: string;
  /** For an RPC API: the header that names the action, and this operation's action. */
  readonly action?: { readonly header: string; readonly name: string };
  readonly summary: string;
  /** The operation's tags; the first names its group in rendered docs. */
  readonly tags?: readonly string[];
  /** The request body's media type, when there is a body. */
  readonly requestMediaType?: string;
  /** Named examples of the request body. */
  readonly requestExamples?: Readonly<Record<string, unknown>>;
  readonly inputs: readonly InputModel[];
  /** Where the success result sits in the body: `[]`, or `['Response']` inside an envelope. */
  readonly result: readonly string[];
  readonly outputs: readonly OutputModel[];
  /** The codes of the errors the operation documents; each code's entry is in `ApiModel.errors.entries`. */
  readonly errorCodes: readonly string[];
  readonly scenarios: readonly ScenarioModel[];
}

export interface ApiModel {
  /** The API's name in redocly.yaml, e.g. `aws-lambda`. */
  readonly api: string;
  /** The spec file, relative to the repository. */
  readonly source: string;
  readonly title: string;
  /** `info.summary`: one sentence on what the API does. */
  readonly summary?: string;
  /** `info.version`: the provider's API version. */
  readonly version: string;
  readonly provider: {
    /** The display name, e.g. `AWS Lambda`. */
    readonly name: string;
    /** The short label used in comparisons, e.g. `AWS`. */
    readonly label: string;
    /** The signing method in words, e.g. `AWS Signature Version 4, service name lambda`. */
    readonly signing?: string;
  };
  readonly protocol: {
    /** `rest-json`, or `tencent-api3` (POST / with the action in headers). */
    readonly id: string;
    readonly description: string;
  };
  /** Set for an RPC-style API, whose actions share one path (`x-layerspec-rpc`). */
  readonly rpc?: RpcModel;
  /** Every operation of the API, by its `operationId`, in the spec's order. */
  readonly operations: Readonly<Record<string, OperationModel>>;
  readonly servers: readonly ServerModel[];
  readonly signing: SigningModel;
  readonly errors: {
    /** Where every error answer of the API names its error: one place, which the reader checks. */
    readonly codeAt: Location;
    /** Where every error answer carries the provider's request ID, when it does. */
    readonly requestIdAt?: Location;
    /** Every error any operation documents, once by code (the same code means the same error in every operation). */
    readonly entries: readonly ErrorModel[];
    /** Set when codes beyond the documented ones are accepted: their rule. */
    readonly others?: ValueRule;
    /**
     * Set when the value at an error's `codeAt` carries more than the code (AWS's
     * `com.amazon.coral.service#ResourceNotFoundException:http://...`): a regular expression
     * whose named group `code` is the code. From the spec's `x-layerspec-code-format`.
     */
    readonly codeFormat?: string;
  };
  readonly mock: {
    /** The port the mock of this API listens on by default. */
    readonly defaultPort: number;
  };
}
