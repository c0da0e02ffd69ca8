// Property tests of the signature verifier alone: whatever the official signers sign verifies,
// any change to what they signed is refused, and no input at all makes the verifier throw.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAwsSignature } from '../../src/signatures/aws-sigv4.js';
import { defaultTestCredentials, type ReceivedRequest } from '../../src/signatures/index.js';
import { officialTc3Signer, verifyTencentSignature } from '../../src/signatures/tencent-tc3.js';
import { adversarialString, tried, reportTried } from './arbitraries.js';

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const aws = defaultTestCredentials['aws-lambda'];
const tencent = defaultTestCredentials['tencent-scf'];
const now = new Date('2026-01-15T10:00:00Z');
const AWS_REJECTIONS = ['missing-authentication-token', 'invalid-signature', 'unrecognized-client', 'signature-expired'];
const TENCENT_REJECTIONS = ['missing-authentication-token', 'invalid-signature', 'signature-expired', 'unrecognized-client'];

// Text that survives encodeURIComponent (no lone surrogates), of every class.
const wellFormed = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary-ascii', maxLength: 40 }));

const awsInput = fc.record({
  layerName: wellFormed,
  version: fc.oneof(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String), wellFormed),
  query: fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), wellFormed, { maxKeys: 4 }),
  body: fc.option(fc.string({ unit: 'grapheme', maxLength: 200 }), { nil: undefined }),
  host: fc.constantFrom('127.0.0.1:4010', 'localhost', 'lambda.us-east-1.amazonaws.com', '[::1]:8080'),
  region: fc.stringMatching(/^[a-z]{2}-[a-z]{4,9}-\d$/),
  skewSeconds: fc.integer({ min: -299, max: 299 }),
  extraHeader: fc.option(fc.tuple(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), fc.string({ unit: 'binary-ascii', maxLength: 30 })), {
    nil: undefined,
  }),
});

/** Signs with @smithy/signature-v4 and returns what arrives on the wire. */
async function signedAws(input: ValueOf<typeof awsInput>, secretAccessKey = aws.secretAccessKey): Promise<ReceivedRequest> {
  const path = `/2018-10-31/layers/${encodeURIComponent(input.layerName)}/versions/${encodeURIComponent(input.version)}`;
  const headers: Record<string, string> = { host: input.host };
  if (input.extraHeader) headers[input.extraHeader[0]] = input.extraHeader[1];
  const signer = new SignatureV4({ service: 'lambda', region: input.region, credentials: { ...aws, secretAccessKey }, sha256: Sha256 });
  const signed = await signer.sign(
    { method: 'GET', protocol: 'http:', hostname: 'h', path, query: input.query, headers, ...(input.body !== undefined ? { body: input.body } : {}) },
    { signingDate: new Date(now.getTime() + input.skewSeconds * 1000) },
  );
  const search = Object.entries(input.query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return { method: 'GET', url: search ? `${path}?${search}` : path, headers: { ...signed.headers }, body: input.body ?? '' };
}

const tencentInput = fc.record({
  body: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.json({ maxDepth: 3 })),
  host: fc.constantFrom('127.0.0.1', 'scf.tencentcloudapi.com', 'localhost', 'scf.ap-guangzhou.tencentcloudapi.com'),
  service: fc.stringMatching(/^[a-z0-9]{1,10}$/),
  skewSeconds: fc.integer({ min: -299, max: 299 }),
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8'),
});

/** Signs with sign3 of the official Node SDK and returns what arrives on the wire (with a port). */
function signedTencent(input: ValueOf<typeof tencentInput>, secretKey = tencent.secretKey): ReceivedRequest {
  const timestamp = Math.floor(now.getTime() / 1000) + input.skewSeconds;
  const authorization = officialTc3Signer().sign3({
    method: 'POST',
    url: `http://${input.host}:4011/`,
    payload: Buffer.from(input.body),
    timestamp,
    service: input.service,
    secretId: tencent.secretId,
    secretKey,
    multipart: false,
    boundary: '',
    headers: { 'Content-Type': input.contentType },
  });
  return {
    method: 'POST',
    url: '/',
    headers: { authorization, host: `${input.host}:4011`, 'content-type': input.contentType, 'x-tc-timestamp': String(timestamp) },
    body: input.body,
  };
}

