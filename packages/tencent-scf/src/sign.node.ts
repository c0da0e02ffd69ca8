// TC3-HMAC-SHA256 on Node with node:crypto, synchronously: the same text as sign.ts hashes, without
// a trip through the thread pool for each hash. The only maintained TC3 signer in JavaScript is
// inside tencentcloud-sdk-nodejs-common, which brings the whole SDK core; the tests hold this one
// to Tencent's worked example and to that SDK's signer.
import { createHash, createHmac } from 'node:crypto';
import { MAX_SIGNING_KEYS, canonicalHead, tc3Result, utcDate, type Tc3Input, type Tc3Signature } from './tc3.js';

export type { Tc3Input, Tc3Signature } from './tc3.js';

// Derived signing keys, by secret, UTC day and service: three HMACs, once a day.
const signingKeys = new Map<string, Buffer>();

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();
const sha256Hex = (data: string): string => createHash('sha256').update(data).digest('hex');

function signingKey(secretKey: string, date: string, service: string): Buffer {
  const id = `${date}/${service}/${secretKey}`;
  let key = signingKeys.get(id);
  if (!key) {
    if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.clear();
    key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
    signingKeys.set(id, key);
  }
  return key;
}

/** Signs synchronously. */
export function signTc3Now(input: Tc3Input): Tc3Signature {
  const { head, signedHeaders } = canonicalHead(input);
  const canonicalRequest = `${head}\n${sha256Hex(input.payload)}`;
  const date = utcDate(input.timestamp);
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${input.timestamp}\n${scope}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', signingKey(input.secretKey, date, input.service))
    .update(stringToSign)
    .digest('hex');
  return tc3Result(input, signedHeaders, canonicalRequest, stringToSign, scope, signature);
}

/** The same function as the universal entry's (a promise), for callers who sign by hand. */
export async function signTc3(input: Tc3Input): Promise<Tc3Signature> {
  return signTc3Now(input);
}
