// createClient: the client core of any API in the model. Given an API's generated rules, its
// signer and a transport, it calls any operation by its operationId: checks input, serialises it
// where each input travels, signs, sends, retries and times out each attempt, reads answers and
// error answers where the model says they are, follows an operation's paging tokens, and
// downloads the archive an answer points to where the operation's outputs carry one. The
// provider packages add their signer and their error classes.
//
// A call goes through openapi-fetch, whose typed methods (GET, POST, ...) and middleware
// (`use`) the clients expose; its fetch signs, retries and sends plain requests over the
// transport. The Node entry passes a direct call (direct.ts) instead, used while no middleware is
// registered: on Node merely touching Request loads undici (tens of ms of cold start), and
// openapi-fetch builds a Request and reads a Response per call. openapi-fetch's client is made
// on first use for the same reason.
import createOpenApiClient, { defaultPathSerializer, removeTrailingSlash, type Client } from 'openapi-fetch';
import { credentialsSource, type CredentialsSource } from './credentials.js';
import { InvalidInputError, InvalidResponseError, type ClientError, type ErrorKind } from './errors.js';
import { checkedHeaders, checkInput, checkTransportOptions, checkValue, type InputRule } from './input.js';
import type { CallOptions, DownloadOptions, TransportOptions } from './options.js';
import { MAX_ANSWER_BYTES, NO_BODY, parseRetryAfter, retryAttempts, type Verdict } from './retry.js';
import { codeOf, dig, isObject, isRetryable, readAt, statusRule, text } from './reading.js';
import type { Schema } from './schema.js';
import { fetchTransport, type Incoming, type Outgoing, type Transport } from './transport.js';

/** Where an answer carries a value: a header by name, or a member of the JSON body by path. */
export type Location = { readonly in: 'header'; readonly name: string } | { readonly in: 'body'; readonly path: readonly string[] };

/** The kind and retryability of an error answer. */
export interface StatusRule {
  readonly kind: ErrorKind;
  readonly retryable: boolean;
}

/** Where an answer of an operation carries the archive it points to. */
export interface DownloadRules {
  readonly location: readonly string[];
  readonly size?: readonly string[];
  readonly sha256: readonly string[];
  readonly encoding: 'base64' | 'hex';
}

/** One input of an operation: where it travels, and its rule. */
export interface OperationInput extends InputRule {
  readonly in: 'path' | 'query' | 'body';
  readonly optional?: boolean;
}

/** The input that takes the next page's token, where the result gives it, and the input that bounds a page (paginate.ts). */
export interface PagingRules {
  readonly token: string;
  readonly next: readonly string[];
  readonly size?: string;
}

/** What the core reads of one operation. */
export interface OperationRules {
  readonly method: string;
  /** The wire path, with `{name}` placeholders for path inputs. */
  readonly path: string;
  /** Headers every request of the operation carries (an RPC API's action). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly inputs: Readonly<Record<string, OperationInput>>;
  /** Where the result sits in a success body. */
  readonly result: readonly string[];
  readonly download?: DownloadRules;
  readonly paging?: PagingRules;
}

/** The slim rules of one API that tools/generate-rules.mjs writes from its model. */
export interface ApiRules {
  /** Every operation, by operationId. */
  readonly operations: Readonly<Record<string, OperationRules>>;
  readonly errorAt: {
    readonly code: Location;
    /** A regular expression whose group `code` is the code within the value at `code`; without it the value is the code. */
    readonly codeFormat?: string;
    readonly message: readonly Location[];
    readonly requestId?: Location;
    /** Where an error answer carries each detail, by concept (`throttle-reason`, `retry-after`, ...); the first found wins. */
    readonly details?: Readonly<Record<string, readonly Location[]>>;
  };
  readonly retryableCodes: readonly string[];
  /** What the spec documents of each error status for an undocumented code, by HTTP status. */
  readonly statusRules: Readonly<Record<string, StatusRule>>;
}

