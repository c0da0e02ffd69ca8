// Contract tests as a team would write them against mocks with state: the official AWS and
// Tencent SDKs, unchanged but for their endpoints, against mocks serving test/fixtures/layers.yaml.
// Each test starts its own mocks, so tests running at the same time keep their state apart.
import { GetLayerVersionCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { toLayerVersion } from '@layerspec/layers';
import { scf } from 'tencentcloud-sdk-nodejs-scf';
import { describe, expect, it } from 'vitest';
import { type RunningMock, defaultTestCredentials, startMock } from '../src/index.js';

const FIXTURES = new URL('./fixtures/layers.yaml', import.meta.url).pathname;
const ScfClient = scf.v20180416.Client;

/** Both mocks with the fixture file, closed when the test ends. */
async function startBoth(onTestFinished: (fn: () => Promise<void>) => void): Promise<{ aws: RunningMock; tencent: RunningMock }> {
  const [aws, tencent] = await Promise.all([startMock({ provider: 'aws-lambda', fixtures: FIXTURES }), startMock({ provider: 'tencent-scf', fixtures: FIXTURES })]);
  onTestFinished(async () => {
    await Promise.all([aws.close(), tencent.close()]);
  });
  return { aws, tencent };
}

function lambdaClient(mock: RunningMock, maxAttempts = 1): LambdaClient {
  const { accessKeyId, secretAccessKey } = defaultTestCredentials['aws-lambda'];
  return new LambdaClient({ endpoint: mock.url, region: 'eu-central-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts });
}

function scfClient(mock: RunningMock) {
  const { secretId, secretKey } = defaultTestCredentials['tencent-scf'];
  return new ScfClient({
    credential: { secretId, secretKey },
    region: 'ap-guangzhou',
    profile: { httpProfile: { protocol: 'http://', endpoint: new URL(mock.url).host } },
  });
}

describe.concurrent('mocks with fixtures, called by the official SDKs', () => {
  it('give a fixture back field for field, the same layer through @layerspec/layers', async ({ onTestFinished }) => {
    const { aws, tencent } = await startBoth(onTestFinished);
    const { $metadata, ...awsAnswer } = await lambdaClient(aws).send(new GetLayerVersionCommand({ LayerName: 'shared-deps', VersionNumber: 3 }));
    expect($metadata.httpStatusCode).toBe(200);
    expect(awsAnswer).toEqual({
      Content: {
        Location: `${aws.url}/__layerspec/archives/shared-deps/3.zip`,
        CodeSha256: Buffer.from('232b822d5d8ef75d118a8e54a42bbcd4d995e662f7ac89e9f635505222723b41', 'hex').toString('base64'),
        CodeSize: 176,
      },
      LayerArn: 'arn:aws:lambda:eu-central-1:111122223333:layer:shared-deps',
      LayerVersionArn: 'arn:aws:lambda:eu-central-1:111122223333:layer:shared-deps:3',
      Description: 'Shared dependencies of the order services',
      CreatedDate: '2024-05-01T12:00:00.000+0000',
      Version: 3,
      CompatibleRuntimes: ['python3.9'],
      LicenseInfo: 'MIT',
      CompatibleArchitectures: ['x86_64', 'arm64'],
    });
    const { RequestId, ...tencentAnswer } = await scfClient(tencent).GetLayerVersion({ LayerName: 'shared-deps', LayerVersion: 3 });
    expect(RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(tencentAnswer).toEqual({
      CompatibleRuntimes: ['Python3.9'],
      CodeSha256: '232b822d5d8ef75d118a8e54a42bbcd4d995e662f7ac89e9f635505222723b41',
      Location: `${tencent.url}/__layerspec/archives/shared-deps/3.zip`,
      AddTime: '2024-05-01 20:00:00',
      Description: 'Shared dependencies of the order services',
      LicenseInfo: 'MIT',
      LayerVersion: 3,
      LayerName: 'shared-deps',
      Status: 'Active',
    });

    const fromAws = toLayerVersion('aws-lambda', awsAnswer);
    const fromTencent = toLayerVersion('tencent-scf', { ...tencentAnswer, RequestId });
    for (const layer of [fromAws, fromTencent]) {
      expect(layer).toMatchObject({ name: 'shared-deps', version: 3, description: 'Shared dependencies of the order services', license: 'MIT', status: 'available' });
      expect(layer.createdAt?.toISOString()).toBe('2024-05-01T12:00:00.000Z');
      expect(layer.archive.sha256?.hex).toBe('232b822d5d8ef75d118a8e54a42bbcd4d995e662f7ac89e9f635505222723b41');
      expect(layer.runtimes.map(({ language, version }) => ({ language, version }))).toEqual([{ language: 'python', version: '3.9' }]);
    }
    expect(fromAws.archive.size).toBe(176);
    expect(fromAws.region).toBe('eu-central-1');
    // The archive is served where the answer points, with the bytes its hash names.
    const archive = Buffer.from(await (await fetch(awsAnswer.Content!.Location!)).arrayBuffer());
    expect(archive.length).toBe(176);
  });

  it("answer a layer or version they do not hold with the SDK's own not-found", async ({ onTestFinished }) => {
    const { aws, tencent } = await startBoth(onTestFinished);
    for (const input of [
      { LayerName: 'shared-deps', VersionNumber: 99 },
      { LayerName: 'nope', VersionNumber: 3 },
    ]) {
      const error = await lambdaClient(aws)
        .send(new GetLayerVersionCommand(input))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect((error as ResourceNotFoundException).message).toBe('The resource you requested does not exist.');
      expect((error as ResourceNotFoundException).Type).toBe('User');
    }
    const error = await scfClient(tencent)
      .GetLayerVersion({ LayerName: 'shared-deps', LayerVersion: 99 })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ResourceNotFound.LayerVersion' });
  });

  it('reset empties the fixtures: the layer that was there is not found', async ({ onTestFinished }) => {
    const { aws, tencent } = await startBoth(onTestFinished);
    await expect(lambdaClient(aws).send(new GetLayerVersionCommand({ LayerName: 'shared-deps', VersionNumber: 3 }))).resolves.toBeTruthy();
    aws.reset();
    await expect(lambdaClient(aws).send(new GetLayerVersionCommand({ LayerName: 'shared-deps', VersionNumber: 3 }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    // The control API does the same for a team in another language.
    expect((await fetch(`${tencent.controlUrl}reset`, { method: 'POST' })).status).toBe(200);
    await expect(scfClient(tencent).GetLayerVersion({ LayerName: 'shared-deps', LayerVersion: 3 })).rejects.toMatchObject({ code: 'ResourceNotFound.LayerVersion' });
  });

  it('a throttling fault is retried by the AWS SDK, which then succeeds', async ({ onTestFinished }) => {
    const { aws } = await startBoth(onTestFinished);
    aws.fault({ kind: 'throttle', times: 2 });
    const { Version } = await lambdaClient(aws, 3).send(new GetLayerVersionCommand({ LayerName: 'shared-deps', VersionNumber: 3 }));
    expect(Version).toBe(3);
    const answers = (await aws.requests()).map((entry) => (entry.answer.kind === 'answered' ? entry.answer.status : entry.answer.kind));
    expect(answers).toEqual([429, 429, 200]);
    expect((await aws.requests())[0]?.fault).toBe('throttle');
  });

  it('a throttling fault reaches the Tencent SDK (which does not retry) as RequestLimitExceeded, and the next call succeeds', async ({ onTestFinished }) => {
    const { tencent } = await startBoth(onTestFinished);
    tencent.fault({ kind: 'throttle' });
    const client = scfClient(tencent);
    await expect(client.GetLayerVersion({ LayerName: 'shared-deps', LayerVersion: 3 })).rejects.toMatchObject({ code: 'RequestLimitExceeded' });
    await expect(client.GetLayerVersion({ LayerName: 'shared-deps', LayerVersion: 3 })).resolves.toMatchObject({ LayerVersion: 3 });
  });

  it('the journal lists exactly the calls made, signatures verified and secrets out', async ({ onTestFinished }) => {
    const { aws, tencent } = await startBoth(onTestFinished);
    await lambdaClient(aws).send(new GetLayerVersionCommand({ LayerName: 'shared-deps', VersionNumber: 3 }));
    await lambdaClient(aws)
      .send(new GetLayerVersionCommand({ LayerName: 'arn:aws:lambda:eu-central-1:111122223333:layer:shared-deps', VersionNumber: 3 }))
      .catch(() => undefined);
    await scfClient(tencent).GetLayerVersion({ LayerName: 'shared-deps', LayerVersion: 3 });
    const calls = await aws.requests();
    expect(calls.map((entry) => [entry.sequence, entry.request.method, new URL(entry.request.url).pathname])).toEqual([
      [1, 'GET', '/2018-10-31/layers/shared-deps/versions/3'],
      [2, 'GET', '/2018-10-31/layers/arn%3Aaws%3Alambda%3Aeu-central-1%3A111122223333%3Alayer%3Ashared-deps/versions/3'],
    ]);
    // An ARN names the layer too.
    expect(calls.map((entry) => entry.answer.kind === 'answered' && entry.answer.status)).toEqual([200, 200]);
    for (const entry of [...calls, ...(await tencent.requests())]) {
      expect(entry.signature).toEqual({ status: 'verified' });
      expect(entry.request.headers.authorization).toMatch(/Signature=\[redacted\]$/);
      expect(JSON.stringify(entry)).not.toMatch(/Signature=[0-9a-f]{64}/);
    }
    const [tencentCall] = await tencent.requests();
    expect(JSON.parse(tencentCall!.request.body)).toEqual({ LayerName: 'shared-deps', LayerVersion: 3 });
    expect(await tencent.requests()).toHaveLength(1);
  });

  it('two tests at once keep their fixtures, journal and faults apart', async ({ onTestFinished }) => {
    const [first, second] = await Promise.all([startBoth(onTestFinished), startBoth(onTestFinished)]);
    first.aws.setFixtures({ layers: [{ name: 'only-in-first', version: 1, description: 'first' }] });
    second.aws.fault({ kind: 'throttle', times: 'all' });
    await expect(lambdaClient(first.aws).send(new GetLayerVersionCommand({ LayerName: 'only-in-first', VersionNumber: 1 }))).resolves.toMatchObject({
      Description: 'first',
    });
    await expect(lambdaClient(second.aws).send(new GetLayerVersionCommand({ LayerName: 'only-in-first', VersionNumber: 1 }))).rejects.toMatchObject({
      name: 'TooManyRequestsException',
    });
    await expect(lambdaClient(second.aws).send(new GetLayerVersionCommand({ LayerName: 'shared-deps', VersionNumber: 3 }))).rejects.toMatchObject({
      name: 'TooManyRequestsException',
    });
    expect(await first.aws.requests()).toHaveLength(1);
    expect(await second.aws.requests()).toHaveLength(2);
    expect(await first.tencent.requests()).toHaveLength(0);
  });
});
