// Property tests of both running mocks: thousands of random and hostile requests, each answered
// in the provider's shape, never with a 5xx, never with Prism's problem+json, never a hang.
import { connect } from 'node:net';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock } from '../../src/index.js';
import { defaultTestCredentials } from '../../src/signatures/index.js';
import { officialTc3Signer } from '../../src/signatures/tencent-tc3.js';
import { adversarialString, reportTried, tried } from './arbitraries.js';
import { awsAnswerChecker, closeSenders, isMockUsageError, loadBundle, scenariosOf, send, tencentAnswerChecker, type RawRequest } from './answers.js';
import { awsRequests, encodedSegment, numberText, tencentBody, tencentRequests } from './requests.js';

type Mock = Awaited<ReturnType<typeof startMock>>;

const awsSpec = loadBundle('aws-lambda');
const tencentSpec = loadBundle('tencent-scf');
const awsScenarios = scenariosOf(awsSpec);
const tencentScenarios = scenariosOf(tencentSpec);
const checkAws = awsAnswerChecker(awsSpec);
const checkTencent = tencentAnswerChecker(tencentSpec);
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Whether a request explicitly asked for a 5xx scenario, the one way a 5xx is the right answer. */
function asksForServerError(request: RawRequest): boolean {
  const prefer = request.headers.prefer ?? '';
  const example = /example=([^;,\s]+)/.exec(prefer)?.[1];
  return /code=5\d\d/.test(prefer) || awsScenarios.some((s) => s.name === example && s.status >= 500);
}

function describeRequest(request: RawRequest): string {
  return JSON.stringify({
    ...request,
    body: typeof request.body === 'string' && request.body.length > 300 ? `${request.body.slice(0, 300)}...(${request.body.length})` : request.body,
  });
}

let aws: Mock;
let tencent: Mock;
let awsVerifying: Mock;
let tencentVerifying: Mock;

beforeAll(async () => {
  [aws, tencent, awsVerifying, tencentVerifying] = await Promise.all([
    // Answers are compared with the examples whole, request IDs included.
    startMock({ provider: 'aws-lambda', port: 0, fixedRequestIds: true }),
    startMock({ provider: 'tencent-scf', port: 0, fixedRequestIds: true }),
    startMock({ provider: 'aws-lambda', port: 0, verifySignatures: true, fixedRequestIds: true }),
    startMock({ provider: 'tencent-scf', port: 0, verifySignatures: true, fixedRequestIds: true }),
  ]);
});

afterAll(async () => {
  closeSenders();
  await Promise.all([aws, tencent, awsVerifying, tencentVerifying].map((mock) => mock?.close()));
  reportTried('mocks');
});

