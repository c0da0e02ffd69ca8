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
  const secretDate = await hmacSha256(`TC3${input.secretKey}`, date);
  const secretService = await hmacSha256(secretDate, input.service);
  const secretSigning = await hmacSha256(secretService, 'tc3_request');
  const signature = toHex(await hmacSha256(secretSigning, stringToSign));
  return {
    authorization: `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    signature,
    canonicalRequest,
    stringToSign,
  };
}
