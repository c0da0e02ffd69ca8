// Every operation of a spec is served on its own: each request is routed to its operation (AWS by
// method and path, Tencent by its action), and scenarios, Prefer, the mock's scenario, faults and
// the journal belong to that operation; with fixtures, ListLayerVersions answers from the same
// layers as GetLayerVersion, filtered, ordered and paged as each provider does.
import { models } from '@layerspec/specs/model';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningMock, type StartMockOptions, UnknownScenarioError, startMock } from '../src/index.js';
import { LAYER, THREE_VERSIONS } from './three-versions.js';

const AUTH = { authorization: 'x' };
const mocks: RunningMock[] = [];
afterAll(async () => {
  await Promise.all(mocks.map((mock) => mock.close()));
});

async function start(options: StartMockOptions): Promise<RunningMock> {
  const mock = await startMock(options);
  mocks.push(mock);
  return mock;
}

/** A named example of an operation, from the model. */
function example(api: 'aws-lambda' | 'tencent-scf', operationId: string, name: string): any {
  const scenario = models[api].operations[operationId]!.scenarios.find((candidate) => candidate.name === name);
  if (!scenario) throw new Error(`${api} ${operationId} has no example ${name}`);
  return scenario.value;
}

async function awsList(mock: RunningMock, query = '', headers: Record<string, string> = {}, name = LAYER) {
  const response = await fetch(`${mock.url}/2018-10-31/layers/${encodeURIComponent(name)}/versions${query}`, { headers: { ...AUTH, ...headers } });
  return { status: response.status, errorType: response.headers.get('x-amzn-errortype'), body: (await response.json()) as any };
}

