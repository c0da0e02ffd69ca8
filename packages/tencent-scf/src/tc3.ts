// TC3-HMAC-SHA256's canonical request, scope and Authorization header: the text both signers
// (Web Crypto in sign.ts, node:crypto in sign.node.ts) hash, written once.
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
export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** The canonical request less its last line (the payload's hash), and the signed header names. */
export function canonicalHead(input: Tc3Input): { head: string; signedHeaders: string } {
  const url = new URL(input.url);
  // Header names and values are lower-cased and trimmed, then sorted by name.
  const headers = Object.entries(input.headers)
    .map(([name, value]) => [name.trim().toLowerCase(), value.trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(';');
  const method = input.method.toUpperCase();
  const head = [method, url.pathname, method === 'POST' ? '' : url.search.slice(1), headers.map(([name, value]) => `${name}:${value}\n`).join(''), signedHeaders].join(
    '\n',
  );
  return { head, signedHeaders };
}

/** How many derived signing keys (by secret, UTC day and service) a signer keeps; bounded like @smithy/signature-v4's cache. */
export const MAX_SIGNING_KEYS = 50;

/** The whole result, given the hex hashes and the signature. */
export function tc3Result(input: Tc3Input, signedHeaders: string, canonicalRequest: string, stringToSign: string, scope: string, signature: string): Tc3Signature {
  return {
    authorization: `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    signature,
    canonicalRequest,
    stringToSign,
  };
}
