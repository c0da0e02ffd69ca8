// Requests that break the spec, each answered with the provider's own error shape and code:
// never a 5xx, never Prism's problem+json.
import { describe, expect, it } from 'vitest';
import { useBothMocks } from './both-mocks.js';
import { AWS_HEADERS, TENCENT_HEADERS, isProblemJson } from './spec-examples.js';

const mocks = useBothMocks();

interface AwsCase {
  name: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  status: number;
  errorType: string;
  /** Text the message must contain: the parameter and the rule. */
  message?: string[];
}

const layer = (name: string, version: string) => `/2018-10-31/layers/${name}/versions/${version}`;
const awsCases: AwsCase[] = [
  {
    name: 'empty name',
    path: layer('', '1'),
    status: 400,
    errorType: 'InvalidParameterValueException',
    message: ["at 'layerName'", 'length greater than or equal to 1'],
  },
  {
    name: 'name too long',
    path: layer('a'.repeat(141), '1'),
    status: 400,
    errorType: 'InvalidParameterValueException',
    message: ["at 'layerName'", 'length less than or equal to 140'],
  },
  {
    name: 'illegal characters',
    path: layer('my%20layer', '1'),
    status: 400,
    errorType: 'InvalidParameterValueException',
    message: ["Value 'my layer' at 'layerName'", 'regular expression pattern'],
  },
  { name: 'path traversal', path: layer('..%2F..%2Fetc', '1'), status: 400, errorType: 'InvalidParameterValueException', message: ["at 'layerName'"] },
  {
    name: 'ARN of another service',
    path: layer('arn%3Aaws%3As3%3A%3A%3Abucket', '1'),
    status: 400,
    errorType: 'InvalidParameterValueException',
    message: ["at 'layerName'"],
  },
  {
    name: 'version 0',
    path: layer('my-layer', '0'),
    status: 400,
    errorType: 'InvalidParameterValueException',
    message: ["Value '0' at 'versionNumber'", 'greater than or equal to 1'],
  },
  {
    name: 'version -1',
    path: layer('my-layer', '-1'),
    status: 400,
    errorType: 'InvalidParameterValueException',
    message: ["Value '-1' at 'versionNumber'", 'greater than or equal to 1'],
  },
  {
    name: 'version 1.5',
    path: layer('my-layer', '1.5'),
    status: 400,
    errorType: 'InvalidParameterValueException',
    message: ["Value '1.5' at 'versionNumber'", 'must be an integer'],
  },
  {
    name: 'version "abc"',
    path: layer('my-layer', 'abc'),
    status: 400,
    errorType: 'InvalidParameterValueException',
    message: ["Value 'abc' at 'versionNumber'", 'must be an integer'],
  },
  {
    name: 'huge version',
    path: layer('my-layer', '99999999999999999999999'),
    status: 400,
    errorType: 'InvalidParameterValueException',
    message: ["at 'versionNumber'", 'less than or equal to'],
  },
  { name: 'empty version', path: layer('my-layer', ''), status: 400, errorType: 'InvalidParameterValueException', message: ["at 'versionNumber'"] },
  {
    name: 'missing Authorization',
    path: layer('my-layer', '1'),
    headers: {},
    status: 403,
    errorType: 'MissingAuthenticationTokenException',
    message: ['Missing Authentication Token'],
  },
  { name: 'unknown path', path: '/2015-03-31/functions', status: 404, errorType: 'UnknownOperationException' },
  { name: 'root path', path: '/', status: 404, errorType: 'UnknownOperationException' },
  { name: 'wrong method POST', path: layer('my-layer', '1'), method: 'POST', status: 404, errorType: 'UnknownOperationException' },
  { name: 'wrong method DELETE', path: layer('my-layer', '1'), method: 'DELETE', status: 404, errorType: 'UnknownOperationException' },
];

describe('AWS Lambda mock: bad requests', () => {
  it('has at least 15 cases', () => expect(awsCases.length).toBeGreaterThanOrEqual(15));

  for (const testCase of awsCases) {
    it(`${testCase.name} -> ${testCase.status} ${testCase.errorType}`, async () => {
      const response = await fetch(mocks.aws.url + testCase.path, { method: testCase.method ?? 'GET', headers: testCase.headers ?? AWS_HEADERS });
      const body = await response.json();
      expect(response.status).toBe(testCase.status);
      expect(response.headers.get('x-amzn-errortype')).toBe(testCase.errorType);
      expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(isProblemJson(response.headers.get('content-type'), body)).toBe(false);
      const message: string = body.message ?? body.Message;
      expect(typeof message).toBe('string');
      for (const part of testCase.message ?? []) expect(message).toContain(part);
    });
  }
});

