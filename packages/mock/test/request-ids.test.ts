// Each request gets its own request ID (a UUID), as the providers give; the examples' fixed IDs
// are there for a test that asks for them with fixedRequestIds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/cli-main.js';
import { type RunningMock, startMock } from '../src/index.js';
import { AWS_HEADERS, TENCENT_HEADERS, specExamples } from './spec-examples.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const awsPath = '/2018-10-31/layers/my-layer/versions/1';
const tencentBody = '{"LayerName":"layer3","LayerVersion":1}';

const running: RunningMock[] = [];
let aws: RunningMock;
let tencent: RunningMock;
let awsFixed: RunningMock;
let tencentFixed: RunningMock;
beforeAll(async () => {
  running.push(
    ...(await Promise.all([
      startMock({ provider: 'aws-lambda' }),
      startMock({ provider: 'tencent-scf' }),
      startMock({ provider: 'aws-lambda', fixedRequestIds: true }),
      startMock({ provider: 'tencent-scf', fixedRequestIds: true }),
    ])),
  );
  [aws, tencent, awsFixed, tencentFixed] = running as [RunningMock, RunningMock, RunningMock, RunningMock];
});
afterAll(async () => {
  await Promise.all(running.map((mock) => mock.close()));
});

const awsId = async (mock: RunningMock, prefer?: string) =>
  (await fetch(mock.url + awsPath, { headers: { ...AWS_HEADERS, ...(prefer ? { prefer } : {}) } })).headers.get('x-amzn-requestid');
const tencentId = async (mock: RunningMock, prefer?: string) =>
  (await (await fetch(mock.url, { method: 'POST', headers: { ...TENCENT_HEADERS, ...(prefer ? { prefer } : {}) }, body: tencentBody })).json()).Response.RequestId;

describe('by default, one UUID per request', () => {
  for (const prefer of [undefined, 'example=resource-not-found', 'dynamic=true']) {
    it(`AWS x-amzn-RequestId${prefer ? ` (${prefer})` : ''}`, async () => {
      const [first, second] = [await awsId(aws, prefer), await awsId(aws, prefer)];
      expect(first).toMatch(UUID);
      expect(second).toMatch(UUID);
      expect(first).not.toBe(second);
    });

    it(`Tencent Response.RequestId${prefer ? ` (${prefer})` : ''}`, async () => {
      const [first, second] = [await tencentId(tencent, prefer), await tencentId(tencent, prefer)];
      expect(first).toMatch(UUID);
      expect(second).toMatch(UUID);
      expect(first).not.toBe(second);
    });
  }

  it('also for answers the mock makes itself (a missing Authorization header)', async () => {
    const ids = await Promise.all([0, 1].map(async () => (await fetch(aws.url + awsPath)).headers.get('x-amzn-requestid')));
    expect(ids[0]).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);
  });
});

describe("fixedRequestIds: the example's own ID, every time", () => {
  it('AWS', async () => {
    expect(await awsId(awsFixed)).toBe('1b8f5f1a-6f2e-4f4c-9a57-3c1f0e6d2b7a');
    expect(await awsId(awsFixed, 'example=resource-not-found')).toBe(await awsId(awsFixed, 'example=resource-not-found'));
  });

  it('Tencent', async () => {
    const example = specExamples('tencent-scf').find((candidate) => candidate.status === 200)!;
    expect(await tencentId(tencentFixed)).toBe(example.value.Response.RequestId);
  });

  it('is the CLI flag --fixed-request-ids', () => {
    expect(parseCliArgs(['--fixed-request-ids']).fixedRequestIds).toBe(true);
    expect(parseCliArgs([]).fixedRequestIds).toBe(false);
  });
});
