// createClient: the client core of any API in the model. Given an API's generated rules and its
// signer, it checks input, sends through openapi-fetch over a fetch that signs, retries and times
// out each attempt, reads answers and error answers where the model says they are, and downloads
// the archive an answer points to. The provider packages add their signer and their error classes.
import createOpenApiClient, { type Client } from 'openapi-fetch';
import { credentialsSource, type CredentialsSource } from './credentials.js';
import { InvalidInputError, InvalidResponseError, type ClientError, type ErrorKind } from './errors.js';
import { checkInput, checkTransportOptions, checkValue, type InputRule } from './input.js';
import type { CallOptions, DownloadOptions, TransportOptions } from './options.js';
import { parseRetryAfter, sendWithRetries } from './retry.js';
import type { Schema } from './schema.js';

/** Where an answer carries a value: a header by name, or a member of the JSON body by path. */
export type Location = { readonly in: 'header'; readonly name: string } | { readonly in: 'body'; readonly path: readonly string[] };

/** The kind and retryability of an error answer. */
export interface StatusRule {
  readonly kind: ErrorKind;
  readonly retryable: boolean;
}

/** The slim rules of one API that tools/generate-rules.mjs writes from its model. */
export interface ApiRules {
  readonly operation: { readonly method: string; readonly path: string; readonly inputsIn: 'path' | 'body' };
  readonly inputRules: Readonly<Record<string, InputRule>>;
  readonly result: readonly string[];
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
  readonly download: { readonly location: readonly string[]; readonly size?: readonly string[]; readonly sha256: readonly string[]; readonly encoding: 'base64' | 'hex' };
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
  /** Signs one attempt; returns the URL and headers to send (the body is sent as given). */
  sign(request: { method: string; url: string; headers: Headers; body: string | undefined }, keys: Keys): Promise<{ url: string | URL; headers: Headers }>;
}

export interface Provider<Keys> {
  rules: ApiRules;
  signer: Signer<Keys>;
  errors: ProviderErrors;
  /** Loaded on the first error answer: the neutral kind of each documented code (the generated errors module). */
  errorKinds: () => Promise<{ errorKinds: Readonly<Record<string, ErrorKind>> }>;
  /** Loaded on the first answer to validate: the success schema. */
  successSchema: () => Promise<{ successSchema: Schema }>;
}

/** A provider's error module. */
export interface ProviderErrors {
  /** Makes the provider's error (its subclass) from an error answer. */
  toError: (answer: ErrorAnswer) => ClientError;
}

export interface CoreOptions<Keys> extends TransportOptions {
  credentials: CredentialsSource<Keys>;
  endpoint?: string | undefined;
}

/** What every client has; each adds its openapi-fetch method (`GET`, `POST`). */
export interface ApiClient<Paths extends {}, Input, Output> {
  /** Calls the operation, or rejects with a typed error. */
  getLayerVersion(input: Input, call?: CallOptions): Promise<Output>;
  /**
   * Downloads the archive at the answer's location (unsigned: the URL carries its own
   * authorisation) and resolves to its bytes once the size (where the answer gives one) and the
   * SHA-256 match; rejects with IntegrityError otherwise. Only `https:` unless `allowHttp` is set.
   */
  downloadLayerVersion(output: Output, options?: DownloadOptions): Promise<Uint8Array>;
  /** openapi-fetch middleware. */
  use: Client<Paths>['use'];
  eject: Client<Paths>['eject'];
}

export const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const dig = (value: unknown, path: readonly string[]): unknown =>
  // biome-ignore lint/suspicious/noExplicitAny: each step is checked to be an object with the key before it is read.
  path.reduce<any>((at, key) => (at !== null && typeof at === 'object' && Object.hasOwn(at, key) ? at[key] : undefined), value);
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value an answer carries at `at`. */
export function readAt(at: Location | undefined, headers: Headers, body: unknown): unknown {
  if (!at) return undefined;
  return at.in === 'header' ? (headers.get(at.name) ?? undefined) : dig(body, at.path);
}

/** Whether the model calls a code retryable: itself or its parent (`InternalError.X` as `InternalError`). */
export function isRetryable(rules: ApiRules, code: string | undefined): boolean {
  return code !== undefined && (rules.retryableCodes.includes(code) || rules.retryableCodes.includes(code.split('.')[0]!));
}

/** The code within the value at `errorAt.code`: the group `code` of `errorAt.codeFormat`, else the whole value. */
export function codeOf(rules: ApiRules, value: unknown): string | undefined {
  const raw = text(value);
  const format = rules.errorAt.codeFormat;
  if (raw === undefined || format === undefined) return raw;
  return text(new RegExp(format).exec(raw)?.groups?.code) ?? raw;
}

/**
 * What an error answer's status says of it: the model's rule where the spec documents the status.
 * Otherwise HTTP's own meaning, which is no fact of one API (RFC 9110, RFC 6585): a 5xx, such as
 * a proxy's HTML 502, is the server failing and worth another try; 429 asks the caller to slow
 * down; 401 wants authentication; any other 4xx is the request's fault. Below 400 (an API that
 * sends its errors with 200) the status says nothing, and only the code makes it retryable.
 */
export function statusRule(rules: ApiRules, status: number): StatusRule {
  const documented = rules.statusRules[status];
  if (documented) return documented;
  if (status >= 500) return { kind: 'service', retryable: true };
  if (status === 429) return { kind: 'throttled', retryable: true };
  if (status === 401) return { kind: 'auth', retryable: false };
  if (status >= 400) return { kind: 'invalid-input', retryable: false };
  return { kind: 'service', retryable: false };
}

