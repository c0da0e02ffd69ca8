// TC3-HMAC-SHA256, Tencent Cloud API 3.0's signature, with Web Crypto only. No small library
// signs TC3, so it is written here and checked against Tencent's published worked example.
import { hmacSha256, sha256, toHex } from '@layerspec/client-runtime/bytes';

export interface Tc3Input {
  method: string;
  /** The request URL; its path and query are signed. */
  url: string;
  /** The headers to sign, by name; `content-type` and `host` at least. */
  headers: Record<string, string>;
  /** The body exactly as sent. */
  payload: string;
  /** Unix seconds, the value of `X-TC-Timestamp`. */
  timestamp: number;
  /** The product's service name in the credential scope, such as `scf`. */
  service: string;
  secretId: string;
  secretKey: string;
}

// Derived signing keys, by secret, UTC day and service: deriving one costs three HMACs (each a
// Web Crypto round trip), and it changes once a day. Bounded like @smithy/signature-v4's cache.
const signingKeys = new Map<string, Promise<ArrayBuffer>>();
const MAX_SIGNING_KEYS = 50;

export interface Tc3Signature {
  authorization: string;
  signature: string;
  canonicalRequest: string;
  stringToSign: string;
}

/** The UTC date of a Unix timestamp as YYYY-MM-DD (not the local date: see Tencent's note on UTC+8). */
function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

async function deriveSigningKey(secretKey: string, date: string, service: string): Promise<ArrayBuffer> {
  const secretDate = await hmacSha256(`TC3${secretKey}`, date);
  const secretService = await hmacSha256(secretDate, service);
  return hmacSha256(secretService, 'tc3_request');
}

function signingKey(secretKey: string, date: string, service: string): Promise<ArrayBuffer> {
  const id = `${date}/${service}/${secretKey}`;
  let key = signingKeys.get(id);
  if (!key) {
    if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.clear();
    key = deriveSigningKey(secretKey, date, service);
    signingKeys.set(id, key);
  }
  return key;
}

export async function signTc3(input: Tc3Input): Promise<Tc3Signature> {
  const url = new URL(input.url);
  // Header names and values are lower-cased and trimmed, then sorted by name.
  const headers = Object.entries(input.headers)
    .map(([name, value]) => [name.trim().toLowerCase(), value.trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalRequest = [
    input.method.toUpperCase(),
    url.pathname,
    input.method.toUpperCase() === 'POST' ? '' : url.search.slice(1),
    headers.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders,
    toHex(await sha256(input.payload)),
  ].join('\n');
  const date = utcDate(input.timestamp);
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, toHex(await sha256(canonicalRequest))].join('\n');
  const secretSigning = await signingKey(input.secretKey, date, input.service);
  const signature = toHex(await hmacSha256(secretSigning, stringToSign));
  return {
    authorization: `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    signature,
    canonicalRequest,
    stringToSign,
  };
}
