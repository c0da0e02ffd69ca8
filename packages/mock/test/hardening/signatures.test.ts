// The signature verifier accepts what the official signers and SDKs send and answers each kind
// of bad signature with the provider's own error example.
import { GetLayerVersionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { scf } from 'tencentcloud-sdk-nodejs-scf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTestCredentials, verifySignature, type ReceivedRequest } from '../../src/signatures/index.js';
import { officialTc3Signer, tc3SignatureForHost } from '../../src/signatures/tencent-tc3.js';
import { startCaptureServer, type CaptureServer } from './capture-server.js';

const aws = defaultTestCredentials['aws-lambda'];
const tencent = defaultTestCredentials['tencent-scf'];
const signedAt = new Date('2026-01-15T10:00:00Z');
const arnPath = `/2018-10-31/layers/${encodeURIComponent('arn:aws:lambda:us-west-2:123456789012:layer:my-layer')}/versions/1`;

/** Signs a request with @smithy/signature-v4, the signer inside the AWS SDK for JavaScript. */
async function signAws(opts: {
  path?: string;
  query?: Record<string, string>;
  host?: string;
  body?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  date?: Date;
}): Promise<ReceivedRequest> {
  const signer = new SignatureV4({
    service: 'lambda',
    region: 'us-west-2',
    credentials: { accessKeyId: opts.accessKeyId ?? aws.accessKeyId, secretAccessKey: opts.secretAccessKey ?? aws.secretAccessKey },
    sha256: Sha256,
  });
  const host = opts.host ?? '127.0.0.1:4010';
  const path = opts.path ?? arnPath;
  const signed = await signer.sign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      path,
      query: opts.query ?? {},
      headers: { host },
      ...(opts.body !== undefined ? { body: opts.body } : {}),
    },
    { signingDate: opts.date ?? signedAt },
  );
  const search = new URLSearchParams(opts.query ?? {}).toString().replace(/\+/g, '%20');
  return {
    method: 'GET',
    url: search ? `${path}?${search}` : path,
    headers: Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v])),
    body: opts.body ?? '',
  };
}

function tamper(request: ReceivedRequest, change: Partial<ReceivedRequest>): ReceivedRequest {
  return { ...request, ...change, headers: { ...request.headers, ...(change.headers ?? {}) } };
}

function withoutHeader(request: ReceivedRequest, name: string): ReceivedRequest {
  const headers = { ...request.headers };
  delete headers[name];
  return { ...request, headers };
}