describe('AWS Lambda mock under random and hostile requests', () => {
  it('answers every request with a documented status, x-amzn-ErrorType and body, or a 200 the schema accepts', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(awsRequests(awsScenarios.map((s) => s.name)), async (request) => {
        tried('mock aws-lambda: random requests');
        const answer = await send(aws.url, request);
        const problem = isMockUsageError(request, answer) ? undefined : checkAws(answer, request.method, asksForServerError(request));
        expect(problem, `${problem} for ${describeRequest(request)}`).toBeUndefined();
      }),
      { numRuns: 2500 },
    );
  });

  it('answers a well-formed request with exactly the scenario it asks for', { timeout: 120_000 }, async () => {
    const layerName = fc.oneof(
      fc.stringMatching(/^[a-zA-Z0-9_-]{1,140}$/),
      fc.stringMatching(/^[a-z0-9-]{1,12}$/).map((region) => encodeURIComponent(`arn:aws:lambda:${region}:123456789012:layer:my-layer`)),
    );
    await fc.assert(
      fc.asyncProperty(layerName, fc.bigInt({ min: 1n, max: 2n ** 53n - 1n }), fc.option(fc.constantFrom(...awsScenarios)), async (name, version, scenario) => {
        tried('mock aws-lambda: well-formed requests');
        const request: RawRequest = {
          method: 'GET',
          path: `/2018-10-31/layers/${name}/versions/${version}`,
          headers: {
            authorization: 'AWS4-HMAC-SHA256 Credential=x/20260115/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0',
            ...(scenario ? { prefer: `example=${scenario.name}` } : {}),
          },
        };
        const answer = await send(aws.url, request);
        expect(checkAws(answer, 'GET', scenario !== null && scenario.status >= 500)).toBeUndefined();
        expect(answer.status).toBe(scenario?.status ?? 200);
        if (scenario) expect(JSON.parse(answer.text)).toEqual(scenario.value);
      }),
      { numRuns: 300 },
    );
  });

  it('with --verify-signatures, answers SDK-signed requests and refuses a wrong secret, whatever the layer and version', { timeout: 120_000 }, async () => {
    const credentials = defaultTestCredentials['aws-lambda'];
    const url = new URL(awsVerifying.url);
    const input = fc.record({
      name: fc.oneof(fc.stringMatching(/^[a-zA-Z0-9_-]{1,140}$/), adversarialString),
      version: fc.oneof(fc.bigInt({ min: 1n, max: 2n ** 53n - 1n }).map(String), numberText),
      wrongSecret: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ name, version, wrongSecret }) => {
        tried('mock aws-lambda --verify-signatures: signed requests');
        const path = `/2018-10-31/layers/${encodedSegment(name)}/versions/${encodedSegment(version)}`;
        const signer = new SignatureV4({
          service: 'lambda',
          region: 'us-east-1',
          credentials: { ...credentials, secretAccessKey: wrongSecret ? 'wrong' : credentials.secretAccessKey },
          sha256: Sha256,
        });
        const signed = await signer.sign({ method: 'GET', protocol: 'http:', hostname: url.hostname, path, query: {}, headers: { host: url.host } });
        const request: RawRequest = { method: 'GET', path, headers: signed.headers as Record<string, string> };
        const answer = await send(awsVerifying.url, request);
        expect(checkAws(answer, 'GET'), describeRequest(request)).toBeUndefined();
        if (wrongSecret) {
          expect(answer.status).toBe(403);
          expect(answer.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
        } else {
          expect(answer.status === 200 || answer.headers['x-amzn-errortype'] === 'InvalidParameterValueException', describeRequest(request)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('Tencent SCF mock under random and hostile requests', () => {
  it('answers every request with HTTP 200 and the envelope: an Error with Code and Message, or a result the schema accepts', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        tencentRequests(
          tencentScenarios.map((s) => s.name),
          nowSeconds(),
        ),
        async (request) => {
          tried('mock tencent-scf: random requests');
          const answer = await send(tencent.url, request);
          const problem = isMockUsageError(request, answer) ? undefined : checkTencent(answer, request.method);
          expect(problem, `${problem} for ${describeRequest(request)}`).toBeUndefined();
        },
      ),
      { numRuns: 2500 },
    );
  });

  it('answers a well-formed request with exactly the scenario it asks for', { timeout: 120_000 }, async () => {
    const layerName = fc.stringMatching(/^[A-Za-z](?:[A-Za-z0-9_-]{0,62}[A-Za-z0-9])?$/);
    await fc.assert(
      fc.asyncProperty(layerName, fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }), fc.option(fc.constantFrom(...tencentScenarios)), async (name, version, scenario) => {
        tried('mock tencent-scf: well-formed requests');
        const request: RawRequest = {
          method: 'POST',
          path: '/',
          headers: {
            'content-type': 'application/json',
            'x-tc-action': 'GetLayerVersion',
            'x-tc-version': '2018-04-16',
            'x-tc-timestamp': String(nowSeconds()),
            authorization: 'TC3-HMAC-SHA256 Credential=x/2026-01-15/scf/tc3_request, SignedHeaders=content-type;host, Signature=0',
            ...(scenario ? { prefer: `example=${scenario.name}` } : {}),
          },
          body: `{"LayerName":${JSON.stringify(name)},"LayerVersion":${version}}`,
        };
        const answer = await send(tencent.url, request);
        expect(checkTencent(answer, 'POST')).toBeUndefined();
        const body = JSON.parse(answer.text);
        if (scenario) expect(body).toEqual(scenario.value);
        else expect(body.Response.Error).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('with --verify-signatures, answers what sign3 signs and refuses a wrong secret, whatever the body', { timeout: 120_000 }, async () => {
    const credentials = defaultTestCredentials['tencent-scf'];
    const url = new URL(tencentVerifying.url);
    await fc.assert(
      fc.asyncProperty(tencentBody, fc.boolean(), async (body, wrongSecret) => {
        tried('mock tencent-scf --verify-signatures: signed requests');
        const timestamp = nowSeconds();
        const authorization = officialTc3Signer().sign3({
          method: 'POST',
          url: `${tencentVerifying.url}/`,
          payload: Buffer.from(body),
          timestamp,
          service: url.hostname.split('.')[0]!,
          secretId: credentials.secretId,
          secretKey: wrongSecret ? 'wrong' : credentials.secretKey,
          multipart: false,
          boundary: '',
          headers: { 'Content-Type': 'application/json' },
        });
        const request: RawRequest = {
          method: 'POST',
          path: '/',
          headers: {
            authorization,
            'content-type': 'application/json',
            'x-tc-action': 'GetLayerVersion',
            'x-tc-version': '2018-04-16',
            'x-tc-timestamp': String(timestamp),
          },
          body,
        };
        const answer = await send(tencentVerifying.url, request);
        expect(checkTencent(answer, 'POST'), describeRequest(request)).toBeUndefined();
        const code = JSON.parse(answer.text).Response.Error?.Code;
        if (wrongSecret) expect(code).toBe('AuthFailure.SignatureFailure');
        else expect(code ?? 'success', describeRequest(request)).not.toMatch(/^AuthFailure/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('both mocks under huge, deep and malformed input', () => {
  const hugeBody = fc.oneof(
    fc.integer({ min: 1, max: 4 * 1024 * 1024 }).map((n) => `{"LayerName":"${'a'.repeat(n)}","LayerVersion":1}`),
    fc.integer({ min: 1000, max: 200_000 }).map((depth) => `{"LayerName":"a","LayerVersion":${'['.repeat(depth)}1${']'.repeat(depth)}}`),
    fc.integer({ min: 1000, max: 200_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    fc.integer({ min: 1000, max: 100_000 }).map((n) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`),
    fc.integer({ min: 1, max: 3 * 1024 * 1024 }).map((n) => `{"LayerName":"a","LayerVersion":${'9'.repeat(n)}}`),
    fc.integer({ min: 1, max: 2 * 1024 * 1024 }).map((n) => '\u0000'.repeat(n)),
  );

  it('answers bodies of a few MB, deep nesting and huge numbers in the provider shape', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(hugeBody, async (body) => {
        tried('mock tencent-scf: huge or deep bodies');
        const headers = {
          'content-type': 'application/json',
          'x-tc-action': 'GetLayerVersion',
          'x-tc-version': '2018-04-16',
          'x-tc-timestamp': String(nowSeconds()),
          authorization: 'TC3-HMAC-SHA256 Credential=x/2026-01-15/scf/tc3_request, SignedHeaders=content-type;host, Signature=0',
        };
        const tencentAnswer = await send(tencent.url, { method: 'POST', path: '/', headers, body });
        expect(checkTencent(tencentAnswer, 'POST')).toBeUndefined();
        tried('mock aws-lambda: huge or deep bodies');
        const awsAnswer = await send(aws.url, {
          method: 'GET',
          path: '/2018-10-31/layers/a/versions/1',
          headers: { authorization: 'x', 'content-type': 'application/json' },
          body,
        });
        expect(checkAws(awsAnswer, 'GET')).toBeUndefined();
      }),
      { numRuns: 24 },
    );
  });

  it('answers an overlong path and header of the provider shape, and survives what HTTP cannot parse', { timeout: 120_000 }, async () => {
    const overlong = await send(aws.url, { method: 'GET', path: `/2018-10-31/layers/${'a'.repeat(8000)}/versions/1`, headers: { authorization: 'x' } });
    expect(checkAws(overlong, 'GET')).toBeUndefined();
    expect(overlong.headers['x-amzn-errortype']).toBe('InvalidParameterValueException');
    tried('mock aws-lambda: overlong path');

    // Bytes no HTTP parser accepts never reach the mock's code; the server must still close or
    // answer such a connection, and keep answering everyone else.
    const malformed = fc.oneof(
      adversarialString.map((s) => `${s} / HTTP/1.1\r\nHost: x\r\n\r\n`),
      adversarialString.map((s) => `GET /${s} HTTP/1.1\r\nHost: x\r\n\r\n`),
      adversarialString.map((s) => `POST / HTTP/1.1\r\nHost: x\r\nX-Bad: ${s}\r\n\r\n`),
      adversarialString.map((s) => `POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${s}\r\n\r\n{}`),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      // Past Node's 16 KB header limit the parser answers 431 itself.
      fc.integer({ min: 17_000, max: 100_000 }).map((n) => `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(n)}\r\n\r\n`),
    );
    await fc.assert(
      fc.asyncProperty(malformed, fc.constantFrom('aws', 'tencent'), async (bytes, which) => {
        tried(`mock ${which === 'aws' ? 'aws-lambda' : 'tencent-scf'}: raw malformed HTTP`);
        const mock = which === 'aws' ? aws : tencent;
        const { port } = new URL(mock.url);
        await new Promise<void>((resolve, reject) => {
          const socket = connect(Number(port), '127.0.0.1', () => socket.end(Buffer.from(bytes, 'latin1')));
          socket.setTimeout(15_000, () => reject(new Error(`no answer and no close for ${JSON.stringify(bytes.slice(0, 100))}`)));
          socket.on('data', () => undefined);
          socket.on('error', () => resolve()); // a reset is an answer too
          socket.on('close', () => resolve());
        });
      }),
      { numRuns: 200 },
    );
    const stillUp = await send(aws.url, { method: 'GET', path: '/2018-10-31/layers/a/versions/1', headers: { authorization: 'x' } });
    expect(stillUp.status).toBe(200);
    const tencentUp = await send(tencent.url, {
      method: 'POST',
      path: '/',
      headers: {
        'content-type': 'application/json',
        'x-tc-action': 'GetLayerVersion',
        'x-tc-version': '2018-04-16',
        'x-tc-timestamp': String(nowSeconds()),
        authorization: 'TC3-HMAC-SHA256 x',
      },
      body: '{"LayerName":"a","LayerVersion":1}',
    });
    expect(checkTencent(tencentUp, 'POST')).toBeUndefined();
  });
});
