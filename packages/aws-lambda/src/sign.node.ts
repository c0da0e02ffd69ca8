// SigV4 on Node with aws4 (node:crypto, synchronous): the same signature as aws4fetch's, by the
// same author, without a trip through the thread pool for each hash. aws4 keeps its own cache of
// derived signing keys (by secret, day, region and service). It encodes each path segment once
// more for the canonical URI, as AWS expects for every service but S3.
import type { Outgoing } from '@layerspec/client-runtime/transport';
import aws4 from 'aws4';
import type { SignOptions } from './sign.js';

/** The client core's signer on Node: the request as plain data, its signature headers added (names lower-case). */
export function signOutgoing(request: Outgoing, options: SignOptions): Outgoing {
  const url = new URL(request.url);
  const signer = new aws4.RequestSigner(
    { host: url.host, path: url.pathname + url.search, method: request.method, headers: { ...request.headers }, body: request.body ?? '', service: options.service ?? 'lambda', region: options.region },
    options.credentials,
  );
  if (options.datetime) signer.datetime = options.datetime;
  const signed = signer.sign().headers ?? {};
  const headers: Record<string, string> = {};
  // Host is signed; the transport sends the same value itself (fetch forbids setting it).
  for (const [name, value] of Object.entries(signed)) if (value !== undefined && name.toLowerCase() !== 'host') headers[name.toLowerCase()] = String(value);
  return { ...request, headers };
}

/** Returns the request's method, URL and headers with `Authorization` and `X-Amz-Date` (and token) added. */
export async function signRequest(
  request: { method: string; url: string; headers: Headers; body?: string | undefined },
  options: SignOptions,
): Promise<{ method: string; url: URL; headers: Headers }> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  const signed = signOutgoing({ method: request.method, url: request.url, headers, body: request.body }, options);
  return { method: request.method, url: new URL(request.url), headers: new Headers(signed.headers) };
}