describe('AWS SigV4 verification', () => {
  const now = { now: signedAt };

  it('accepts a request signed by @smithy/signature-v4 with an ARN LayerName percent-encoded', async () => {
    const request = await signAws({});
    expect(request.url).toContain('arn%3Aaws%3Alambda');
    expect(await verifySignature('aws-lambda', request, now)).toBeNull();
  });

  it('accepts a signed query string, a body and a clock skew just under 5 minutes', async () => {
    const request = await signAws({ query: { b: 'x y', a: '1/2' }, body: '{"k":"v"}' });
    expect(await verifySignature('aws-lambda', request, { now: new Date(signedAt.getTime() + 299_000) })).toBeNull();
  });

  it('answers a wrong secret with invalid-signature and the canonical request, never the secret', async () => {
    const request = await signAws({ secretAccessKey: 'wrong-secret-value' });
    const result = await verifySignature('aws-lambda', request, now);
    expect(result?.example).toBe('invalid-signature');
    expect(result?.message).toContain('The request signature we calculated does not match');
    expect(result?.message).toContain('/2018-10-31/layers/arn%253Aaws%253Alambda'); // double-encoded
    expect(result?.message).not.toContain(aws.secretAccessKey);
    expect(result?.message).not.toContain('wrong-secret-value');
  });

  it('names a signed session token in the mismatch message without repeating it', async () => {
    const signer = new SignatureV4({
      service: 'lambda',
      region: 'us-east-1',
      credentials: { ...aws, secretAccessKey: 'wrong', sessionToken: 'SESSION-TOKEN-VALUE' },
      sha256: Sha256,
    });
    const signed = await signer.sign({ method: 'GET', protocol: 'http:', hostname: 'h', path: '/x', query: {}, headers: { host: 'h' } }, { signingDate: signedAt });
    const credentials = { ...aws, sessionToken: 'SESSION-TOKEN-VALUE' };
    const result = await verifySignature('aws-lambda', { method: 'GET', url: '/x', headers: { ...signed.headers }, body: '' }, { ...now, credentials });
    expect(result?.example).toBe('invalid-signature');
    expect(result?.message).toContain('x-amz-security-token:<redacted>');
    expect(result?.message).not.toContain('SESSION-TOKEN-VALUE');
  });

  it('answers an unknown access key with unrecognized-client', async () => {
    const request = await signAws({ accessKeyId: 'AKIAUNKNOWNKEY000000' });
    expect(await verifySignature('aws-lambda', request, now)).toMatchObject({ example: 'unrecognized-client' });
  });

  it('answers a date more than 5 minutes off, either way, with signature-expired', async () => {
    const request = await signAws({});
    const late = await verifySignature('aws-lambda', request, { now: new Date(signedAt.getTime() + 301_000) });
    expect(late).toMatchObject({ example: 'signature-expired' });
    expect(late?.message).toMatch(/^Signature expired: 20260115T100000Z is now earlier than/);
    const early = await verifySignature('aws-lambda', request, { now: new Date(signedAt.getTime() - 600_000) });
    expect(early).toMatchObject({ example: 'signature-expired' });
  });

  it('answers a tampered path, query, body or host with invalid-signature', async () => {
    const request = await signAws({ query: { a: '1' } });
    const tampered = [
      tamper(request, { url: request.url.replace('/versions/1', '/versions/2') }),
      tamper(request, { url: request.url.replace('a=1', 'a=2') }),
      tamper(request, { body: 'x' }),
      tamper(request, { headers: { host: '127.0.0.1:4011' } }),
      tamper(request, { method: 'DELETE' }),
    ];
    for (const bad of tampered) {
      expect(await verifySignature('aws-lambda', bad, now)).toMatchObject({ example: 'invalid-signature' });
    }
  });

  it('answers a missing Authorization header with missing-authentication-token', async () => {
    const request = withoutHeader(await signAws({}), 'authorization');
    expect(await verifySignature('aws-lambda', request, now)).toEqual({
      example: 'missing-authentication-token',
      message: 'Missing Authentication Token',
    });
  });

  it('answers a malformed header, a missing x-amz-date or an unsigned host with invalid-signature', async () => {
    const request = await signAws({});
    const auth = request.headers.authorization!;
    const bad = [
      tamper(request, { headers: { authorization: 'Bearer abc' } }),
      tamper(request, { headers: { authorization: auth.replace(/Signature=[0-9a-f]+/, '') } }),
      tamper(request, { headers: { authorization: auth.replace('/lambda/', '/s3/') } }),
      tamper(request, { headers: { authorization: auth.replace('SignedHeaders=host;', 'SignedHeaders=') } }),
      tamper(request, { headers: { authorization: auth.replace('SignedHeaders=host;', 'SignedHeaders=host;x-missing;') } }),
      withoutHeader(request, 'x-amz-date'),
    ];
    for (const each of bad) {
      expect(await verifySignature('aws-lambda', each, now)).toMatchObject({ example: 'invalid-signature' });
    }
  });

  it('checks a signed x-amz-content-sha256 against the body that arrived', async () => {
    const signer = new SignatureV4({ service: 'lambda', region: 'us-east-1', credentials: aws, sha256: Sha256, applyChecksum: true });
    const signed = await signer.sign(
      { method: 'GET', protocol: 'http:', hostname: 'h', path: '/x', query: {}, headers: { host: 'h:1' }, body: 'abc' },
      { signingDate: signedAt },
    );
    const request: ReceivedRequest = { method: 'GET', url: '/x', headers: { ...signed.headers }, body: 'abc' };
    expect(request.headers['x-amz-content-sha256']).toBeDefined();
    expect(await verifySignature('aws-lambda', request, now)).toBeNull();
    expect(await verifySignature('aws-lambda', { ...request, body: 'abd' }, now)).toMatchObject({ example: 'invalid-signature' });
  });

  it('verifies against overridden credentials, given per provider or as one pair', async () => {
    const custom = { accessKeyId: 'AKIACUSTOMTESTKEY001', secretAccessKey: 'custom-secret' };
    const request = await signAws(custom);
    expect(await verifySignature('aws-lambda', request, { ...now, credentials: custom })).toBeNull();
    expect(await verifySignature('aws-lambda', request, { ...now, credentials: { 'aws-lambda': custom } })).toBeNull();
    expect(await verifySignature('aws-lambda', request, now)).toMatchObject({ example: 'unrecognized-client' });
  });

  describe('@aws-sdk/client-lambda on the wire', () => {
    let server: CaptureServer;
    beforeAll(async () => {
      server = await startCaptureServer({ contentType: 'application/json', body: '{"Version":1}' });
    });
    afterAll(() => server.close());

    async function send(credentials: { accessKeyId: string; secretAccessKey: string }): Promise<ReceivedRequest> {
      const client = new LambdaClient({ endpoint: `http://127.0.0.1:${server.port}`, region: 'eu-central-1', credentials, maxAttempts: 1 });
      await client.send(new GetLayerVersionCommand({ LayerName: 'arn:aws:lambda:eu-central-1:123456789012:layer:node-utils', VersionNumber: 7 }));
      client.destroy();
      return server.requests.at(-1)!;
    }

    it('accepts what the SDK sends with the test credentials, host port and ARN included', async () => {
      const request = await send(aws);
      expect(request.url).toBe('/2018-10-31/layers/arn%3Aaws%3Alambda%3Aeu-central-1%3A123456789012%3Alayer%3Anode-utils/versions/7');
      expect(request.headers.host).toBe(`127.0.0.1:${server.port}`);
      expect(await verifySignature('aws-lambda', request)).toBeNull();
    });

    it('rejects what the SDK sends with a wrong secret or an unknown key', async () => {
      const wrongSecret = await send({ accessKeyId: aws.accessKeyId, secretAccessKey: 'not-the-secret' });
      expect(await verifySignature('aws-lambda', wrongSecret)).toMatchObject({ example: 'invalid-signature' });
      const unknownKey = await send({ accessKeyId: 'AKIAOTHERKEY00000000', secretAccessKey: aws.secretAccessKey });
      expect(await verifySignature('aws-lambda', unknownKey)).toMatchObject({ example: 'unrecognized-client' });
    });
  });
});

