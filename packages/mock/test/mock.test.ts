// startMock(): scenarios from the spec, Prefer, dynamic data, logging, signatures, shutdown.
import { GetLayerVersionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { scf } from 'tencentcloud-sdk-nodejs-scf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, UnknownScenarioError, defaultTestCredentials, listScenarioNames, startMock } from '../src/index.js';
import { AWS_HEADERS, TENCENT_HEADERS, isProblemJson, readBundle, specExamples } from './spec-examples.js';
import { type Scenario, loadSpec } from '../src/spec.js';
import { createTencentScfAdapter } from '../src/tencent-scf.js';

const LAYER_PATH = '/2018-10-31/layers/my-layer/versions/1';
const TENCENT_BODY = JSON.stringify({ LayerName: 'layer3', LayerVersion: 1 });
/** A valid request of each operation: its AWS path, its Tencent body. */
const AWS_PATHS: Record<string, string> = { GetLayerVersion: LAYER_PATH, ListLayerVersions: '/2018-10-31/layers/my-layer/versions' };
const TENCENT_BODIES: Record<string, string> = { GetLayerVersion: TENCENT_BODY, ListLayerVersions: JSON.stringify({ LayerName: 'layer3' }) };

const running: RunningMock[] = [];
async function start(options: Parameters<typeof startMock>[0]): Promise<RunningMock> {
  const mock = await startMock(options);
  running.push(mock);
  return mock;
}
afterAll(async () => {
  await Promise.all(running.map((mock) => mock.close()));
});

function awsGet(mock: RunningMock, headers: Record<string, string> = {}, path = LAYER_PATH) {
  return fetch(mock.url + path, { headers: { ...AWS_HEADERS, ...headers } });
}
function tencentPost(mock: RunningMock, headers: Record<string, string> = {}, body = TENCENT_BODY) {
  return fetch(mock.url, { method: 'POST', headers: { ...TENCENT_HEADERS, ...headers }, body });
}

describe('scenarios', () => {
  let aws: RunningMock;
  let tencent: RunningMock;
  beforeAll(async () => {
    // The examples' own request IDs, so that answers can be compared with the examples whole.
    [aws, tencent] = await Promise.all([start({ provider: 'aws-lambda', fixedRequestIds: true }), start({ provider: 'tencent-scf', fixedRequestIds: true })]);
  });

  it('lists exactly the example names of each spec, and of each of its operations', () => {
    for (const api of ['aws-lambda', 'tencent-scf'] as const) {
      const examples = specExamples(api);
      expect(listScenarioNames(api)).toEqual([...new Set(examples.map((example) => example.name))]);
      for (const operation of new Set(examples.map((example) => example.operation))) {
        expect(listScenarioNames(api, operation)).toEqual(specExamples(api, operation).map((example) => example.name));
      }
    }
    expect(Object.keys(AWS_PATHS).sort()).toEqual([...new Set(specExamples('aws-lambda').map((example) => example.operation))].sort());
    expect(Object.keys(TENCENT_BODIES).sort()).toEqual([...new Set(specExamples('tencent-scf').map((example) => example.operation))].sort());
  });

  for (const example of specExamples('aws-lambda')) {
    it(`AWS: Prefer: example=${example.name} of ${example.operation} answers ${example.status} with the example`, async () => {
      const response = await awsGet(aws, { prefer: `example=${example.name}` }, AWS_PATHS[example.operation]);
      expect(response.status).toBe(example.status);
      expect(await response.json()).toEqual(example.value);
      expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
      expect(response.headers.get('x-amzn-errortype') !== null).toBe(example.status >= 400);
    });
  }

  for (const example of specExamples('tencent-scf')) {
    it(`Tencent: Prefer: example=${example.name} of ${example.operation} answers HTTP 200 with the example`, async () => {
      const response = await tencentPost(tencent, { prefer: `example=${example.name}`, 'x-tc-action': example.operation }, TENCENT_BODIES[example.operation]);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(example.value);
    });
  }

  it('answers with the first 200 example when nothing is preferred', async () => {
    const [first] = specExamples('aws-lambda');
    expect(await (await awsGet(aws)).json()).toEqual(first!.value);
  });

  it('Prefer: code=404 picks the 404 example', async () => {
    const response = await awsGet(aws, { prefer: 'code=404' });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
  });

  it('refuses a Prefer whose example and code disagree, outside any provider shape', async () => {
    const response = await awsGet(aws, { prefer: 'code=500, example=resource-not-found' });
    expect(response.status).toBe(501);
    expect(response.headers.get('x-amzn-errortype')).toBeNull();
    expect(await response.text()).toContain('resource-not-found is a 404 answer');
  });

  it('routes a raw (not percent-encoded) layer ARN and answers 200', async () => {
    const response = await awsGet(aws, {}, '/2018-10-31/layers/arn:aws:lambda:us-west-2:123456789012:layer:my-layer/versions/1');
    expect(response.status).toBe(200);
  });

  it('routes a percent-encoded layer ARN and answers 200', async () => {
    const arn = encodeURIComponent('arn:aws:lambda:us-west-2:123456789012:layer:my-layer');
    const response = await awsGet(aws, {}, `/2018-10-31/layers/${arn}/versions/1`);
    expect(response.status).toBe(200);
  });
});

describe('startMock options', () => {
  it('serves the scenario option to every request that does not ask for another', async () => {
    const mock = await start({ provider: 'aws-lambda', scenario: 'resource-not-found' });
    const plain = await awsGet(mock);
    expect(plain.status).toBe(404);
    expect(plain.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    const asked = await awsGet(mock, { prefer: 'example=arm64-layer' });
    expect(asked.status).toBe(200);
    expect((await asked.json()).Version).toBe(7);
  });

  it('serves a Tencent error scenario as HTTP 200 in the envelope', async () => {
    const mock = await start({ provider: 'tencent-scf', scenario: 'too-many-requests' });
    const body = await (await tencentPost(mock)).json();
    expect(body.Response.Error.Code).toBe('RequestLimitExceeded');
  });

  it('refuses an unknown scenario at startup and names the valid ones', async () => {
    const failure = await startMock({ provider: 'tencent-scf', scenario: 'no-such-thing' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnknownScenarioError);
    expect((failure as Error).message).toContain('no-such-thing');
    for (const name of listScenarioNames('tencent-scf')) expect((failure as Error).message).toContain(name);
  });

  it('refuses an unknown provider', async () => {
    await expect(startMock({ provider: 'gcp' as never })).rejects.toThrow(/provider must be "aws-lambda" or "tencent-scf"/);
  });

  it('logs one line per request', async () => {
    const lines: string[] = [];
    const mock = await start({ provider: 'aws-lambda', log: (line) => lines.push(line) });
    await awsGet(mock);
    await awsGet(mock, { prefer: 'example=internal-error' });
    expect(lines).toEqual([`aws-lambda GET ${LAYER_PATH} -> 200`, `aws-lambda GET ${LAYER_PATH} -> 500 ServiceException`]);
  });

  it('stops accepting connections after close()', async () => {
    const mock = await startMock({ provider: 'aws-lambda' });
    await mock.close();
    await expect(fetch(mock.url + LAYER_PATH)).rejects.toThrow();
  });
});

describe('dynamic data', () => {
  it('is repeatable for a seed, differs for another seed, and keeps to the schema', async () => {
    const [first, second, other] = await Promise.all([
      start({ provider: 'aws-lambda', dynamic: true }),
      start({ provider: 'aws-lambda', dynamic: true }),
      start({ provider: 'aws-lambda', dynamic: true, seed: 'another seed' }),
    ]);
    const bodies = await Promise.all([awsGet(first), awsGet(first), awsGet(second), awsGet(other)].map(async (response) => (await response).json()));
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect(bodies[3]).not.toEqual(bodies[0]);
    const examples = specExamples('aws-lambda');
    expect(bodies[0]).not.toEqual(examples[0]!.value);
    // Only the properties the spec declares: dynamic data invents no others.
    const allowed = new Set(Object.keys(readBundle('aws-lambda').components.schemas.GetLayerVersionResponse.properties));
    for (const key of Object.keys(bodies[0])) expect(allowed.has(key), key).toBe(true);
  });

  it('gives Tencent a success result, not an error, and the same one each time', async () => {
    const mock = await start({ provider: 'tencent-scf', dynamic: true });
    const [one, two] = await Promise.all([tencentPost(mock), tencentPost(mock)].map(async (response) => (await response).json()));
    expect(one.Response.Error).toBeUndefined();
    expect(typeof one.Response.RequestId).toBe('string');
    // The same data each time; the RequestId is each request's own.
    expect({ ...two.Response, RequestId: '' }).toEqual({ ...one.Response, RequestId: '' });
  });

  it('still answers a named example when a request asks for one', async () => {
    const mock = await start({ provider: 'tencent-scf', dynamic: true });
    const body = await (await tencentPost(mock, { prefer: 'example=layer-deleted' })).json();
    expect(body.Response.Status).toBe('Deleted');
  });
});

describe('verifySignatures', () => {
  const aws = defaultTestCredentials['aws-lambda'];
  const tencent = defaultTestCredentials['tencent-scf'];

  it('lets the AWS SDK through with the test credentials and refuses a wrong secret', async () => {
    const mock = await start({ provider: 'aws-lambda', verifySignatures: true });
    const client = (secretAccessKey: string) =>
      new LambdaClient({ endpoint: mock.url, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: aws.accessKeyId, secretAccessKey } });
    const ok = await client(aws.secretAccessKey).send(new GetLayerVersionCommand({ LayerName: 'my-layer', VersionNumber: 1 }));
    expect(ok.$metadata.httpStatusCode).toBe(200);
    const error = await client('wrong-secret')
      .send(new GetLayerVersionCommand({ LayerName: 'my-layer', VersionNumber: 1 }))
      .catch((caught) => caught);
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it('lets the Tencent SDK through with the test credentials and refuses a wrong secret', async () => {
    const mock = await start({ provider: 'tencent-scf', verifySignatures: true });
    const client = (secretKey: string) =>
      new scf.v20180416.Client({
        credential: { secretId: tencent.secretId, secretKey },
        region: 'ap-guangzhou',
        profile: { httpProfile: { protocol: 'http://', endpoint: new URL(mock.url).host } },
      });
    const ok = await client(tencent.secretKey).GetLayerVersion({ LayerName: 'layer3', LayerVersion: 1 });
    expect(ok.RequestId).toBeTruthy();
    const error = await client('wrong-secret')
      .GetLayerVersion({ LayerName: 'layer3', LayerVersion: 1 })
      .catch((caught) => caught);
    expect(error.code).toBe('AuthFailure.SignatureFailure');
  });

  it('never answers problem+json, even to a request with a garbage Authorization header', async () => {
    const mock = await start({ provider: 'aws-lambda', verifySignatures: true });
    const response = await awsGet(mock, { authorization: 'garbage' });
    const body = await response.json();
    expect(response.status).toBe(403);
    expect(isProblemJson(response.headers.get('content-type'), body)).toBe(false);
  });
});

describe('AWS error names', () => {
  it("answers a scenario with the error name its model gives it (the example's own x-layerspec-error-type)", async () => {
    const { createAdapter } = await import('../src/server.js');
    const { loadSpec } = await import('../src/spec.js');
    const spec = loadSpec('aws-lambda');
    const scenario = spec.model.operations.GetLayerVersion!.scenarios.find((candidate) => candidate.name === 'signature-expired')!;
    (scenario.headers as Record<string, string>)['x-amzn-ErrorType'] = 'ExpiredTokenException';
    expect(createAdapter(spec).renderError({ kind: 'scenario', name: 'signature-expired' }).headers['x-amzn-errortype']).toBe('ExpiredTokenException');
  });
});

describe('serveArchive', () => {
  const sha256 = async (bytes: ArrayBuffer) => Buffer.from(await crypto.subtle.digest('SHA-256', bytes));

  it('AWS: points Location at a real archive whose size and SHA-256 the answer states', async () => {
    const mock = await start({ provider: 'aws-lambda', serveArchive: true });
    const body = await (await awsGet(mock, { prefer: 'example=signed-layer' })).json();
    expect(body.Content.Location.startsWith(`${mock.url}/`)).toBe(true);
    expect(body.LayerArn).toBe(specExamples('aws-lambda').find((example) => example.name === 'signed-layer')!.value.LayerArn);
    const download = await fetch(body.Content.Location);
    expect(download.headers.get('content-type')).toBe('application/zip');
    const bytes = await download.arrayBuffer();
    expect(bytes.byteLength).toBe(body.Content.CodeSize);
    expect((await sha256(bytes)).toString('base64')).toBe(body.Content.CodeSha256);
  });

  it('Tencent: points Location at the archive, with the hex SHA-256', async () => {
    const mock = await start({ provider: 'tencent-scf', serveArchive: true });
    const body = await (await tencentPost(mock)).json();
    const bytes = await (await fetch(body.Response.Location)).arrayBuffer();
    expect((await sha256(bytes)).toString('hex')).toBe(body.Response.CodeSha256);
  });

  it('leaves error answers alone, and is off by default', async () => {
    const withArchive = await start({ provider: 'aws-lambda', serveArchive: true });
    const notFound = await awsGet(withArchive, { prefer: 'example=resource-not-found' });
    expect(await notFound.json()).toEqual(specExamples('aws-lambda').find((example) => example.name === 'resource-not-found')!.value);
    const plain = await start({ provider: 'aws-lambda' });
    const body = await (await awsGet(plain)).json();
    expect(body).toEqual(specExamples('aws-lambda')[0]!.value);
    // Without an archive the path is one of the mock's own that names nothing: its control API's 404.
    const archive = await fetch(`${plain.url}/__layerspec/layer.zip`, { headers: AWS_HEADERS });
    expect(archive.status).toBe(404);
    expect(archive.headers.get('content-type')).not.toContain('zip');
    expect((await archive.json()).endpoints).toContain('GET /__layerspec/requests');
  });
});

describe('option conflicts', () => {
  it('refuses scenario together with dynamic, saying why', async () => {
    await expect(startMock({ provider: 'aws-lambda', scenario: 'python-layer', dynamic: true })).rejects.toThrow(/scenario and dynamic exclude each other/);
  });

  it('lets one request ask for dynamic data on a scenario mock', async () => {
    const mock = await start({ provider: 'aws-lambda', scenario: 'resource-not-found' });
    const response = await awsGet(mock, { prefer: 'dynamic=true' });
    expect(response.status).toBe(200);
    expect(await response.json()).not.toEqual(specExamples('aws-lambda')[0]!.value);
  });
});

describe('Tencent error codes', () => {
  const request = { method: 'GET', url: '/nowhere', headers: {}, body: '' };

  it('answers made-up errors only with codes the spec documents', () => {
    const answer = createTencentScfAdapter(loadSpec('tencent-scf')).renderError({ kind: 'unknown-route', request });
    expect((answer.body as any).Response.Error.Code).toBe('UnsupportedProtocol');
  });

  it('refuses a code the spec no longer documents instead of inventing it', () => {
    const spec = loadSpec('tencent-scf');
    const errors = spec.model.errors as { entries: typeof spec.model.errors.entries };
    errors.entries = errors.entries.filter((entry) => entry.code !== 'UnsupportedProtocol');
    expect(() => createTencentScfAdapter(spec).renderError({ kind: 'unknown-route', request })).toThrow(/documents no error code UnsupportedProtocol/);
  });

  it('refuses to start on a spec without an example it answers with, instead of failing per request', () => {
    const spec = loadSpec('tencent-scf');
    for (const operation of Object.values(spec.model.operations) as unknown as { scenarios: Scenario[] }[]) {
      operation.scenarios = operation.scenarios.filter((scenario) => scenario.name !== 'no-such-version');
    }
    expect(() => createTencentScfAdapter(spec)).toThrow(/has no scenario "no-such-version"/);
  });
});
