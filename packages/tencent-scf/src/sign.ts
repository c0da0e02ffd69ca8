// TC3-HMAC-SHA256, Tencent Cloud API 3.0's signature, with Web Crypto only. No small library
// signs TC3, so it is written here and checked against Tencent's published worked example.
import { hmacSha256, sha256, toHex } from '@layerspec/client-runtime/bytes';
import { MAX_SIGNING_KEYS, canonicalHead, tc3Result, utcDate, type Tc3Input, type Tc3Signature } from './tc3.js';

export type { Tc3Input, Tc3Signature } from './tc3.js';

// Derived signing keys, by secret, UTC day and service: deriving one costs three HMACs (each a
// Web Crypto round trip), and it changes once a day.
const signingKeys = new Map<string, Promise<ArrayBuffer>>();

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
  const { head, signedHeaders } = canonicalHead(input);
  const canonicalRequest = `${head}\n${toHex(await sha256(input.payload))}`;
  const date = utcDate(input.timestamp);
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, toHex(await sha256(canonicalRequest))].join('\n');
  const signature = toHex(await hmacSha256(await signingKey(input.secretKey, date, input.service), stringToSign));
  return tc3Result(input, signedHeaders, canonicalRequest, stringToSign, scope, signature);
}