/** Signs a Tencent request with Sign.sign3, the official Node SDK's signer. */
function signTencent(opts: { body?: string; secretId?: string; secretKey?: string; timestamp?: number; service?: string; host?: string }): ReceivedRequest {
  const body = opts.body ?? '{"LayerName":"layer3","LayerVersion":1}';
  const timestamp = opts.timestamp ?? Math.floor(signedAt.getTime() / 1000);
  const host = opts.host ?? 'scf.tencentcloudapi.com';
  const authorization = officialTc3Signer().sign3({
    method: 'POST',
    url: `https://${host}/`,
    payload: Buffer.from(body),
    timestamp,
    service: opts.service ?? 'scf',
    secretId: opts.secretId ?? tencent.secretId,
    secretKey: opts.secretKey ?? tencent.secretKey,
    multipart: false,
    boundary: '',
    headers: { 'Content-Type': 'application/json' },
  });
  return {
    method: 'POST',
    url: '/',
    headers: {
      authorization,
      'content-type': 'application/json',
      host,
      'x-tc-action': 'GetLayerVersion',
      'x-tc-version': '2018-04-16',
      'x-tc-timestamp': String(timestamp),
    },
    body,
  };
}

describe('Tencent TC3 verification', () => {
  const now = { now: signedAt };

  it('accepts a request signed by the SDK signer', async () => {
    expect(await verifySignature('tencent-scf', signTencent({}), now)).toBeNull();
  });

  it('accepts the host signed with its port, as the SDKs of other languages send it', async () => {
    const timestamp = Math.floor(signedAt.getTime() / 1000);
    const request = signTencent({ host: '127.0.0.1:4011' }); // sign3 drops the port
    const signature = tc3SignatureForHost({
      method: 'POST',
      path: '/',
      query: '',
      contentType: 'application/json',
      host: '127.0.0.1:4011',
      payload: Buffer.from(request.body),
      timestamp,
      service: 'scf',
      secretKey: tencent.secretKey,
    });
    const withPort = tamper(request, {
      headers: { authorization: request.headers.authorization!.replace(/Signature=[0-9a-f]+/, `Signature=${signature}`) },
    });
    expect(withPort.headers.authorization).not.toBe(request.headers.authorization);
    expect(await verifySignature('tencent-scf', request, now)).toBeNull();
    expect(await verifySignature('tencent-scf', withPort, now)).toBeNull();
  });

  it('computes the port form with the same steps as sign3 (both agree on a port-less host)', () => {
    for (const [host, body, service] of [
      ['scf.tencentcloudapi.com', '{}', 'scf'],
      ['127.0.0.1', '{"LayerName":"ü","LayerVersion":9007199254740993}', '127'],
      ['example.com', '', 'cvm'],
    ] as const) {
      const request = signTencent({ host, body, service });
      const fromSdk = /Signature=([0-9a-f]+)$/.exec(request.headers.authorization!)?.[1];
      const ours = tc3SignatureForHost({
        method: 'POST',
        path: '/',
        query: '',
        contentType: 'application/json',
        host,
        payload: Buffer.from(body),
        timestamp: Number(request.headers['x-tc-timestamp']),
        service,
        secretKey: tencent.secretKey,
      });
      expect(ours).toBe(fromSdk);
    }
  });

  it('answers a wrong secret or a tampered body, host or timestamp with invalid-signature', async () => {
    const request = signTencent({});
    const bad = [
      signTencent({ secretKey: 'wrong-secret' }),
      tamper(request, { body: '{"LayerName":"layer3","LayerVersion":2}' }),
      tamper(request, { headers: { host: 'scf.ap-guangzhou.tencentcloudapi.com' } }),
      tamper(request, { headers: { 'x-tc-timestamp': String(Number(request.headers['x-tc-timestamp']) + 1) } }),
      tamper(request, { headers: { 'content-type': 'text/plain' } }),
      tamper(request, { url: '/?a=1' }),
    ];
    for (const each of bad) {
      const result = await verifySignature('tencent-scf', each, now);
      expect(result).toMatchObject({ example: 'invalid-signature' });
      expect(result?.message).not.toContain(tencent.secretKey);
    }
  });

  it('answers an unknown SecretId with unrecognized-client', async () => {
    const request = signTencent({ secretId: 'AKIDUNKNOWN00000000000000000000000000' });
    expect(await verifySignature('tencent-scf', request, now)).toMatchObject({ example: 'unrecognized-client' });
  });

  it('answers more than 5 minutes of skew either way with signature-expired', async () => {
    const request = signTencent({});
    expect(await verifySignature('tencent-scf', request, { now: new Date(signedAt.getTime() + 301_000) })).toMatchObject({
      example: 'signature-expired',
    });
    expect(await verifySignature('tencent-scf', request, { now: new Date(signedAt.getTime() - 301_000) })).toMatchObject({
      example: 'signature-expired',
    });
    expect(await verifySignature('tencent-scf', request, { now: new Date(signedAt.getTime() + 299_000) })).toBeNull();
  });

  it('answers a missing or malformed Authorization or timestamp with missing-authentication-token', async () => {
    const request = signTencent({});
    const auth = request.headers.authorization!;
    const bad = [
      withoutHeader(request, 'authorization'),
      tamper(request, { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' } }),
      tamper(request, { headers: { authorization: auth.replace('/tc3_request', '/aws4_request') } }),
      tamper(request, { headers: { authorization: auth.replace(/, Signature=.*/, '') } }),
      withoutHeader(request, 'x-tc-timestamp'),
      tamper(request, { headers: { 'x-tc-timestamp': '1.5e9' } }),
    ];
    for (const each of bad) {
      expect(await verifySignature('tencent-scf', each, now)).toMatchObject({ example: 'missing-authentication-token' });
    }
  });

  describe('tencentcloud-sdk-nodejs-scf on the wire', () => {
    let server: CaptureServer;
    beforeAll(async () => {
      server = await startCaptureServer({
        contentType: 'application/json',
        body: '{"Response":{"LayerName":"layer3","LayerVersion":1,"RequestId":"capture-1"}}',
      });
    });
    afterAll(() => server.close());

    async function send(credential: { secretId: string; secretKey: string }): Promise<ReceivedRequest> {
      const client = new scf.v20180416.Client({
        credential,
        region: 'ap-guangzhou',
        profile: { httpProfile: { endpoint: `127.0.0.1:${server.port}`, protocol: 'http://' } },
      });
      await client.GetLayerVersion({ LayerName: 'layer3', LayerVersion: 1 });
      return server.requests.at(-1)!;
    }

    it('accepts what the SDK sends to 127.0.0.1:PORT (service 127, host signed without port)', async () => {
      const request = await send(tencent);
      expect(request.headers.authorization).toContain(`${tencent.secretId}/`);
      expect(request.headers.authorization).toContain('/127/tc3_request');
      expect(request.headers.host).toBe(`127.0.0.1:${server.port}`);
      expect(await verifySignature('tencent-scf', request)).toBeNull();
    });

    it('rejects what the SDK sends with a wrong secret or an unknown SecretId', async () => {
      const wrongSecret = await send({ secretId: tencent.secretId, secretKey: 'not-the-secret' });
      expect(await verifySignature('tencent-scf', wrongSecret)).toMatchObject({ example: 'invalid-signature' });
      const unknownId = await send({ secretId: 'AKIDSOMEONEELSE000000000000000000000', secretKey: tencent.secretKey });
      expect(await verifySignature('tencent-scf', unknownId)).toMatchObject({ example: 'unrecognized-client' });
    });
  });
});
