// A misspelt scenario must not pass a test: it is answered in a way no provider-shaped assertion
// accepts, naming the valid scenarios. And the same meaning has the same name on both providers.
import { describe, expect, it } from 'vitest';
import { listScenarioNames } from '../src/index.js';
import { useBothMocks } from './both-mocks.js';
import { AWS_HEADERS, TENCENT_HEADERS } from './spec-examples.js';

const mocks = useBothMocks();

const awsGet = (prefer: string) => fetch(`${mocks.aws.url}/2018-10-31/layers/my-layer/versions/1`, { headers: { ...AWS_HEADERS, prefer } });
const tencentPost = (prefer: string) =>
  fetch(mocks.tencent.url, { method: 'POST', headers: { ...TENCENT_HEADERS, prefer }, body: '{"LayerName":"layer3","LayerVersion":1}' });

describe('a Prefer the mock cannot honour', () => {
  for (const prefer of ['example=not-found', 'code=418', 'code=abc']) {
    it(`AWS: ${prefer} gets no status, error name or body Lambda sends`, async () => {
      const response = await awsGet(prefer);
      expect([200, 400, 403, 404, 429, 500]).not.toContain(response.status);
      expect(response.headers.get('x-amzn-errortype')).toBeNull();
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(() => JSON.parse(text)).toThrow();
      for (const name of listScenarioNames('aws-lambda', 'GetLayerVersion')) expect(text).toContain(name);
    });

    it(`Tencent: ${prefer} gets no HTTP 200 and no envelope`, async () => {
      const response = await tencentPost(prefer);
      expect(response.status).not.toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).not.toContain('"Response"');
      for (const name of listScenarioNames('tencent-scf', 'GetLayerVersion')) expect(text).toContain(name);
    });
  }
});

describe('scenario names', () => {
  const shared = [
    'invalid-parameter-value',
    'missing-authentication-token',
    'invalid-signature',
    'unrecognized-client',
    'signature-expired',
    'resource-not-found',
    'too-many-requests',
    'internal-error',
  ];
  for (const name of shared) {
    it(`${name} names the same answer on both providers`, () => {
      expect(listScenarioNames('aws-lambda')).toContain(name);
      expect(listScenarioNames('tencent-scf')).toContain(name);
    });
  }
});
