// Every answer is in the provider's shape, also for requests Node or Prism would answer in their
// own words: no Host, CONNECT, `OPTIONS *`, absolute-form targets, and dynamic data on Tencent.
import { describe, expect, it } from 'vitest';
import { startMock } from '../src/index.js';
import { useBothMocks } from './both-mocks.js';
import { sendRaw, type RawAnswer } from './raw-http.js';
import { TENCENT_HEADERS } from './spec-examples.js';

const mocks = useBothMocks();

function expectAwsShape(answer: RawAnswer): void {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.headers['x-amzn-errortype']).toMatch(/^[A-Z][A-Za-z]+$/);
  expect(answer.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  expect(answer.headers['content-type']).toBe('application/json');
  const body = JSON.parse(answer.body);
  expect(typeof (body.message ?? body.Message)).toBe('string');
}

function expectTencentShape(answer: RawAnswer): void {
  expect(answer.status).toBe(200);
  expect(answer.headers['content-type']).toBe('application/json');
  const body = JSON.parse(answer.body);
  expect(Object.keys(body)).toEqual(['Response']);
  expect(body.Response.Error.Code).toMatch(/^[A-Z][A-Za-z]+(\.[A-Za-z]+)*$/);
  expect(body.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
}

const awsPath = '/2018-10-31/layers/my-layer/versions/1';
const tencentBody = '{"LayerName":"layer3","LayerVersion":1}';
const tencentHead = Object.entries(TENCENT_HEADERS)
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('');

describe('AWS Lambda', () => {
  it('answers a request without Host', async () => {
    expectAwsShape(await sendRaw(mocks.aws.url, `GET ${awsPath} HTTP/1.1\r\nAuthorization: x\r\nConnection: close\r\n\r\n`));
  });

  it('answers CONNECT', async () => {
    expectAwsShape(await sendRaw(mocks.aws.url, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'));
  });

  it('answers OPTIONS *', async () => {
    expectAwsShape(await sendRaw(mocks.aws.url, 'OPTIONS * HTTP/1.1\r\nHost: x\r\nAuthorization: x\r\nConnection: close\r\n\r\n'));
  });

  it('answers an absolute-form target as its path, as HTTP/1.1 servers must', async () => {
    const answer = await sendRaw(mocks.aws.url, `GET http://x${awsPath} HTTP/1.1\r\nHost: x\r\nAuthorization: x\r\nConnection: close\r\n\r\n`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).LayerArn).toMatch(/^arn:/);
  });
});

describe('Tencent SCF', () => {
  it('answers a request without Host', async () => {
    const bytes = `POST / HTTP/1.1\r\n${tencentHead}Content-Length: ${tencentBody.length}\r\nConnection: close\r\n\r\n${tencentBody}`;
    expectTencentShape(await sendRaw(mocks.tencent.url, bytes));
  });

  it('answers CONNECT', async () => {
    expectTencentShape(await sendRaw(mocks.tencent.url, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'));
  });

  it('answers OPTIONS *', async () => {
    expectTencentShape(await sendRaw(mocks.tencent.url, 'OPTIONS * HTTP/1.1\r\nHost: x\r\nAuthorization: x\r\nConnection: close\r\n\r\n'));
  });

  it('answers an absolute-form target as its path', async () => {
    const bytes = `POST http://x/ HTTP/1.1\r\nHost: x\r\n${tencentHead}Content-Length: ${tencentBody.length}\r\nConnection: close\r\n\r\n${tencentBody}`;
    const answer = await sendRaw(mocks.tencent.url, bytes);
    expect(JSON.parse(answer.body).Response.Status).toBe('Active');
  });

  it('answers Prefer: code=200, dynamic=true with a result, never a made-up error or RequestId', async () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const mock = await startMock({ provider: 'tencent-scf', seed });
      try {
        const response = await fetch(mock.url, { method: 'POST', headers: { ...TENCENT_HEADERS, prefer: 'code=200, dynamic=true' }, body: tencentBody });
        const body = await response.json();
        expect(body.Response.Error).toBeUndefined();
        expect(body.Response.RequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      } finally {
        await mock.close();
      }
    }
  });
});
