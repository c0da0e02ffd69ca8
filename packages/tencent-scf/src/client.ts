// createScfClient: openapi-fetch over a fetch that checks, signs (TC3), retries and times out.
import { InvalidInputError, InvalidResponseError } from '@layerspec/client-runtime/errors';
import { credentialsSource } from '@layerspec/client-runtime/credentials';
import { checkInput, checkTransportOptions } from '@layerspec/client-runtime/input';
import type { CallOptions, DownloadOptions, TransportOptions } from '@layerspec/client-runtime/options';
import { parseRetryAfter, sendWithRetries } from '@layerspec/client-runtime/retry';
import createClient, { type Client } from 'openapi-fetch';
import { TencentCloudError, isRetryableCode } from './errors.js';
import type { components, paths } from './generated/tencent-scf.js';
import { constantHeaders, inputRules, operation, servers } from './generated/rules.js';
import { signTc3 } from './sign.js';

export interface ScfCredentials {
  secretId: string;
  secretKey: string;
  /** The security token of temporary credentials, sent as `X-TC-Token`. */
  token?: string | undefined;
}

export type { CallOptions, DownloadOptions } from '@layerspec/client-runtime/options';
export type GetLayerVersionInput = components['schemas']['GetLayerVersionRequest'];
export type GetLayerVersionOutput = Omit<components['schemas']['GetLayerVersionResult'], 'Error'>;
export type ScfLanguage = components['parameters']['Language'];

export interface ScfClientOptions extends TransportOptions {
  /** The region of the layer, sent as `X-TC-Region`, such as `ap-guangzhou`. */
  region?: string;
  /** Keys, or a function that returns them (called before each attempt). */
  credentials: ScfCredentials | (() => ScfCredentials | Promise<ScfCredentials>);
  /** Base URL; the spec's `https://scf.tencentcloudapi.com` by default. */
  endpoint?: string;
  /** The language of error messages, sent as `X-TC-Language`. */
  language?: ScfLanguage;
  /** Service name in the signature's credential scope. Default `scf`. */
  service?: string;
}

/** What createScfClient returns. Written out (not inferred) so the published .d.ts type-checks on its own. */
export interface ScfClient {
  /** Gets a layer version, or rejects with a typed error. */
  getLayerVersion(input: GetLayerVersionInput, call?: CallOptions): Promise<GetLayerVersionOutput>;
  /** openapi-fetch's typed POST, for the `{ data, error }` style; requests are signed and retried too. */
  POST: Client<paths>['POST'];
  /**
   * Downloads the archive at the answer's `Location` (unsigned: the URL carries its own
   * authorisation) and resolves to its bytes once the hex `CodeSha256` match;
   * rejects with IntegrityError otherwise. Only `https:` unless `allowHttp` is set.
   */
  downloadLayerVersion(output: GetLayerVersionOutput, options?: DownloadOptions): Promise<Uint8Array>;
  /** openapi-fetch middleware. */
  use: Client<paths>['use'];
  eject: Client<paths>['eject'];
}

const REGION = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;
const LANGUAGES = ['zh-CN', 'en-US'];

function checkOptions(options: ScfClientOptions): void {
  if (typeof options !== 'object' || options === null) throw new InvalidInputError('options', 'must be an object');
  if (options.region !== undefined && !(typeof options.region === 'string' && REGION.test(options.region))) {
    throw new InvalidInputError('region', 'must be a Tencent Cloud region such as ap-guangzhou');
  }
  if (options.credentials === undefined || options.credentials === null) throw new InvalidInputError('credentials', 'is required');
  if (options.language !== undefined && !LANGUAGES.includes(options.language)) {
    throw new InvalidInputError('language', `must be one of ${LANGUAGES.join(', ')}`);
  }
  checkTransportOptions(options);
}

/** Reads `Response.Error` of an envelope, if the text is one. */
function envelopeError(text: string): { Code: string; Message: string } | undefined {
  try {
    const error = JSON.parse(text)?.Response?.Error;
    return typeof error?.Code === 'string' ? error : undefined;
  } catch {
    return undefined;
  }
}

