// --verify-signatures takes any TC3 SignedHeaders list that includes content-type and host (as
// Tencent's signing guide and other signers send), hashes the body bytes as received, and holds
// a session token to the configured one (AWS and Tencent alike).
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, defaultTestCredentials, startMock } from '../src/index.js';
import { officialTc3Signer } from '../src/signatures/tencent-tc3.js';

const tencent = defaultTestCredentials['tencent-scf'];
const aws = defaultTestCredentials['aws-lambda'];

/** TC3-HMAC-SHA256 as Tencent's signing guide writes it: header names and values lower-cased and trimmed. */
function guideSignature(input: {
  signedHeaders: string[];
  headers: Record<string, string>;
  payload: Buffer;
  timestamp: number;
  service: string;
  secretKey: string;
}): string {
  const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const canonicalHeaders = input.signedHeaders.map((name) => `${name}:${input.headers[name]!.trim().toLowerCase()}\n`).join('');
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, input.signedHeaders.join(';'), sha256(input.payload)].join('\n');
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), `${date}/${input.service}/tc3_request`, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(`TC3${input.secretKey}`, date), input.service), 'tc3_request');
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

let mock: RunningMock;
let withToken: RunningMock;
let awsWithToken: RunningMock;
beforeAll(async () => {
  [mock, withToken, awsWithToken] = await Promise.all([
    startMock({ provider: 'tencent-scf', verifySignatures: true }),
    startMock({ provider: 'tencent-scf', verifySignatures: true, credentials: { ...tencent, token: 'the-configured-token' } }),
    startMock({ provider: 'aws-lambda', verifySignatures: true, credentials: { ...aws, sessionToken: 'the-configured-token' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([mock.close(), withToken.close(), awsWithToken.close()]);
});

/** Sends a TC3 request signed over `signedHeaders` with the guide's steps. */
async function send(target: RunningMock, options: { signedHeaders: string[]; payload?: Buffer; extraHeaders?: Record<string, string> }) {
  const timestamp = Math.floor(Date.now() / 1000);
  const payload = options.payload ?? Buffer.from('{"LayerName":"layer3","LayerVersion":1}');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    host: new URL(target.url).host,
    'x-tc-action': 'GetLayerVersion',
    'x-tc-version': '2018-04-16',
    'x-tc-timestamp': String(timestamp),
    ...options.extraHeaders,
  };
  const signature = guideSignature({ signedHeaders: options.signedHeaders, headers, payload, timestamp, service: 'scf', secretKey: tencent.secretKey });
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  headers.authorization = `TC3-HMAC-SHA256 Credential=${tencent.secretId}/${date}/scf/tc3_request, SignedHeaders=${options.signedHeaders.join(';')}, Signature=${signature}`;
  const { host: _host, ...sent } = headers;
  const response = await fetch(target.url, { method: 'POST', headers: sent, body: new Uint8Array(payload) });
  return (await response.json()).Response;
}

describe('TC3 SignedHeaders', () => {
  it("the test's guide signer agrees with the official SDK's sign3 for content-type;host", () => {
    const timestamp = 1551113065;
    const payload = Buffer.from('{"LayerName":"layer3","LayerVersion":1}');
    const sdk = officialTc3Signer().sign3({
      method: 'POST',
      url: 'http://scf.tencentcloudapi.com/',
      payload,
      timestamp,
      service: 'scf',
      secretId: tencent.secretId,
      secretKey: tencent.secretKey,
      multipart: false,
      boundary: '',
      headers: { 'Content-Type': 'application/json' },
    });
    const ours = guideSignature({
      signedHeaders: ['content-type', 'host'],
      headers: { 'content-type': 'application/json', host: 'scf.tencentcloudapi.com' },
      payload,
      timestamp,
      service: 'scf',
      secretKey: tencent.secretKey,
    });
    expect(sdk).toContain(`Signature=${ours}`);
  });

  it("accepts a correct signature over content-type;host;x-tc-action (the signing guide's list)", async () => {
    const response = await send(mock, { signedHeaders: ['content-type', 'host', 'x-tc-action'] });
    expect(response.Error).toBeUndefined();
    expect(response.Status).toBe('Active');
  });

  it('accepts content-type;host;x-tc-action;x-tc-timestamp;x-tc-version', async () => {
    const response = await send(mock, { signedHeaders: ['content-type', 'host', 'x-tc-action', 'x-tc-timestamp', 'x-tc-version'] });
    expect(response.Error).toBeUndefined();
  });

  it('refuses a list without host or without content-type', async () => {
    for (const signedHeaders of [
      ['content-type', 'x-tc-action'],
      ['host', 'x-tc-action'],
    ]) {
      const response = await send(mock, { signedHeaders });
      expect(response.Error.Code).toBe('AuthFailure.SignatureFailure');
    }
  });

  it('hashes the body bytes as received, not their UTF-8 decoding', async () => {
    // 0xff is not UTF-8: decoding it first would hash U+FFFD instead of the byte that was signed.
    const payload = Buffer.concat([Buffer.from('{"LayerName":"layer'), Buffer.from([0xff]), Buffer.from('","LayerVersion":1}')]);
    const response = await send(mock, { signedHeaders: ['content-type', 'host'], payload });
    expect(response.Error.Code).not.toMatch(/^AuthFailure/);
    expect(response.Error.Code).toBe('InvalidParameterValue');
  });
});

describe('session tokens', () => {
  it('Tencent: X-TC-Token must be the configured token', async () => {
    expect((await send(withToken, { signedHeaders: ['content-type', 'host'], extraHeaders: { 'x-tc-token': 'the-configured-token' } })).Error).toBeUndefined();
    const wrong = await send(withToken, { signedHeaders: ['content-type', 'host'], extraHeaders: { 'x-tc-token': 'someone-elses-token' } });
    expect(wrong.Error.Code).toBe('AuthFailure.TokenFailure');
    expect((await send(withToken, { signedHeaders: ['content-type', 'host'] })).Error.Code).toBe('AuthFailure.TokenFailure');
  });

  it('Tencent: a token is refused when the mock has none configured', async () => {
    const response = await send(mock, { signedHeaders: ['content-type', 'host'], extraHeaders: { 'x-tc-token': 'any-token' } });
    expect(response.Error.Code).toBe('AuthFailure.TokenFailure');
  });

  it('AWS: X-Amz-Security-Token must be the configured token', async () => {
    const { SignatureV4 } = await import('@smithy/signature-v4');
    const { Sha256 } = await import('@aws-crypto/sha256-js');
    const call = async (sessionToken: string) => {
      const signer = new SignatureV4({ service: 'lambda', region: 'us-east-1', credentials: { ...aws, sessionToken }, sha256: Sha256 });
      const url = new URL(`${awsWithToken.url}/2018-10-31/layers/my-layer/versions/1`);
      const signed = await signer.sign({
        method: 'GET',
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        query: {},
        headers: { host: url.host },
      });
      const { host: _host, ...headers } = signed.headers;
      return fetch(url, { headers });
    };
    expect((await call('the-configured-token')).status).toBe(200);
    const wrong = await call('someone-elses-token');
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get('x-amzn-errortype')).toBe('UnrecognizedClientException');
    expect((await wrong.json()).message).toBe('The security token included in the request is invalid.');
  });
});