/** An error answer as the core read it, for the provider to make its error from. */
export interface ErrorAnswer {
  code: string | undefined;
  message: string | undefined;
  status: number;
  requestId: string | undefined;
  kind: ErrorKind;
  retryable: boolean;
  headers: Headers;
  body: Record<string, unknown>;
  /** Each detail of `errorAt.details` as the answer carries it, by concept (undefined when it does not). */
  details: Readonly<Record<string, unknown>>;
}

export interface Signer<Keys> {
  /** The two members every set of keys needs, and the members that are secret. */
  readonly keys: { readonly required: [string, string]; readonly secrets: readonly string[] };
  /** Signs one attempt: the request to send, its signature headers added (names lower-case); the body is sent as given. */
  sign(request: Outgoing, keys: Keys): Outgoing | Promise<Outgoing>;
}

export interface Provider<Keys> {
  rules: ApiRules;
  signer: Signer<Keys>;
  errors: ProviderErrors;
  /** Loaded on the first error answer: the neutral kind of each documented code (the generated errors module). */
  errorKinds: () => Promise<{ errorKinds: Readonly<Record<string, ErrorKind>> }>;
  /** Loaded on the first answer to validate: each operation's success schema, by operationId. */
  successSchemas: () => Promise<{ successSchemas: Readonly<Record<string, Schema>> }>;
  /** How requests travel when the caller passes no `fetch`; fetch by default. */
  transport?: Transport;
  /** Makes each call's request without openapi-fetch (see direct.ts); through openapi-fetch when absent. */
  direct?: DirectCall;
}

/** What a direct call shares with the core. */
export interface DirectParts {
  /** The endpoint, without a trailing slash. */
  base: string;
  /** The client's headers, names lower-case. */
  headers: Readonly<Record<string, string>>;
  /** Sends with retries, signing each attempt. */
  send: (request: Outgoing, signal: AbortSignal | undefined) => Promise<Read>;
  /** What an answer of an operation means: the result, or the typed error it carries. */
  finish: <Output>(id: string, status: number, headers: Readonly<Record<string, string>>, body: unknown, parseError: unknown) => Promise<Output>;
}

/** `call.headers` arrive checked (see checkedHeaders), their names lower-case; `input` checked against the operation's rules. */
export type DirectCall = (parts: DirectParts) => <Output>(operation: OperationRules, id: string, input: Record<string, unknown>, call: CallOptions) => Promise<Output>;

export { codeOf, isObject, isRetryable, readAt, statusRule, text } from './reading.js';

/** A provider's error module. */
export interface ProviderErrors {
  /** Makes the provider's error (its subclass) from an error answer. */
  toError: (answer: ErrorAnswer) => ClientError;
}

export interface CoreOptions<Keys> extends TransportOptions {
  credentials: CredentialsSource<Keys>;
  endpoint?: string | undefined;
}

/** Each operation's input and output types, by operationId (generated per client as `Operations`). */
export type OperationShapes<Operations = object> = { [Id in keyof Operations]: { input: unknown; output: unknown } };
type InputOf<Operations, Id extends keyof Operations> = Operations[Id] extends { input: infer Input } ? Input : never;
type OutputOf<Operations, Id extends keyof Operations> = Operations[Id] extends { output: infer Output } ? Output : never;

/** What every client has; each adds its generated per-operation methods (which call these) and its openapi-fetch method (`GET`, `POST`). */
export interface ApiClient<Paths extends {}, Operations extends OperationShapes<Operations>> {
  /** Calls the operation named by its operationId, or rejects with a typed error. */
  call<Id extends keyof Operations & string>(operationId: Id, input: InputOf<Operations, Id>, call?: CallOptions): Promise<OutputOf<Operations, Id>>;
  /**
   * Downloads the archive at an operation's answer's location (unsigned: the URL carries its own
   * authorisation) and resolves to its bytes once the size (where the answer gives one) and the
   * SHA-256 match; rejects with IntegrityError otherwise. Only `https:` unless `allowHttp` is set.
   */
  download<Id extends keyof Operations & string>(operationId: Id, output: OutputOf<Operations, Id>, options?: DownloadOptions): Promise<Uint8Array>;
  /** openapi-fetch middleware. */
  use: Client<Paths>['use'];
  eject: Client<Paths>['eject'];
}