/** Checks the options every client takes; `region` and any others against the model's rules. */
export function checkOptions(options: Record<string, unknown>, rules: Readonly<Record<string, InputRule>>, required: readonly string[]): void {
  if (typeof options !== 'object' || options === null) throw new InvalidInputError('options', 'must be an object');
  for (const [field, rule] of Object.entries(rules)) if (options[field] !== undefined || required.includes(field)) checkValue(field, options[field], rule);
  if (options.credentials === undefined || options.credentials === null) throw new InvalidInputError('credentials', 'is required');
  checkTransportOptions(options);
}

export function createClient<Paths extends {}, Keys extends object, Input, Output>(provider: Provider<Keys>, options: CoreOptions<Keys> & { baseUrl: string }) {
  const { rules, signer } = provider;
  const { credentials, endpoint, baseUrl, fetch: transport, maxAttempts, timeoutMs, validateResponses, retry, ...fetchOptions } = options;
  const send = transport ?? ((request: Request) => globalThis.fetch(request));
  // `redact` knows every secret seen so far, for scrubbing every error before it leaves.
  const keys = credentialsSource(credentials, signer.keys.required as [keyof Keys & string, keyof Keys & string], signer.keys.secrets as Array<keyof Keys>);

  // Every error leaves scrubbed, openapi-fetch's own methods' too; loaded on the first failure.
  const scrub = async (error: unknown): Promise<never> => {
    const { scrubError } = await import('./scrub.js');
    throw scrubError(error, keys.redact);
  };

  const signingFetch = async (request: Request): Promise<Response> => {
    const body = request.body === null ? undefined : await request.text();
    return sendWithRetries({
      maxAttempts,
      timeoutMs,
      ...retry,
      signal: request.signal,
      redact: keys.redact,
      send: async (signal) => {
        const signed = await signer.sign({ method: request.method, url: request.url, headers: new Headers(request.headers), body }, await keys.get());
        return send(new Request(signed.url, { method: request.method, headers: signed.headers, body, signal, redirect: 'manual' }));
      },
      // An answer is worth another try when the model calls its error code retryable (Tencent
      // answers HTTP 200), or when its status is (see statusRule: the proxy's HTML 502 included).
      judge: async (response) => {
        const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
        const at = rules.errorAt.code;
        let parsed: unknown;
        if (at.in === 'body') parsed = await response.json().catch(() => undefined);
        const retry = isRetryable(rules, codeOf(rules, readAt(at, response.headers, parsed))) || statusRule(rules, response.status).retryable;
        return { retry, retryAfterMs };
      },
    }).catch(scrub);
  };

  const client = createOpenApiClient<Paths>({ ...fetchOptions, baseUrl: endpoint ?? baseUrl, fetch: signingFetch } as never);

  async function call(input: Input, call: CallOptions): Promise<Output> {
    checkInput(input, rules.inputRules);
    const values = Object.fromEntries(Object.keys(rules.inputRules).map((name) => [name, (input as Record<string, unknown>)[name]]));
    const { method, path, inputsIn } = rules.operation;
    // biome-ignore lint/suspicious/noExplicitAny: the method and path come from the rules, so openapi-fetch's per-path types cannot apply.
    const { data, error, response } = await (client as any).request(method.toLowerCase(), path, {
      ...(inputsIn === 'path' ? { params: { path: values } } : { body: values }),
      parseAs: 'text',
      ...(call.signal ? { signal: call.signal } : {}),
      ...(call.headers ? { headers: call.headers } : {}),
    });
    // openapi-fetch gives an error answer's body as `error`, already parsed when it is JSON.
    let body: unknown = error;
    let parseError: unknown;
    if (typeof error === 'string' || error === undefined) {
      try {
        body = JSON.parse(data ?? error ?? '');
      } catch (cause) {
        parseError = cause;
      }
    }
    const requestId = text(readAt(rules.errorAt.requestId, response.headers, body));
    const codeAt = rules.errorAt.code;
    const hasError = codeAt.in === 'header' ? response.headers.has(codeAt.name) : dig(body, codeAt.path.slice(0, -1)) !== undefined;
    if (!response.ok || hasError) {
      const [{ errorOf }, { errorKinds }] = await Promise.all([import('./answer.js'), provider.errorKinds()]);
      throw errorOf(rules, provider.errors, errorKinds, response, body, requestId);
    }
    // Cut off, not JSON, or not an object: the cause says which.
    if (parseError !== undefined) throw new InvalidResponseError('the answer is not complete JSON', response.status, requestId, { cause: parseError });
    const result = dig(body, rules.result);
    if (!isObject(result)) {
      throw new InvalidResponseError(`the answer has no JSON object at ${['$', ...rules.result].join('.')}`, response.status, requestId);
    }
    if (validateResponses) {
      const [{ findSchemaViolation }, { successSchema }] = await Promise.all([import('./schema.js'), provider.successSchema()]);
      const violation = findSchemaViolation(successSchema, body);
      if (violation) throw new InvalidResponseError(`the answer breaks the spec's schema ${violation}`, response.status, requestId);
    }
    return result as Output;
  }

  async function download(output: Output, options: DownloadOptions = {}): Promise<Uint8Array> {
    // Loaded on first use: callers who never download do not pay for it.
    const { downloadVerified } = await import('./download.js');
    const at = rules.download;
    return downloadVerified(
      { location: dig(output, at.location), size: at.size && dig(output, at.size), sha256: { [at.encoding]: dig(output, at.sha256) } as { base64: unknown } },
      { maxAttempts, timeoutMs, ...retry, ...options, fetch: send, redact: keys.redact },
    );
  }

  const api: ApiClient<Paths, Input, Output> = {
    getLayerVersion: (input, options = {}) => call(input, options).catch(scrub),
    downloadLayerVersion: (output, options) => download(output, options).catch(scrub),
    use: client.use,
    eject: client.eject,
  };
  return { api, client };
}
