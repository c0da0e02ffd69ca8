// Recipe: vitest with the layerspec clients, one pair of mocks per test, fixtures from a file.
import { createLambdaClient, LambdaError } from '@layerspec/aws-lambda';
import { createScfClient } from '@layerspec/tencent-scf';
import { expect, it } from 'vitest';
import { defaultTestCredentials, startMock } from '@layerspec/mock';

const fixtures = new URL('../fixtures/layers.yaml', import.meta.url).pathname;

it('reads the shared-deps layer from both clouds', async ({ onTestFinished }) => {
  // A mock per test: its fixtures, journal and faults belong to this test alone.
  const aws = await startMock({ provider: 'aws-lambda', fixtures, verifySignatures: true });
  const tencent = await startMock({ provider: 'tencent-scf', fixtures, verifySignatures: true });
  onTestFinished(() => Promise.all([aws.close(), tencent.close()]).then(() => undefined));

  const lambda = createLambdaClient({ region: 'eu-central-1', endpoint: aws.url, credentials: defaultTestCredentials['aws-lambda'] });
  const scf = createScfClient({ region: 'ap-guangzhou', endpoint: tencent.url, credentials: defaultTestCredentials['tencent-scf'] });

  expect(await lambda.getLayerVersion({ LayerName: 'shared-deps', VersionNumber: 3 })).toMatchObject({ Version: 3 });
  expect(await scf.getLayerVersion({ LayerName: 'shared-deps', LayerVersion: 3 })).toMatchObject({ Status: 'Active' });

  // The next call is throttled; the client retries it on its own.
  aws.fault({ kind: 'throttle' });
  expect(await lambda.getLayerVersion({ LayerName: 'shared-deps', VersionNumber: 3 })).toMatchObject({ Version: 3 });

  const missing = await lambda.getLayerVersion({ LayerName: 'shared-deps', VersionNumber: 4 }).catch((error: unknown) => error);
  expect(missing).toBeInstanceOf(LambdaError);
  expect(missing).toMatchObject({ kind: 'not-found' });

  // What the code under test really sent.
  expect((await aws.requests()).map((entry) => entry.answer.kind === 'answered' && entry.answer.status)).toEqual([200, 429, 200, 404]);
});