/** RFC 3986 percent-encoding, as SigV4 and the AWS SDKs encode a query: `!'()*` too. */
const encode = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * An operation's request from its input: the path with its values (by openapi-fetch's own path
 * serializer, as its methods send it) and the query (in the spec's order, RFC 3986-encoded, an
 * array as repeated keys, as the AWS SDKs send it), and the JSON body when the operation has
 * body inputs. Only the operation's inputs travel.
 */
export function requestParts(operation: OperationRules, input: Record<string, unknown>): { path: string; body: string | undefined } {
  const values: Record<string, unknown> = {};
  const query: string[] = [];
  let body: Record<string, unknown> | undefined;
  for (const name in operation.inputs) {
    const where = operation.inputs[name]!.in;
    const value = input[name];
    if (where === 'body') body = { ...body, [name]: value };
    else if (value === undefined) continue;
    else if (where === 'path') values[name] = value;
    else for (const each of Array.isArray(value) ? value : [value]) query.push(`${encode(name)}=${encode(String(each))}`);
  }
  return { path: defaultPathSerializer(operation.path, values) + (query.length ? `?${query.join('&')}` : ''), body: body && JSON.stringify(body) };
}

/** An answer, its body parsed once (by the judge or by the call, whichever comes first). */
export type Read = Incoming & { parsed?: { body: unknown; error?: unknown } };
const utf8 = new TextDecoder();
export const parsed = (answer: Read) => {
  if (!answer.parsed) {
    try {
      answer.parsed = { body: JSON.parse(utf8.decode(answer.body)) };
    } catch (error) {
      answer.parsed = { body: undefined, error };
    }
  }
  return answer.parsed;
};

/** Checks the options every client takes; `region` and any others against the model's rules. */
export function checkOptions(options: Record<string, unknown>, rules: Readonly<Record<string, InputRule>>, required: readonly string[]): void {
  if (!isObject(options)) throw new InvalidInputError('options', 'must be an object');
  for (const [field, rule] of Object.entries(rules)) if (options[field] !== undefined || required.includes(field)) checkValue(field, options[field], rule);
  if (options.credentials === undefined || options.credentials === null) throw new InvalidInputError('credentials', 'is required');
  checkTransportOptions(options);
}