/** A request of random parts, its Authorization header anything from plausible to garbage. */
function garbageRequest(scheme: string) {
  const authorization = fc.oneof(
    adversarialString,
    fc
      .tuple(adversarialString, adversarialString, adversarialString, fc.stringMatching(/^[0-9a-f]{0,70}$/))
      .map(([cred, headers, scope, sig]) => `${scheme} Credential=${cred}/${scope}, SignedHeaders=${headers}, Signature=${sig}`),
  );
  return fc.record({
    method: fc.oneof(fc.constantFrom('GET', 'POST', 'DELETE'), adversarialString),
    url: fc.oneof(
      adversarialString,
      adversarialString.map((s) => `/${s}`),
    ),
    headers: fc
      .tuple(
        fc.dictionary(
          fc.oneof(fc.constantFrom('host', 'x-amz-date', 'x-tc-timestamp', 'content-type', 'x-amz-content-sha256', '__proto__'), adversarialString),
          adversarialString,
        ),
        fc.option(authorization, { nil: undefined }),
      )
      .map(([headers, auth]) => (auth === undefined ? { ...headers } : { ...headers, authorization: auth })),
    body: adversarialString,
  });
}

afterAll(() => reportTried('signature verifier'));

describe('AWS SigV4 verifier, properties', () => {
  it('accepts every request @smithy/signature-v4 signs, whatever the name, version, query, body and host', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(awsInput, async (input) => {
        tried('verifier aws-lambda: signed by smithy');
        expect(await verifyAwsSignature(await signedAws(input), { now })).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses each such request signed with another secret, or with its body or version changed', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(awsInput, fc.string({ minLength: 1, maxLength: 5 }), async (input, extra) => {
        tried('verifier aws-lambda: tampered');
        const request = await signedAws(input);
        const otherSecret = await signedAws(input, `${aws.secretAccessKey}${extra}`);
        const changes = [
          otherSecret,
          { ...request, body: request.body + extra },
          { ...request, url: request.url.replace(/\/versions\/[^/?]*/, () => `/versions/${encodeURIComponent(input.version)}9`) },
        ];
        for (const changed of changes) {
          expect(await verifyAwsSignature(changed, { now })).toMatchObject({ example: 'invalid-signature' });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and names only the four AWS authentication examples, for any request at all', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(garbageRequest('AWS4-HMAC-SHA256'), async (request) => {
        tried('verifier aws-lambda: garbage');
        const result = await verifyAwsSignature(request, { now });
        expect(result).not.toBeNull();
        expect(AWS_REJECTIONS).toContain(result!.example);
        expect(result!.message ?? '').not.toContain(aws.secretAccessKey);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('Tencent TC3 verifier, properties', () => {
  it('accepts every request sign3 signs, whatever the body, host and service', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(tencentInput, async (input) => {
        tried('verifier tencent-scf: signed by sign3');
        expect(await verifyTencentSignature(signedTencent(input), { now })).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses each such request signed with another secret, or with its body changed', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(tencentInput, fc.string({ minLength: 1, maxLength: 5 }), async (input, extra) => {
        tried('verifier tencent-scf: tampered');
        const request = signedTencent(input);
        for (const changed of [signedTencent(input, `${tencent.secretKey}${extra}`), { ...request, body: request.body + extra }]) {
          expect(await verifyTencentSignature(changed, { now })).toMatchObject({ example: 'invalid-signature' });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and names only the four Tencent authentication examples, for any request at all', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(garbageRequest('TC3-HMAC-SHA256'), async (request) => {
        tried('verifier tencent-scf: garbage');
        const result = await verifyTencentSignature(request, { now });
        expect(result).not.toBeNull();
        expect(TENCENT_REJECTIONS).toContain(result!.example);
        expect(result!.message ?? '').not.toContain(tencent.secretKey);
      }),
      { numRuns: 5000 },
    );
  });
});