export function createScfClient(options: ScfClientOptions): ScfClient {
  checkOptions(options);
  const { region, credentials, endpoint, language, service = 'scf', fetch: transport, maxAttempts, timeoutMs, validateResponses, retry, ...fetchOptions } = options;
  const send = transport ?? ((request: Request) => globalThis.fetch(request));
  // `redact` knows every secret seen so far, for scrubbing every error before it leaves.
  const { get: getCredentials, redact } = credentialsSource(credentials, ['secretId', 'secretKey'], ['secretKey', 'token']);

  // Every error leaves scrubbed, openapi-fetch's own methods' too; loaded on the first failure.
  const scrub = async (error: unknown): Promise<never> => {
    const { scrubError } = await import('@layerspec/client-runtime/scrub');
    throw scrubError(error, redact);
  };

  const signingFetch = async (request: Request): Promise<Response> => {
    const payload = request.body === null ? '' : await request.text();
    return sendWithRetries({
      maxAttempts,
      timeoutMs,
      ...retry,
      signal: request.signal,
      redact,
      send: async (signal) => {
        const keys = await getCredentials();
        const headers = new Headers(request.headers);
        const timestamp = Math.floor(Date.now() / 1000);
        headers.set('Content-Type', 'application/json');
        headers.set('X-TC-Timestamp', String(timestamp));
        for (const [name, value] of Object.entries(constantHeaders)) if (!headers.has(name)) headers.set(name, value);
        if (region) headers.set('X-TC-Region', region);
        if (language) headers.set('X-TC-Language', language);
        if (keys.token) headers.set('X-TC-Token', keys.token);
        // The host is signed without its port, as Tencent's own SDKs do.
        const { authorization } = await signTc3({
          method: request.method,
          url: request.url,
          headers: { 'content-type': 'application/json', host: new URL(request.url).hostname },
          payload,
          timestamp,
          service,
          secretId: keys.secretId,
          secretKey: keys.secretKey,
        });
        headers.set('Authorization', authorization);
        return send(new Request(request.url, { method: request.method, headers, body: payload || undefined, signal, redirect: 'manual' }));
      },
      // Every API 3.0 answer is HTTP 200: throttling and internal errors are told by their code.
      judge: async (response) => {
        const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
        if (response.status >= 500 || response.status === 429) return { retry: true, retryAfterMs };
        const error = response.ok ? envelopeError(await response.text()) : undefined;
        return { retry: error !== undefined && isRetryableCode(error.Code), retryAfterMs };
      },
    }).catch(scrub);
  };

  const client = createClient<paths>({ ...fetchOptions, baseUrl: endpoint ?? servers[0], fetch: signingFetch });

  /** Gets a layer version; rejects with TencentCloudError, InvalidInputError, NetworkError, TimeoutError or InvalidResponseError. */
  async function getLayerVersion(input: GetLayerVersionInput, call: CallOptions = {}): Promise<GetLayerVersionOutput> {
    return callLayerVersion(input, call).catch(scrub);
  }

  async function callLayerVersion(input: GetLayerVersionInput, call: CallOptions): Promise<GetLayerVersionOutput> {
    checkInput(input, inputRules);
    const { data, error, response } = await client.POST(operation.path, {
      params: { header: { ...constantHeaders, 'X-TC-Timestamp': Math.floor(Date.now() / 1000) } },
      body: { LayerName: input.LayerName, LayerVersion: input.LayerVersion },
      parseAs: 'text',
      ...(call.signal ? { signal: call.signal } : {}),
      ...(call.headers ? { headers: call.headers } : {}),
    });
    if (!response.ok) {
      throw new InvalidResponseError(`API 3.0 answers with HTTP 200, but this answer is HTTP ${response.status}`, response.status, undefined, {
        cause: typeof error === 'string' ? undefined : error,
      });
    }
    let envelope: any;
    try {
      envelope = JSON.parse(data ?? '');
    } catch (cause) {
      throw new InvalidResponseError('the answer is not complete JSON', response.status, undefined, { cause });
    }
    const result = envelope?.Response;
    if (typeof result !== 'object' || result === null || Array.isArray(result)) {
      throw new InvalidResponseError('the answer has no {"Response": {...}} envelope', response.status, undefined);
    }
    const requestId = typeof result.RequestId === 'string' ? result.RequestId : undefined;
    if (result.Error !== undefined) {
      const code = typeof result.Error?.Code === 'string' ? result.Error.Code : 'UnknownError';
      const message = typeof result.Error?.Message === 'string' ? result.Error.Message : '';
      throw new TencentCloudError(code, message, requestId);
    }
    if (validateResponses) {
      const { findViolation } = await import('./validate.js');
      const violation = findViolation(envelope);
      if (violation) throw new InvalidResponseError(`the answer breaks the spec's schema ${violation}`, response.status, requestId);
    }
    return result as GetLayerVersionOutput;
  }

  async function downloadLayerVersion(output: GetLayerVersionOutput, download: DownloadOptions = {}): Promise<Uint8Array> {
    // Loaded on first use: callers who never download do not pay for it.
    const { downloadVerified } = await import('./download.js');
    return downloadVerified({ location: output?.Location, sha256: { hex: output?.CodeSha256 } }, {
      maxAttempts,
      timeoutMs,
      ...retry,
      ...download,
      fetch: send,
      redact,
    }).catch(scrub);
  }

  return {
    getLayerVersion,
    downloadLayerVersion,
    /** openapi-fetch's typed POST, for the `{ data, error }` style; requests are signed and retried too. */
    POST: client.POST,
    /** openapi-fetch middleware. */
    use: client.use,
    eject: client.eject,
  };
}