/** Makes a client of the API the rules describe; `Operations` (generated per client) types each operation's input and output. */
export function createClient<Paths extends {}, Keys extends object, Operations extends OperationShapes<Operations> = Record<string, { input: unknown; output: unknown }>>(
  provider: Provider<Keys>,
  options: CoreOptions<Keys> & { baseUrl: string },
) {
  const { rules, signer } = provider;
  const { credentials, endpoint, baseUrl, fetch: ownFetch, maxAttempts, timeoutMs, validateResponses, retry, headers: optionHeaders, ...openapiOptions } = options;
  // A caller's own fetch is always used; otherwise the entry's transport (node:http on Node).
  const transport = ownFetch ? fetchTransport(ownFetch) : (provider.transport ?? fetchTransport());
  // `redact` knows every secret seen so far, for scrubbing every error before it leaves.
  const keys = credentialsSource(credentials, signer.keys.required as [keyof Keys & string, keyof Keys & string], signer.keys.secrets as Array<keyof Keys>);
  const retryOptions = { maxAttempts, timeoutMs, ...retry, redact: keys.redact };

  // What every call shares, worked out once.
  const base = removeTrailingSlash(endpoint ?? baseUrl);
  const fixedHeaders = checkedHeaders(optionHeaders);
  const { operations } = rules;

  // Every error leaves scrubbed, openapi-fetch's own methods' too; loaded on the first failure.
  const scrub = async (error: unknown): Promise<never> => {
    const { scrubError } = await import('./scrub.js');
    throw scrubError(error, keys.redact);
  };

  // One attempt: signed with the keys of the moment (a provider may rotate them), sent, read within the bound.
  const attempt = async (request: Outgoing, signal: AbortSignal): Promise<Read> => {
    const signed = await signer.sign({ ...request, headers: { ...request.headers } }, await keys.get());
    return transport.exchange(signed, signal, MAX_ANSWER_BYTES);
  };

  // An answer is worth another try when the model calls its error code retryable (Tencent
  // answers HTTP 200), or when its status is (see statusRule: the proxy's HTML 502 included).
  const judge = (answer: Read): Verdict => {
    const at = rules.errorAt.code;
    const code = codeOf(rules, readAt(at, answer.headers, at.in === 'body' ? parsed(answer).body : undefined));
    return { retry: isRetryable(rules, code) || statusRule(rules, answer.status).retryable, retryAfterMs: parseRetryAfter(answer.headers['retry-after'] ?? null) };
  };

  const send = (request: Outgoing, signal: AbortSignal | undefined) => retryAttempts<Read>({ ...retryOptions, signal, attempt: (each) => attempt(request, each), judge });

  // openapi-fetch's fetch: its Request made plain (an RPC pseudo-path's fragment never travels), sent like any call, the answer handed back whole.
  const signingFetch = async (request: Request): Promise<Response> => {
    const body = request.body === null ? undefined : await request.text();
    const answer = await send({ method: request.method, url: request.url.split('#')[0]!, headers: Object.fromEntries(request.headers), body }, request.signal).catch(
      scrub,
    );
    return new Response(NO_BODY.has(answer.status) ? null : (answer.body as Uint8Array<ArrayBuffer>), {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
    });
  };

  // openapi-fetch, made on first use: its typed methods, and middleware. Once a caller adds
  // middleware, every call goes through openapi-fetch too, so the middleware sees it.
  let openapi: Client<Paths> | undefined;
  let throughOpenapi = Object.keys(openapiOptions).length > 0;
  const openapiClient = () => (openapi ??= createOpenApiClient<Paths>({ ...openapiOptions, headers: optionHeaders, baseUrl: base, fetch: signingFetch } as never));
  // The methods are openapi-fetch's, passed through; their types are the ones the clients declare.
  const client = {
    // biome-ignore lint/suspicious/noExplicitAny: passed through untouched, typed by Client<Paths> below.
    GET: (...args: never[]) => (openapiClient().GET as any)(...args),
    // biome-ignore lint/suspicious/noExplicitAny: passed through untouched, typed by Client<Paths> below.
    POST: (...args: never[]) => (openapiClient().POST as any)(...args),
    use: (...added) => {
      throughOpenapi = true;
      openapiClient().use(...added);
    },
    eject: (...removed) => openapiClient().eject(...removed),
  } as Client<Paths>;

  /** The rules of the operation named `id` (with `member`, when given); InvalidInputError for a name the API does not have. */
  const operationOf = (id: string, member?: keyof OperationRules): OperationRules => {
    const operation = Object.hasOwn(operations, id) ? operations[id] : undefined;
    if (operation && (!member || operation[member])) return operation;
    throw new InvalidInputError('operationId', `must be one of ${Object.keys(operations).filter((name) => !member || operations[name]![member])}`);
  };

  /** What an answer means: the result, or the typed error it carries. */
  async function finish<Output>(id: string, status: number, headers: Readonly<Record<string, string>>, body: unknown, parseError: unknown): Promise<Output> {
    const requestId = text(readAt(rules.errorAt.requestId, headers, body));
    const codeAt = rules.errorAt.code;
    const hasError = codeAt.in === 'header' ? headers[codeAt.name.toLowerCase()] !== undefined : dig(body, codeAt.path.slice(0, -1)) !== undefined;
    if (status < 200 || status > 299 || hasError) {
      const [{ errorOf }, { errorKinds }] = await Promise.all([import('./answer.js'), provider.errorKinds()]);
      throw errorOf(rules, provider.errors, errorKinds, status, headers, body, requestId);
    }
    // Cut off, not JSON, or not an object: the cause says which.
    if (parseError !== undefined) throw new InvalidResponseError('the answer is not complete JSON', status, requestId, { cause: parseError });
    const at = operations[id]!.result;
    const result = dig(body, at);
    if (!isObject(result)) {
      throw new InvalidResponseError(`the answer has no JSON object at ${['$', ...at].join('.')}`, status, requestId);
    }
    if (validateResponses) {
      const [{ findSchemaViolation }, { successSchemas }] = await Promise.all([import('./schema.js'), provider.successSchemas()]);
      const violation = findSchemaViolation(successSchemas[id] ?? {}, body);
      if (violation) throw new InvalidResponseError(`the answer breaks the spec's schema ${violation}`, status, requestId);
    }
    return result as Output;
  }

  // The Node entry's direct call (its module is imported by that entry only, so browsers never carry it).
  const direct = provider.direct?.({ base, headers: fixedHeaders, send, finish });

  async function call<Output>(id: string, input: unknown, call: CallOptions = {}): Promise<Output> {
    const operation = operationOf(id);
    checkInput(input, operation.inputs);
    const checked: CallOptions = call.headers ? { ...call, headers: checkedHeaders(call.headers) } : call;
    const values = input as Record<string, unknown>;
    return direct && !throughOpenapi ? direct<Output>(operation, id, values, checked) : callThroughOpenapi<Output>(id, operation, values, checked);
  }

  /** The same call through openapi-fetch, so its middleware applies. */
  async function callThroughOpenapi<Output>(id: string, operation: OperationRules, values: Record<string, unknown>, call: CallOptions): Promise<Output> {
    const { path, body } = requestParts(operation, values);
    // biome-ignore lint/suspicious/noExplicitAny: the method and path come from the rules, so openapi-fetch's per-path types cannot apply.
    const { data, error, response } = await (openapiClient() as any).request(operation.method, path, {
      // The body as the core wrote it, whatever serializer the client was given.
      ...(body && { body, bodySerializer: String }),
      parseAs: 'text',
      signal: call.signal,
      headers: { ...operation.headers, ...call.headers },
    });
    // openapi-fetch gives an error answer's body as `error`, already parsed when it is JSON.
    let parsedBody: unknown = error;
    let parseError: unknown;
    if (typeof error === 'string' || error === undefined) {
      try {
        parsedBody = JSON.parse(data ?? error ?? '');
      } catch (cause) {
        parseError = cause;
        parsedBody = undefined;
      }
    }
    return finish<Output>(id, response.status, Object.fromEntries((response as Response).headers), parsedBody, parseError);
  }

  async function download(id: string, output: unknown, options: DownloadOptions = {}): Promise<Uint8Array> {
    const at = operationOf(id, 'download').download!;
    // Loaded on first use: callers who never download do not pay for it.
    const { downloadVerified } = await import('./download.js');
    return downloadVerified(
      { location: dig(output, at.location), size: at.size && dig(output, at.size), sha256: { [at.encoding]: dig(output, at.sha256) } as { base64: unknown } },
      { maxAttempts, timeoutMs, ...retry, ...options, fetch: transport.fetch, redact: keys.redact },
    );
  }

  const api = {
    call: (id: string, input: unknown, options?: CallOptions) => call(id, input, options).catch(scrub),
    download: (id: string, output: unknown, options?: DownloadOptions) => download(id, output, options).catch(scrub),
    use: client.use,
    eject: client.eject,
  };
  return { api: api as ApiClient<Paths, Operations>, client };
}
