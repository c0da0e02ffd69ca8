// listLayerVersions and latestLayerVersion against both mocks (@layerspec/mock, free ports,
// signatures checked), serving three versions of one layer from fixtures: the same versions,
// newest first, on both providers, and an unknown layer as [] on both.
import { createLambdaClient } from '@layerspec/aws-lambda';
import { defaultTestCredentials, type FixtureSet, type RunningMock, startMock } from '@layerspec/mock';
import { createScfClient } from '@layerspec/tencent-scf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLayersClient, type LayersClient } from '../src/index.js';

const LAYER = 'node-utils';
const THREE_VERSIONS: FixtureSet = {
  layers: [1, 2, 3].map((version) => ({
    name: LAYER,
    version,
    description: `release ${version}`,
    license: 'MIT',
    createdAt: `2024-0${version}-01T12:00:00Z`,
    runtimes: [{ language: 'python', version: '3.9' }],
    architectures: ['x86_64'],
    archive: { size: 2048, sha256: 'fz+qd5aUv54eySvF6iHsJHHdBfEx4K64hNJrO9tKsEM=', location: `https://layers.example.com/${LAYER}/${version}.zip` },
  })),
};

let aws: RunningMock;
let tencent: RunningMock;
let layers: LayersClient;

beforeAll(async () => {
  [aws, tencent] = await Promise.all([
    startMock({ provider: 'aws-lambda', fixtures: THREE_VERSIONS, verifySignatures: true }),
    startMock({ provider: 'tencent-scf', fixtures: THREE_VERSIONS, verifySignatures: true }),
  ]);
  layers = createLayersClient({
    'aws-lambda': createLambdaClient({ region: 'us-east-1', endpoint: aws.url, maxAttempts: 1, credentials: defaultTestCredentials['aws-lambda'] }),
    'tencent-scf': createScfClient({ region: 'ap-guangzhou', endpoint: tencent.url, maxAttempts: 1, credentials: defaultTestCredentials['tencent-scf'] }),
    context: { 'tencent-scf': { region: 'ap-guangzhou' } },
  });
});
afterAll(async () => {
  await Promise.all([aws?.close(), tencent?.close()]);
});

describe('listLayerVersions against the mocks', () => {
  for (const provider of ['aws-lambda', 'tencent-scf'] as const) {
    it(`${provider}: the three versions, newest first, in neutral fields`, async () => {
      const list = await layers.listLayerVersions(provider, LAYER);
      expect(list.map((v) => v.version)).toEqual([3, 2, 1]);
      expect(list.map((v) => v.createdAt?.toISOString())).toEqual(['2024-03-01T12:00:00.000Z', '2024-02-01T12:00:00.000Z', '2024-01-01T12:00:00.000Z']);
      expect(list[0]).toMatchObject({ provider, name: LAYER, description: 'release 3', license: 'MIT', status: 'available' });
      expect(list[0]?.runtimes.map((r) => [r.language, r.version])).toEqual([['python', '3.9']]);
    });

    it(`${provider}: an unknown layer lists as []`, async () => {
      expect(await layers.listLayerVersions(provider, 'no-such-layer')).toEqual([]);
    });
  }

  it('latestLayerVersion: version 3 on each provider', async () => {
    const latest = await layers.latestLayerVersion(LAYER);
    expect(latest['aws-lambda']).toMatchObject({ version: 3, arn: expect.stringMatching(/:layer:node-utils:3$/) });
    expect(latest['tencent-scf']).toMatchObject({ version: 3, region: 'ap-guangzhou' });
  });
});
