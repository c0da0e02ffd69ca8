// SigV4 with aws4fetch (Web Crypto), for every runtime. It signs the host with its port and encodes
// the path a second time for the canonical URI (`%3A` is signed as `%253A`), as AWS expects for Lambda.
import type { Outgoing } from '@layerspec/client-runtime/transport';
import { AwsV4Signer } from 'aws4fetch';

export interface LambdaCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

export interface SignOptions {
  credentials: LambdaCredentials;
  region: string;
  /** Signing name; `lambda` for AWS Lambda. */
  service?: string;
  /** `YYYYMMDDTHHMMSSZ`; the current time when absent. */
  datetime?: string;
}

// Derived signing keys, by secret, day, region and service (aws4fetch's cache): with it a call
// costs one HMAC instead of five. Bounded like @smithy/signature-v4's own module-level cache.
const signingKeys = new Map<string, ArrayBuffer>();
const MAX_SIGNING_KEYS = 50;

/** Returns the request's method, URL and headers with `Authorization` and `X-Amz-Date` (and token) added. */
export async function signRequest(
  request: { method: string; url: string; headers: Headers; body?: string | undefined },
  options: SignOptions,
): Promise<{ method: string; url: URL; headers: Headers }> {
  const signer = new AwsV4Signer({
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: request.body,
    accessKeyId: options.credentials.accessKeyId,
    secretAccessKey: options.credentials.secretAccessKey,
    sessionToken: options.credentials.sessionToken,
    service: options.service ?? 'lambda',
    region: options.region,
    datetime: options.datetime,
    cache: signingKeys,
  });
  if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.clear();
  return signer.sign();
}

/** The client core's signer: the request as plain data, its signature headers added. */
export async function signOutgoing(request: Outgoing, options: SignOptions): Promise<Outgoing> {
  const signed = await signRequest({ ...request, headers: new Headers(request.headers) }, options);
  return { ...request, headers: Object.fromEntries(signed.headers) };
}