async function awsGet(mock: RunningMock, version: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${mock.url}/2018-10-31/layers/${LAYER}/versions/${version}`, { headers: { ...AUTH, ...headers } });
  return { status: response.status, errorType: response.headers.get('x-amzn-errortype'), body: (await response.json()) as any };
}

async function tencentCall(mock: RunningMock, action: string | undefined, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(mock.url, {
    method: 'POST',
    headers: {
      ...AUTH,
      'content-type': 'application/json',
      ...(action === undefined ? {} : { 'x-tc-action': action }),
      'x-tc-version': '2018-04-16',
      'x-tc-timestamp': '1551113065',
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const withoutRequestId = (body: any) => ({ ...body, Response: { ...body.Response, RequestId: undefined } });
const versionsOf = (body: any): number[] => body.LayerVersions.map((item: any) => item.Version);
const tencentVersionsOf = (body: any): number[] => body.Response.LayerVersions.map((item: any) => item.LayerVersion);

describe('routing to operations', () => {
  it('AWS: a method and path reach their operation, each answering its own default example, and the journal names it', async () => {
    const mock = await start({ provider: 'aws-lambda' });
    expect((await awsList(mock)).body).toEqual(example('aws-lambda', 'ListLayerVersions', 'layer-versions'));
    expect((await awsGet(mock, '1')).body).toEqual(example('aws-lambda', 'GetLayerVersion', 'python-layer'));
    const unknown = await fetch(`${mock.url}/2018-10-31/layers/${LAYER}`, { headers: AUTH });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    // A request refused before it is read still names its operation in the journal.
    const unsigned = await fetch(`${mock.url}/2018-10-31/layers/${LAYER}/versions`);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    const entries = await mock.requests();
    expect(entries.map((entry) => entry.operation)).toEqual(['ListLayerVersions', 'GetLayerVersion', undefined, 'ListLayerVersions']);
    const har = await mock.har();
    expect(har.log.entries.map((entry) => entry._layerspec.operation)).toEqual(['ListLayerVersions', 'GetLayerVersion', undefined, 'ListLayerVersions']);
  });

  it('Tencent: the X-TC-Action header picks the action; an unknown one is InvalidAction, a missing one MissingParameter', async () => {
    const mock = await start({ provider: 'tencent-scf', fixedRequestIds: true });
    expect((await tencentCall(mock, 'ListLayerVersions', { LayerName: LAYER })).body).toEqual(example('tencent-scf', 'ListLayerVersions', 'layer-versions'));
    expect((await tencentCall(mock, 'GetLayerVersion', { LayerName: LAYER, LayerVersion: 1 })).body).toEqual(example('tencent-scf', 'GetLayerVersion', 'layer-active'));
    const unknown = await tencentCall(mock, 'ListLayers', { LayerName: LAYER });
    expect(unknown.body.Response.Error).toEqual({ Code: 'InvalidAction', Message: expect.stringContaining('`ListLayers`') });
    const missing = await tencentCall(mock, undefined, { LayerName: LAYER });
    expect(missing.body.Response.Error).toEqual({ Code: 'MissingParameter', Message: expect.stringContaining('`X-TC-Action`') });
    // Each action's own rules: ListLayerVersions takes no LayerVersion, GetLayerVersion needs one.
    expect((await tencentCall(mock, 'ListLayerVersions', { LayerName: LAYER, LayerVersion: 1 })).body.Response.Error.Code).toBe('UnknownParameter');
    expect((await tencentCall(mock, 'GetLayerVersion', { LayerName: LAYER })).body.Response.Error.Code).toBe('MissingParameter');
    const entries = await mock.requests();
    // An unknown or missing action names no operation.
    expect(entries.map((entry) => entry.operation)).toEqual(['ListLayerVersions', 'GetLayerVersion', undefined, undefined, 'ListLayerVersions', 'GetLayerVersion']);
  });
});

describe('scenarios per operation', () => {
  it("Prefer names an example of the request's operation; one of another operation is the mock's 501, naming the operation", async () => {
    const mock = await start({ provider: 'aws-lambda' });
    expect((await awsList(mock, '', { prefer: 'example=first-page' })).body).toEqual(example('aws-lambda', 'ListLayerVersions', 'first-page'));
    const wrong = await fetch(`${mock.url}/2018-10-31/layers/${LAYER}/versions/1`, { headers: { ...AUTH, prefer: 'example=first-page' } });
    expect(wrong.status).toBe(501);
    expect(await wrong.text()).toContain('names no scenario of GetLayerVersion');
  });

  it("the same name is each operation's own example (Tencent: the layer, or the layer version, not found)", async () => {
    const mock = await start({ provider: 'tencent-scf' });
    const prefer = { prefer: 'example=resource-not-found' };
    expect((await tencentCall(mock, 'ListLayerVersions', { LayerName: LAYER }, prefer)).body.Response.Error.Code).toBe('ResourceNotFound.Layer');
    expect((await tencentCall(mock, 'GetLayerVersion', { LayerName: LAYER, LayerVersion: 1 }, prefer)).body.Response.Error.Code).toBe('ResourceNotFound.LayerVersion');
  });

  it("the mock's scenario applies to each operation that has it; the others answer their own default", async () => {
    const mock = await start({ provider: 'aws-lambda', scenario: 'no-versions' });
    expect((await awsList(mock)).body).toEqual(example('aws-lambda', 'ListLayerVersions', 'no-versions'));
    expect((await awsGet(mock, '1')).body).toEqual(example('aws-lambda', 'GetLayerVersion', 'python-layer'));
  });

  it("the mock's scenario may be given per operation, and each name is checked against its operation", async () => {
    const mock = await start({ provider: 'aws-lambda', scenario: { ListLayerVersions: 'first-page', GetLayerVersion: 'arm64-layer' } });
    expect((await awsList(mock)).body).toEqual(example('aws-lambda', 'ListLayerVersions', 'first-page'));
    expect((await awsGet(mock, '1')).body).toEqual(example('aws-lambda', 'GetLayerVersion', 'arm64-layer'));
    await expect(startMock({ provider: 'aws-lambda', scenario: { GetLayerVersion: 'first-page' } })).rejects.toThrow(UnknownScenarioError);
    await expect(startMock({ provider: 'aws-lambda', scenario: { DeleteLayerVersion: 'first-page' } })).rejects.toThrow(
      'scenario.DeleteLayerVersion names no operation of aws-lambda; its operations are GetLayerVersion, ListLayerVersions',
    );
  });
});

describe('faults per operation', () => {
  it("a fault naming an operation takes only its requests; one naming none takes every operation's", async () => {
    const mock = await start({ provider: 'aws-lambda' });
    mock.fault({ kind: 'throttle', operation: 'ListLayerVersions', times: 'all' });
    expect((await awsGet(mock, '1')).status).toBe(200);
    expect((await awsList(mock)).errorType).toBe('TooManyRequestsException');
    mock.clearFaults();
    mock.fault({ kind: 'service-error', times: 2 });
    expect((await awsGet(mock, '1')).errorType).toBe('ServiceException');
    expect((await awsList(mock)).errorType).toBe('ServiceException');
    expect((await awsList(mock)).status).toBe(200);
    const entries = await mock.requests();
    expect(entries.map((entry) => [entry.operation, entry.fault])).toEqual([
      ['GetLayerVersion', undefined],
      ['ListLayerVersions', 'throttle'],
      ['GetLayerVersion', 'service-error'],
      ['ListLayerVersions', 'service-error'],
      ['ListLayerVersions', undefined],
    ]);
  });

  it("a scenario fault answers with its operation's example of that name", async () => {
    const mock = await start({ provider: 'tencent-scf' });
    mock.fault({ kind: 'scenario', scenario: 'resource-not-found', times: 2 });
    expect((await tencentCall(mock, 'ListLayerVersions', { LayerName: LAYER })).body.Response.Error.Code).toBe('ResourceNotFound.Layer');
    expect((await tencentCall(mock, 'GetLayerVersion', { LayerName: LAYER, LayerVersion: 1 })).body.Response.Error.Code).toBe('ResourceNotFound.LayerVersion');
  });

  it('refuses a fault naming an unknown operation, or a scenario its operation lacks, naming the field (JavaScript and the control API)', async () => {
    const mock = await start({ provider: 'aws-lambda' });
    expect(() => mock.fault({ kind: 'throttle', operation: 'DeleteLayerVersion' })).toThrow(/fault\.operation must be an operation of aws-lambda/);
    expect(() => mock.fault({ kind: 'scenario', operation: 'GetLayerVersion', scenario: 'first-page' })).toThrow(
      /fault\.scenario must name a scenario of GetLayerVersion on aws-lambda/,
    );
    const refused = await fetch(`${mock.controlUrl}faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'throttle', operation: 42 }),
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('fault.operation');
    const added = await fetch(`${mock.controlUrl}faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'throttle', operation: 'GetLayerVersion' }),
    });
    expect(added.status).toBe(201);
    expect((await awsList(mock)).status).toBe(200);
    expect((await awsGet(mock, '1')).errorType).toBe('TooManyRequestsException');
  });
});

describe('ListLayerVersions with fixtures of three versions of one layer', () => {
  it('AWS: every version, newest first, as items of the same fixtures GetLayerVersion serves', async () => {
    const mock = await start({ provider: 'aws-lambda', fixtures: THREE_VERSIONS });
    const { status, body } = await awsList(mock);
    expect(status).toBe(200);
    expect(versionsOf(body)).toEqual([3, 2, 1]);
    expect(body.NextMarker).toBeUndefined();
    const got = (await awsGet(mock, '2')).body;
    // Lambda takes the layer's ARN as its name too.
    expect(versionsOf((await awsList(mock, '', {}, got.LayerArn)).body)).toEqual([3, 2, 1]);
    // Each item member is the value GetLayerVersion answers for the same concept.
    expect(body.LayerVersions[1]).toEqual({
      LayerVersionArn: got.LayerVersionArn,
      Version: got.Version,
      Description: got.Description,
      CreatedDate: got.CreatedDate,
      CompatibleRuntimes: got.CompatibleRuntimes,
      LicenseInfo: got.LicenseInfo,
      CompatibleArchitectures: got.CompatibleArchitectures,
    });
  });

  it('AWS: filters by CompatibleRuntime and CompatibleArchitecture, alone and together', async () => {
    const mock = await start({ provider: 'aws-lambda', fixtures: THREE_VERSIONS });
    expect(versionsOf((await awsList(mock, '?CompatibleRuntime=python3.9')).body)).toEqual([3, 1]);
    expect(versionsOf((await awsList(mock, '?CompatibleArchitecture=arm64')).body)).toEqual([3, 2]);
    expect(versionsOf((await awsList(mock, '?CompatibleRuntime=nodejs16.x&CompatibleArchitecture=x86_64')).body)).toEqual([3]);
    expect(versionsOf((await awsList(mock, '?CompatibleRuntime=java21')).body)).toEqual([]);
  });

  it('AWS: MaxItems 1 pages through every version, each NextMarker leading to the next, the last page without one', async () => {
    const mock = await start({ provider: 'aws-lambda', fixtures: THREE_VERSIONS });
    const seen: number[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const { status, body } = await awsList(mock, `?MaxItems=1${marker ? `&Marker=${encodeURIComponent(marker)}` : ''}`);
      expect(status).toBe(200);
      expect(body.LayerVersions).toHaveLength(1);
      seen.push(...versionsOf(body));
      marker = body.NextMarker;
      pages += 1;
    } while (marker !== undefined && pages < 10);
    expect(seen).toEqual([3, 2, 1]);
    expect(pages).toBe(3);
    // Two per page: two pages, and the filters hold across pages.
    const first = (await awsList(mock, '?MaxItems=2')).body;
    expect(versionsOf(first)).toEqual([3, 2]);
    expect(versionsOf((await awsList(mock, `?MaxItems=2&Marker=${first.NextMarker}`)).body)).toEqual([1]);
  });

  it("AWS: a Marker the mock did not give is Lambda's InvalidParameterValueException naming Marker, from the spec's example", async () => {
    const mock = await start({ provider: 'aws-lambda', fixtures: THREE_VERSIONS });
    const other = Buffer.from('other-layer:2').toString('base64url');
    const past = Buffer.from(`${LAYER}:9`).toString('base64url');
    const filtered = (await awsList(mock, '?MaxItems=1&CompatibleArchitecture=x86_64')).body.NextMarker;
    const refusedMarkers = ['garbage', '%%%', other, past];
    for (const marker of refusedMarkers) {
      const { status, errorType, body } = await awsList(mock, `?Marker=${encodeURIComponent(marker)}`);
      expect(status).toBe(400);
      expect(errorType).toBe('InvalidParameterValueException');
      expect(Object.keys(body).sort()).toEqual(Object.keys(example('aws-lambda', 'ListLayerVersions', 'invalid-parameter-value')).sort());
      expect(body.message).toMatch(/^1 validation error detected: Value '.*' at 'marker' failed to satisfy constraint: /);
    }
    // A marker of one filter is not a page of another.
    expect((await awsList(mock, `?Marker=${filtered}&CompatibleArchitecture=arm64`)).status).toBe(400);
    expect(versionsOf((await awsList(mock, `?Marker=${filtered}&CompatibleArchitecture=x86_64`)).body)).toEqual([1]);
  });

  it("AWS: MaxItems outside 1 to 50 is refused by the spec's bounds", async () => {
    const mock = await start({ provider: 'aws-lambda', fixtures: THREE_VERSIONS });
    for (const size of ['0', '51']) {
      const { status, body } = await awsList(mock, `?MaxItems=${size}`);
      expect(status).toBe(400);
      expect(body.message).toContain("at 'maxItems'");
    }
  });

  it("AWS: a layer it does not have is the spec's empty list, as Lambda answers", async () => {
    const mock = await start({ provider: 'aws-lambda', fixtures: THREE_VERSIONS });
    const { status, body } = await awsList(mock, '', {}, 'no-such-layer');
    expect(status).toBe(200);
    expect(body).toEqual(example('aws-lambda', 'ListLayerVersions', 'no-versions'));
  });

  it('Tencent: every version, newest first; CompatibleRuntime keeps those with any of the runtimes', async () => {
    const mock = await start({ provider: 'tencent-scf', fixtures: THREE_VERSIONS });
    const all = (await tencentCall(mock, 'ListLayerVersions', { LayerName: LAYER })).body;
    expect(tencentVersionsOf(all)).toEqual([3, 2, 1]);
    expect(all.Response.RequestId).toEqual(expect.any(String));
    const got = (await tencentCall(mock, 'GetLayerVersion', { LayerName: LAYER, LayerVersion: 1 })).body.Response;
    const stamp = example('tencent-scf', 'ListLayerVersions', 'layer-versions').Response.LayerVersions[0].Stamp;
    expect(all.Response.LayerVersions[2]).toEqual({
      CompatibleRuntimes: got.CompatibleRuntimes,
      AddTime: got.AddTime,
      Description: got.Description,
      LicenseInfo: got.LicenseInfo,
      LayerVersion: 1,
      LayerName: LAYER,
      Status: got.Status,
      Stamp: stamp,
    });
    expect(tencentVersionsOf((await tencentCall(mock, 'ListLayerVersions', { LayerName: LAYER, CompatibleRuntime: ['Python3.9'] })).body)).toEqual([3, 1]);
    expect(tencentVersionsOf((await tencentCall(mock, 'ListLayerVersions', { LayerName: LAYER, CompatibleRuntime: ['Nodejs16.13', 'Python3.9'] })).body)).toEqual([
      3, 2, 1,
    ]);
    expect(tencentVersionsOf((await tencentCall(mock, 'ListLayerVersions', { LayerName: LAYER, CompatibleRuntime: ['Go1'] })).body)).toEqual([]);
  });

  it("Tencent: a layer it does not have is ResourceNotFound.Layer, the spec's example", async () => {
    const mock = await start({ provider: 'tencent-scf', fixtures: THREE_VERSIONS });
    const { status, body } = await tencentCall(mock, 'ListLayerVersions', { LayerName: 'no-such-layer' });
    expect(status).toBe(200);
    expect(withoutRequestId(body)).toEqual(withoutRequestId(example('tencent-scf', 'ListLayerVersions', 'resource-not-found')));
  });

  it('a fault naming a layer takes its list too, and Prefer still reaches the examples', async () => {
    const mock = await start({ provider: 'aws-lambda', fixtures: THREE_VERSIONS });
    mock.fault({ kind: 'throttle', layer: 'another-layer' });
    expect((await awsList(mock)).status).toBe(200);
    mock.fault({ kind: 'throttle', layer: LAYER, operation: 'ListLayerVersions' });
    expect((await awsGet(mock, '1')).status).toBe(200);
    expect((await awsList(mock)).errorType).toBe('TooManyRequestsException');
    expect((await awsList(mock, '', { prefer: 'example=first-page' })).body).toEqual(example('aws-lambda', 'ListLayerVersions', 'first-page'));
  });
});

describe('which operations answer from fixtures', () => {
  it('the operation that reads a version and the one that lists versions do, by their concepts; another operation of a version does not', async () => {
    const { fixtureHandler } = await import('../src/state/fixture-handlers.js');
    for (const api of ['aws-lambda', 'tencent-scf'] as const) {
      const model = models[api];
      expect(fixtureHandler(model, model.operations.GetLayerVersion!)).toBeDefined();
      expect(fixtureHandler(model, model.operations.ListLayerVersions!)).toBeDefined();
      // An operation the project has never seen, of a layer version but not describing it (a policy).
      const get = model.operations.GetLayerVersion!;
      const policy = {
        ...get,
        id: 'GetLayerVersionPolicy',
        outputs: [{ name: 'Policy', in: 'body' as const, path: ['Policy'], required: false, type: 'string' as const }],
      };
      expect(fixtureHandler({ ...model, operations: { ...model.operations, GetLayerVersionPolicy: policy } }, policy)).toBeUndefined();
      // Nor does one whose inputs name no layer.
      expect(fixtureHandler(model, { ...get, id: 'ListLayers', inputs: get.inputs.filter((input) => input.concept !== 'layer-name') })).toBeUndefined();
    }
  });
});
