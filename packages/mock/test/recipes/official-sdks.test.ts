// Recipe: vitest with the official AWS and Tencent SDKs, unchanged but for their endpoints.
import { GetLayerVersionCommand, LambdaClient, ListLayerVersionsCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { scf } from 'tencentcloud-sdk-nodejs-scf';
import { expect, it } from 'vitest';
import { defaultTestCredentials, startMock } from '@layerspec/mock';

it('serves layers set by the test to the official SDKs', async ({ onTestFinished }) => {
  const aws = await startMock({ provider: 'aws-lambda' });
  const tencent = await startMock({ provider: 'tencent-scf' });
  onTestFinished(() => Promise.all([aws.close(), tencent.close()]).then(() => undefined));
  const layer = {
    name: 'billing-libs',
    version: 7,
    description: 'Billing libraries',
    license: 'MIT',
    createdAt: '2025-03-01T09:30:00Z',
    runtimes: [{ language: 'python', version: '3.9' }],
    archive: { base64: Buffer.from('not really a zip').toString('base64') },
  };
  aws.setFixtures({ layers: [layer] });
  tencent.setFixtures({ layers: [layer] });

  const lambda = new LambdaClient({ endpoint: aws.url, region: 'us-east-1', credentials: defaultTestCredentials['aws-lambda'] });
  const output = await lambda.send(new GetLayerVersionCommand({ LayerName: 'billing-libs', VersionNumber: 7 }));
  expect(output.LayerVersionArn).toBe('arn:aws:lambda:us-east-1:123456789012:layer:billing-libs:7');
  await expect(lambda.send(new GetLayerVersionCommand({ LayerName: 'billing-libs', VersionNumber: 8 }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  const listed = await lambda.send(new ListLayerVersionsCommand({ LayerName: 'billing-libs', CompatibleRuntime: 'python3.9' }));
  expect(listed.LayerVersions?.map((item) => item.Version)).toEqual([7]);

  const client = new scf.v20180416.Client({
    credential: defaultTestCredentials['tencent-scf'],
    region: 'ap-guangzhou',
    profile: { httpProfile: { protocol: 'http://', endpoint: new URL(tencent.url).host } },
  });
  expect(await client.GetLayerVersion({ LayerName: 'billing-libs', LayerVersion: 7 })).toMatchObject({
    AddTime: '2025-03-01 17:30:00',
    CompatibleRuntimes: ['Python3.9'],
  });
  await expect(client.GetLayerVersion({ LayerName: 'billing-libs', LayerVersion: 8 })).rejects.toMatchObject({ code: 'ResourceNotFound.LayerVersion' });
  expect((await client.ListLayerVersions({ LayerName: 'billing-libs' })).LayerVersions?.map((item) => item.LayerVersion)).toEqual([7]);
});