interface TencentCase {
  name: string;
  body: string;
  headers?: Record<string, string | undefined>;
  method?: string;
  path?: string;
  code: string;
  /** Text the message must contain, e.g. the field's name. */
  message?: string[];
}

const valid = JSON.stringify({ LayerName: 'layer3', LayerVersion: 1 });
const tencentCases: TencentCase[] = [
  { name: 'empty name', body: '{"LayerName":"","LayerVersion":1}', code: 'InvalidParameterValue', message: ['`LayerName`'] },
  { name: 'name too long', body: JSON.stringify({ LayerName: 'a'.repeat(65), LayerVersion: 1 }), code: 'InvalidParameterValue', message: ['`LayerName`', '64'] },
  { name: 'illegal characters', body: '{"LayerName":"my layer!","LayerVersion":1}', code: 'InvalidParameterValue', message: ['`LayerName`', 'does not match the rule'] },
  { name: 'name of the wrong type', body: '{"LayerName":42,"LayerVersion":1}', code: 'InvalidParameter', message: ['`LayerName`', 'String'] },
  { name: 'version -1', body: '{"LayerName":"layer3","LayerVersion":-1}', code: 'InvalidParameterValue', message: ['`LayerVersion`'] },
  { name: 'version 1.5', body: '{"LayerName":"layer3","LayerVersion":1.5}', code: 'InvalidParameter', message: ['`LayerVersion`', 'Integer'] },
  { name: 'version "abc"', body: '{"LayerName":"layer3","LayerVersion":"abc"}', code: 'InvalidParameter', message: ['`LayerVersion`', 'Integer'] },
  { name: 'huge version', body: '{"LayerName":"layer3","LayerVersion":99999999999999999999999}', code: 'InvalidParameterValue', message: ['`LayerVersion`'] },
  { name: 'missing LayerName', body: '{"LayerVersion":1}', code: 'MissingParameter', message: ['`LayerName`'] },
  { name: 'empty body', body: '', code: 'InvalidParameter', message: ['not valid JSON', 'empty'] },
  { name: 'empty object', body: '{}', code: 'MissingParameter', message: ['`Layer'] },
  { name: 'extra field', body: '{"LayerName":"layer3","LayerVersion":1,"Extra":true}', code: 'UnknownParameter', message: ['`Extra`'] },
  { name: 'malformed JSON', body: '{"LayerName":', code: 'InvalidParameter', message: ['JSON'] },
  { name: 'JSON that is not an object', body: '[1,2]', code: 'InvalidParameter', message: ['JSON object'] },
  { name: 'wrong content type', body: valid, headers: { 'content-type': 'text/plain' }, code: 'InvalidParameter', message: ['`Content-Type`'] },
  { name: 'missing content type', body: valid, headers: { 'content-type': undefined }, code: 'InvalidParameter', message: ['`Content-Type`'] },
  { name: 'wrong action', body: valid, headers: { 'x-tc-action': 'GetLayerVersions' }, code: 'InvalidAction', message: ['`GetLayerVersions`'] },
  { name: 'missing action', body: valid, headers: { 'x-tc-action': undefined }, code: 'MissingParameter', message: ['`X-TC-Action`'] },
  { name: 'wrong version', body: valid, headers: { 'x-tc-version': '2017-01-01' }, code: 'NoSuchVersion', message: ['`2017-01-01`'] },
  { name: 'missing version', body: valid, headers: { 'x-tc-version': undefined }, code: 'MissingParameter', message: ['`X-TC-Version`'] },
  { name: 'missing timestamp', body: valid, headers: { 'x-tc-timestamp': undefined }, code: 'MissingParameter', message: ['`X-TC-Timestamp`'] },
  { name: 'timestamp not a number', body: valid, headers: { 'x-tc-timestamp': 'yesterday' }, code: 'InvalidParameter', message: ['`X-TC-Timestamp`'] },
  { name: 'unknown language', body: valid, headers: { 'x-tc-language': 'fr-FR' }, code: 'InvalidParameterValue', message: ['`X-TC-Language`'] },
  { name: 'missing Authorization', body: valid, headers: { authorization: undefined }, code: 'AuthFailure.InvalidAuthorization' },
  { name: 'GET instead of POST', body: '', method: 'GET', code: 'UnsupportedProtocol', message: ['GET /'] },
  { name: 'another path', body: valid, path: '/v2/layers', code: 'UnsupportedProtocol', message: ['/v2/layers'] },
];

