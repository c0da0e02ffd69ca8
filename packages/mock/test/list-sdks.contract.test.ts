// The official SDKs, unchanged but for their endpoint, list the versions of a layer the mocks serve
// from fixtures: AWS's ListLayerVersionsCommand and paginateListLayerVersions (MaxItems 1, one page
// per version) in Lambda's order, Tencent's ListLayerVersions in its own, each provider's answer
// for a layer it does not have; and the HAR the mocks recorded of these calls passes `npm run drift`.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LambdaClient, ListLayerVersionsCommand, paginateListLayerVersions } from '@aws-sdk/client-lambda';
import { scf } from 'tencentcloud-sdk-nodejs-scf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, defaultTestCredentials, startMock } from '../src/index.js';
import { LAYER, THREE_VERSIONS } from './three-versions.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
// redocly starts once per API; the machine may be loaded.
const DRIFT_TIMEOUT = 120_000;

let aws: RunningMock;
let tencent: RunningMock;
let lambda: LambdaClient;
let scfClient: InstanceType<typeof scf.v20180416.Client>;
let folder: string;

beforeAll(async () => {
  [aws, tencent] = await Promise.all([
    startMock({ provider: 'aws-lambda', fixtures: THREE_VERSIONS, verifySignatures: true }),
    startMock({ provider: 'tencent-scf', fixtures: THREE_VERSIONS, verifySignatures: true }),
  ]);
  lambda = new LambdaClient({
    endpoint: aws.url,
    region: 'us-east-1',
    credentials: defaultTestCredentials['aws-lambda'],
    maxAttempts: 1,
  });
  scfClient = new scf.v20180416.Client({
    credential: defaultTestCredentials['tencent-scf'],
    region: 'ap-guangzhou',
    profile: { httpProfile: { protocol: 'http://', endpoint: new URL(tencent.url).host } },
  });
  folder = mkdtempSync(join(tmpdir(), 'layerspec-list-sdks-'));
});
afterAll(async () => {
  lambda.destroy();
  await Promise.all([aws.close(), tencent.close()]);
  rmSync(folder, { recursive: true, force: true });
});

describe('the official AWS SDK lists the layer versions of the AWS mock', () => {
  it('ListLayerVersionsCommand: every version, newest first, with the filters', async () => {
    const all = await lambda.send(new ListLayerVersionsCommand({ LayerName: LAYER }));
    expect(all.LayerVersions?.map((item) => item.Version)).toEqual([3, 2, 1]);
    expect(all.NextMarker).toBeUndefined();
    expect(all.LayerVersions?.[0]?.CreatedDate).toBe('2024-03-01T12:00:00.000+0000');
    const python = await lambda.send(new ListLayerVersionsCommand({ LayerName: LAYER, CompatibleRuntime: 'python3.9', CompatibleArchitecture: 'x86_64' }));
    expect(python.LayerVersions?.map((item) => item.Version)).toEqual([3, 1]);
  });

  it('paginateListLayerVersions with MaxItems 1: one page per version, every version in order', async () => {
    const pages: number[][] = [];
    for await (const page of paginateListLayerVersions({ client: lambda, pageSize: 1 }, { LayerName: LAYER })) {
      pages.push((page.LayerVersions ?? []).map((item) => item.Version!));
      if (pages.length > 10) break;
    }
    expect(pages).toEqual([[3], [2], [1]]);
  });

  it('a layer the mock does not have: an empty list, as Lambda answers', async () => {
    const answer = await lambda.send(new ListLayerVersionsCommand({ LayerName: 'no-such-layer' }));
    expect(answer.LayerVersions).toEqual([]);
  });

  it('a Marker the mock did not give: the SDK throws InvalidParameterValueException', async () => {
    await expect(lambda.send(new ListLayerVersionsCommand({ LayerName: LAYER, Marker: 'not-a-marker' }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('the official Tencent Cloud SDK lists the layer versions of the Tencent mock', () => {
  it('ListLayerVersions: every version, newest first, and CompatibleRuntime filters', async () => {
    const all = await scfClient.ListLayerVersions({ LayerName: LAYER });
    expect(all.LayerVersions?.map((item) => item.LayerVersion)).toEqual([3, 2, 1]);
    expect(all.RequestId).toEqual(expect.any(String));
    const node = await scfClient.ListLayerVersions({ LayerName: LAYER, CompatibleRuntime: ['Nodejs16.13'] });
    expect(node.LayerVersions?.map((item) => item.LayerVersion)).toEqual([3, 2]);
  });

  it('a layer the mock does not have: the SDK throws ResourceNotFound.Layer', async () => {
    await expect(scfClient.ListLayerVersions({ LayerName: 'no-such-layer' })).rejects.toMatchObject({ code: 'ResourceNotFound.Layer' });
  });
});

describe('npm run drift on the HAR the mocks recorded of these calls', () => {
  it(
    'passes',
    async () => {
      const entries = [...(await aws.har()).log.entries, ...(await tencent.har()).log.entries];
      expect(entries.map((entry) => entry._layerspec.operation)).toContain('ListLayerVersions');
      expect(entries.every((entry) => entry._layerspec.signature.status === 'verified')).toBe(true);
      const file = join(folder, 'list.har');
      writeFileSync(file, JSON.stringify({ log: { ...(await aws.har()).log, entries } }));
      const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
        execFile(process.execPath, [join(repoRoot, 'tools/drift.mjs'), file], { cwd: repoRoot }, (error, stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: `${stdout}${stderr}` });
        });
      });
      expect(output).toMatch(/^aws-lambda \(.*\): \d+ exchange\(s\) checked, no drift$/m);
      expect(output).toMatch(/^tencent-scf \(.*\): \d+ exchange\(s\) checked, no drift$/m);
      expect(code, output).toBe(0);
    },
    DRIFT_TIMEOUT,
  );
});
