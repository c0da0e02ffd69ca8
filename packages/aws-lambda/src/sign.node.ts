// SigV4 on Node with node:crypto, synchronously: the canonical request of aws4fetch (the universal
// entry's signer) computed without Web Crypto's trip through the thread pool for each hash. Why
// not a library here: @smithy/signature-v4 (the AWS SDK's) bundles to 47 KB gzipped with
// @smithy/core; aws4 (node:crypto, by aws4fetch's author) is CommonJS, and importing it from ESM
// costs Node 20 15-20 ms of start (the CommonJS loader and its export lexer), a third of the
// client's cold start. The tests hold this signer to AWS's test-suite vector and to
// @smithy/signature-v4, on both entries.
import { createHash, createHmac } from 'node:crypto';
import type { Outgoing } from '@layerspec/client-runtime/transport';
import type { SignOptions } from './sign.js';

// Headers aws4fetch leaves unsigned, so that both entries sign the same set.
const UNSIGNABLE = new Set(['authorization', 'content-type', 'content-length', 'user-agent', 'presigned-expires', 'expect', 'x-amzn-trace-id', 'range', 'connection']);

// Derived signing keys, by secret, day, region and service: with it a call costs one HMAC instead
// of five. Bounded like @smithy/signature-v4's own module-level cache.
const signingKeys = new Map<string, Buffer>();
const MAX_SIGNING_KEYS = 50;

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();
const sha256Hex = (data: string): string => createHash('sha256').update(data).digest('hex');
// Most calls are GETs: the hash of the empty body, once.
const EMPTY_BODY_HASH = sha256Hex('');
const encodeRfc3986 = (text: string): string => text.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const encodePart = (text: string): string => encodeRfc3986(encodeURIComponent(text));

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const id = `${secret},${date},${region},${service}`;
  let key = signingKeys.get(id);
  if (!key) {
    if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.clear();
    key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
    signingKeys.set(id, key);
  }
  return key;
}

/** The client core's signer on Node: the request as plain data, `x-amz-date`, the token and `authorization` added. */
export function signOutgoing(request: Outgoing, options: SignOptions): Outgoing {
  const { credentials, region } = options;
  const service = options.service ?? 'lambda';
  const url = new URL(request.url);
  const datetime = options.datetime ?? new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const headers: Record<string, string> = {};
  for (const name in request.headers) if (name.toLowerCase() !== 'host') headers[name.toLowerCase()] = request.headers[name]!;
  headers['x-amz-date'] = datetime;
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
  const signed = ['host', ...Object.keys(headers).filter((name) => !UNSIGNABLE.has(name))].sort();
  const signedHeaders = signed.join(';');
  const canonicalHeaders = signed.map((name) => `${name}:${name === 'host' ? url.host : headers[name]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  // Every service but S3 signs the path as sent, encoded once more (`%3A` as `%253A`).
  const path = encodeRfc3986(encodeURIComponent(url.pathname.replace(/\/+/g, '/')).replace(/%2F/g, '/'));
  const query = [...url.searchParams]
    .filter(([key]) => key !== '')
    .map(([key, value]) => [encodePart(key), encodePart(value)])
    .sort(([k1, v1], [k2, v2]) => (k1! < k2! ? -1 : k1! > k2! ? 1 : v1! < v2! ? -1 : v1! > v2! ? 1 : 0))
    .map((pair) => pair.join('='))
    .join('&');
  const canonicalRequest = `${request.method.toUpperCase()}\n${path}\n${query}\n${canonicalHeaders}\n${signedHeaders}\n${request.body ? sha256Hex(request.body) : EMPTY_BODY_HASH}`;
  const scope = `${datetime.slice(0, 8)}/${region}/${service}/aws4_request`;
  const stringToSign = `AWS4-HMAC-SHA256\n${datetime}\n${scope}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', signingKey(credentials.secretAccessKey, datetime.slice(0, 8), region, service))
    .update(stringToSign)
    .digest('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { ...request, headers };
}

/** Returns the request's method, URL and headers with `Authorization` and `X-Amz-Date` (and token) added. */
export async function signRequest(
  request: { method: string; url: string; headers: Headers; body?: string | undefined },
  options: SignOptions,
): Promise<{ method: string; url: URL; headers: Headers }> {
  const signed = signOutgoing({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body: request.body }, options);
  return { method: request.method, url: new URL(request.url), headers: new Headers(signed.headers) };
}
