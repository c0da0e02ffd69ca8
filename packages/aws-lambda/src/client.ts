// createLambdaClient: openapi-fetch over a fetch that checks, signs, retries and times out.
import { InvalidInputError, InvalidResponseError } from '@layerspec/client-runtime/errors';
import { toLambdaError } from './errors.js';
import { credentialsSource } from '@layerspec/client-runtime/credentials';
import { checkInput, checkTransportOptions } from '@layerspec/client-runtime/input';
import type { CallOptions, DownloadOptions, TransportOptions } from '@layerspec/client-runtime/options';
import { parseRetryAfter, sendWithRetries } from '@layerspec/client-runtime/retry';
import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './generated/aws-lambda.js';
import { inputRules, operation, servers } from './generated/rules.js';
import { signRequest, type LambdaCredentials } from './sign.js';

export type { LambdaCredentials } from './sign.js';
export type { CallOptions, DownloadOptions } from '@layerspec/client-runtime/options';
export type GetLayerVersionInput = operations['GetLayerVersion']['parameters']['path'];
export type GetLayerVersionOutput = components['schemas']['GetLayerVersionResponse'];

export interface LambdaClientOptions extends TransportOptions {
  /** The AWS Region of the layer, such as `us-east-1`; also the signing region. */
  region: string;
  /** Keys, or a function that returns them (called before each attempt, so rotated keys are picked up). */
  credentials: LambdaCredentials | (() => LambdaCredentials | Promise<LambdaCredentials>);
  /** Base URL; the spec's regional endpoint `https://lambda.<region>.amazonaws.com` by default. */
  endpoint?: string;
}

/** What createLambdaClient returns. Written out (not inferred) so the published .d.ts type-checks on its own. */
export interface LambdaClient {
  /** Gets a layer version, or rejects with a typed error. */
  getLayerVersion(input: GetLayerVersionInput, call?: CallOptions): Promise<GetLayerVersionOutput>;
  /** openapi-fetch's typed GET, for the `{ data, error }` style; requests are signed and retried too. */
  GET: Client<paths>['GET'];
  /**
   * Downloads the archive at the answer's `Location` (unsigned: the URL carries its own
   * authorisation) and resolves to its bytes once `CodeSize` and the base64 `CodeSha256` match;
   * rejects with IntegrityError otherwise. Only `https:` unless `allowHttp` is set.
   */
  downloadLayerVersion(output: GetLayerVersionOutput, options?: DownloadOptions): Promise<Uint8Array>;
  /** openapi-fetch middleware. */
  use: Client<paths>['use'];
  eject: Client<paths>['eject'];
}

const REGION = /^[a-z]{2}(?:-[a-z0-9]+)+-\d+$/;
const path = operation.path;

/** The spec's default server with the region filled in. */
export function defaultEndpoint(region: string): string {
  return servers[0].replace('{region}', region);
}

function checkOptions(options: LambdaClientOptions): void {
  if (typeof options?.region !== 'string' || !REGION.test(options.region)) {
    throw new InvalidInputError('region', 'must be an AWS Region such as us-east-1');
  }
  if (options.credentials === undefined || options.credentials === null) throw new InvalidInputError('credentials', 'is required');
  checkTransportOptions(options);
}

export function createLambdaClient(options: LambdaClientOptions): LambdaClient {
  checkOptions(options);
  const { region, credentials, endpoint, fetch: transport, maxAttempts, timeoutMs, validateResponses, retry, ...fetchOptions } = options;
  const send = transport ?? ((request: Request) => globalThis.fetch(request));
  // `redact` knows every secret seen so far, for scrubbing every error before it leaves.
  const { get: getCredentials, redact } = credentialsSource(credentials, ['accessKeyId', 'secretAccessKey'], ['secretAccessKey', 'sessionToken']);

  // Every error leaves scrubbed, openapi-fetch's own methods' too; loaded on the first failure.
  const scrub = async (error: unknown): Promise<never> => {
    const { scrubError } = await import('@layerspec/client-runtime/scrub');
    throw scrubError(error, redact);
  };

  const signingFetch = async (request: Request): Promise<Response> => {
    const body = request.body === null ? undefined : await request.text();
    return sendWithRetries({
      maxAttempts,
      timeoutMs,
      ...retry,
      signal: request.signal,
      redact,
      send: async (signal) => {
        const keys = await getCredentials();
        const signed = await signRequest({ method: request.method, url: request.url, headers: request.headers, body }, { credentials: keys, region });
        return send(new Request(signed.url, { method: signed.method, headers: signed.headers, body, signal, redirect: 'manual' }));
      },
      // Throttling and server errors (the HTML of a proxy's 502 included) are worth another try.
      judge: (response) => ({
        retry: response.status === 429 || response.status >= 500,
        retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
      }),
    }).catch(scrub);
  };

  const client = createClient<paths>({ ...fetchOptions, baseUrl: endpoint ?? defaultEndpoint(region), fetch: signingFetch });

  /** Gets a layer version; rejects with a LambdaError subclass, InvalidInputError, NetworkError, TimeoutError or InvalidResponseError. */
  async function getLayerVersion(input: GetLayerVersionInput, call: CallOptions = {}): Promise<GetLayerVersionOutput> {
    return callLayerVersion(input, call).catch(scrub);
  }

  async function callLayerVersion(input: GetLayerVersionInput, call: CallOptions): Promise<GetLayerVersionOutput> {
    checkInput(input, inputRules);
    const { data, error, response } = await client.GET(path, {
      params: { path: { LayerName: input.LayerName, VersionNumber: input.VersionNumber } },
      parseAs: 'text',
      ...(call.signal ? { signal: call.signal } : {}),
      ...(call.headers ? { headers: call.headers } : {}),
    });
    const requestId = response.headers.get('x-amzn-RequestId') ?? undefined;
    if (!response.ok) throw toLambdaError(response, error);
    let parsed: unknown;
    try {
      parsed = JSON.parse(data ?? '');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TypeError(`${typeof parsed} is not an object`);
    } catch (cause) {
      // Cut off, not JSON, or not an object: the cause says which.
      throw new InvalidResponseError('the answer is not a complete JSON object', response.status, requestId, { cause });
    }
    if (validateResponses) {
      const { findViolation } = await import('./validate.js');
      const violation = findViolation(parsed);
      if (violation) throw new InvalidResponseError(`the answer breaks the spec's schema ${violation}`, response.status, requestId);
    }
    return parsed as GetLayerVersionOutput;
  }

  async function downloadLayerVersion(output: GetLayerVersionOutput, download: DownloadOptions = {}): Promise<Uint8Array> {
    // Loaded on first use: callers who never download do not pay for it.
    const { downloadVerified } = await import('./download.js');
    return downloadVerified({ location: output?.Content?.Location, size: output?.Content?.CodeSize, sha256: { base64: output?.Content?.CodeSha256 } }, {
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
    /** openapi-fetch's typed GET, for the `{ data, error }` style; requests are signed and retried too. */
    GET: client.GET,
    /** openapi-fetch middleware. */
    use: client.use,
    eject: client.eject,
  };
}