describe('Tencent SCF mock: bad requests', () => {
  it('has at least 15 cases', () => expect(tencentCases.length).toBeGreaterThanOrEqual(15));

  for (const testCase of tencentCases) {
    it(`${testCase.name} -> HTTP 200 ${testCase.code}`, async () => {
      const headers = Object.fromEntries(
        Object.entries<string | undefined>({ ...TENCENT_HEADERS, ...testCase.headers }).filter((entry): entry is [string, string] => entry[1] !== undefined),
      );
      const method = testCase.method ?? 'POST';
      const response = await fetch(mocks.tencent.url + (testCase.path ?? '/'), {
        method,
        headers,
        ...(method === 'GET' ? {} : { body: testCase.body }),
      });
      const body = await response.json();
      expect(response.status).toBe(200);
      expect(isProblemJson(response.headers.get('content-type'), body)).toBe(false);
      expect(Object.keys(body)).toEqual(['Response']);
      expect(body.Response.Error.Code).toBe(testCase.code);
      expect(typeof body.Response.RequestId).toBe('string');
      for (const part of testCase.message ?? []) expect(body.Response.Error.Message).toContain(part);
    });
  }
});

describe('malformed headers Prism cannot parse', () => {
  it('AWS: a malformed Content-Type on a GET is ignored, as Lambda ignores the body', async () => {
    const response = await fetch(`${mocks.aws.url}/2018-10-31/layers/my-layer/versions/0`, { headers: { ...AWS_HEADERS, 'content-type': '/' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidParameterValueException');
  });

  it('Tencent: a malformed Content-Type is InvalidParameter naming the header', async () => {
    const response = await fetch(mocks.tencent.url, { method: 'POST', headers: { ...TENCENT_HEADERS, 'content-type': '/' }, body: valid });
    const body = await response.json();
    expect(body.Response.Error.Code).toBe('InvalidParameter');
    expect(body.Response.Error.Message).toContain('`Content-Type`');
  });

  it('Tencent: application/json with odd parameters is read as JSON', async () => {
    const response = await fetch(mocks.tencent.url, { method: 'POST', headers: { ...TENCENT_HEADERS, 'content-type': 'application/json; charset=%%%; x' }, body: valid });
    expect((await response.json()).Response.Status).toBe('Active');
  });
});

describe('paths Prism cannot decode', () => {
  it('AWS: a lone % in the path is InvalidParameterValueException, not a 5xx', async () => {
    const response = await fetch(`${mocks.aws.url}/2018-10-31/layers/my%layer/versions/1`, { headers: AWS_HEADERS });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidParameterValueException');
    expect((await response.json()).message).toContain('percent-encoding');
  });

  it('AWS: the message quotes the path as it was sent, whatever the version segment holds', async () => {
    const response = await fetch(`${mocks.aws.url}/2018-10-31/layers/my%layer/versions/9223372036854775807`, { headers: AWS_HEADERS });
    expect((await response.json()).message).toContain('`/2018-10-31/layers/my%layer/versions/9223372036854775807`');
  });
});

describe('Accept', () => {
  it('AWS answers JSON to a client that accepts only HTML, as Lambda does', async () => {
    const response = await fetch(`${mocks.aws.url}/2018-10-31/layers/my-layer/versions/1`, { headers: { ...AWS_HEADERS, accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('Tencent answers JSON to a client that accepts only HTML', async () => {
    const response = await fetch(mocks.tencent.url, { method: 'POST', headers: { ...TENCENT_HEADERS, accept: 'text/html' }, body: valid });
    expect((await response.json()).Response.Status).toBe('Active');
  });
});

describe('requests Node cannot parse', () => {
  /** Sends raw bytes and returns what came back before the mock closed the connection. */
  async function raw(url: string, bytes: string): Promise<string> {
    const { connect } = await import('node:net');
    const { port } = new URL(url);
    return new Promise((resolve, reject) => {
      let received = '';
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
      socket.on('data', (chunk) => (received += chunk.toString('latin1')));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
  }

  it('AWS: headers over 16 KB get InvalidParameterValueException, not a bare 431', async () => {
    const answer = await raw(mocks.aws.url, `GET /2018-10-31/layers/a/versions/1 HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer.startsWith('HTTP/1.1 400 ')).toBe(true);
    expect(answer.toLowerCase()).toContain('x-amzn-errortype: invalidparametervalueexception');
    expect(answer).toContain('larger than 16 KB');
  });

  it('Tencent: a broken request line gets HTTP 200 and InvalidParameter in the envelope', async () => {
    const answer = await raw(mocks.tencent.url, 'NOT HTTP AT ALL\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 200 ')).toBe(true);
    expect(answer).toContain('"Code":"InvalidParameter"');
    expect(answer).toContain('"RequestId"');
  });
});
