// listLayerVersions and latestLayerVersion through the real clients against node:http servers on
// 127.0.0.1 (free ports) that hold three versions of one layer, answering as each provider does:
// AWS newest first in pages (MaxItems, a Marker it made, NextMarker), an empty list for an unknown
// layer; Tencent in one answer, in no promised order, and ResourceNotFound.Layer for an unknown one.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLambdaClient } from '@layerspec/aws-lambda';
import { createScfClient } from '@layerspec/tencent-scf';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createLayersClient, LayersError, type ListItem, mapping } from '../src/index.js';
import { listOperation } from './helpers.js';

const LAYER = 'node-utils';
const VERSIONS = [1, 2, 3];
const awsItem = (version: number) => ({
  LayerVersionArn: `arn:aws:lambda:eu-central-1:123456789012:layer:${LAYER}:${version}`,
  Version: version,
  Description: `utilities, version ${version}`,
  CreatedDate: `2024-03-0${version}T08:15:00.000+0000`,
  CompatibleRuntimes: ['nodejs20.x'],
  LicenseInfo: 'MIT',
  CompatibleArchitectures: ['arm64'],
});
const tencentItem = (version: number) => ({
  LayerName: LAYER,
  LayerVersion: version,
  CompatibleRuntimes: ['Nodejs16.13'],
  Description: `utilities, version ${version}`,
  LicenseInfo: 'MIT',
  AddTime: `2024-03-0${version} 16:15:00`,
  Status: version === 3 ? 'Publishing' : 'Active',
  Stamp: 'Default',
});

/** What the servers saw: AWS's query strings, Tencent's actions and bodies. */
const seen: { aws: URLSearchParams[]; tencent: { action: string | undefined; body: unknown }[] } = { aws: [], tencent: [] };
/** The most items an AWS page holds here, below the client's MaxItems, so three versions take two pages. */
let awsPageSize = 2;
/** A marker the AWS server hands out and then answers again, to page in a circle. */
let awsCircle = false;

const bodyOf = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

const servers: Server[] = [];
async function listen(handler: (request: IncomingMessage, body: string) => { status: number; body: unknown }): Promise<string> {
  const server = createServer(async (request, response) => {
    const answer = handler(request, await bodyOf(request));
    response
      .writeHead(answer.status, { 'content-type': 'application/json', 'x-amzn-requestid': 'c0ffee00-0000-4000-8000-000000000000' })
      .end(JSON.stringify(answer.body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let awsUrl: string;
let tencentUrl: string;
beforeAll(async () => {
  awsUrl = await listen((request) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    seen.aws.push(url.searchParams);
    const name = decodeURIComponent(url.pathname.split('/')[3] ?? '');
    const all = name === LAYER ? [...VERSIONS].reverse().map(awsItem) : [];
    const start = Number(url.searchParams.get('Marker')?.replace('page-', '') ?? 0);
    const size = Math.min(awsPageSize, Number(url.searchParams.get('MaxItems') ?? 50));
    const end = start + size;
    const next = awsCircle ? 'page-0' : end < all.length ? `page-${end}` : undefined;
    return { status: 200, body: { LayerVersions: all.slice(start, end), ...(next ? { NextMarker: next } : {}) } };
  });
  tencentUrl = await listen((request, body) => {
    const action = request.headers['x-tc-action'];
    const input = JSON.parse(body) as { LayerName?: string };
    seen.tencent.push({ action: typeof action === 'string' ? action : undefined, body: input });
    const RequestId = 'b4c5d6e7-f809-41a2-b394-0f1a2b3c4d5e';
    if (input.LayerName !== LAYER)
      return { status: 200, body: { Response: { Error: { Code: 'ResourceNotFound.Layer', Message: 'The layer does not exist.' }, RequestId } } };
    // Tencent promises no order: oldest, newest, middle.
    return { status: 200, body: { Response: { LayerVersions: [1, 3, 2].map(tencentItem), RequestId } } };
  });
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});
beforeEach(() => {
  seen.aws = [];
  seen.tencent = [];
  awsPageSize = 2;
  awsCircle = false;
});

const layers = (only?: 'aws-lambda' | 'tencent-scf') => {
  const aws = createLambdaClient({
    region: 'eu-central-1',
    endpoint: awsUrl,
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDTESTKEY0000001', secretAccessKey: 'secret' },
  });
  const tencent = createScfClient({ region: 'ap-guangzhou', endpoint: tencentUrl, maxAttempts: 1, credentials: { secretId: 'AKIDTESTKEY0000001', secretKey: 'secret' } });
  return createLayersClient({
    ...(only !== 'tencent-scf' ? { 'aws-lambda': aws } : {}),
    ...(only !== 'aws-lambda' ? { 'tencent-scf': tencent } : {}),
    context: { 'tencent-scf': { region: 'ap-guangzhou' } },
  });
};

describe('listLayerVersions', () => {
  it('aws-lambda: follows every page by its NextMarker and gives the three versions newest first, in neutral fields', async () => {
    const list = await layers().listLayerVersions('aws-lambda', LAYER);
    expect(list.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(seen.aws.map((query) => query.get('Marker'))).toEqual([null, 'page-2']);
    // The biggest page the spec allows, so a long list takes the fewest calls.
    const { paging } = mapping['aws-lambda'].operations[mapping['aws-lambda'].listLayerVersions];
    expect(seen.aws.map((query) => query.get(paging.size))).toEqual([paging.sizeMaximum, paging.sizeMaximum]);
    expect(list[0]).toEqual({
      provider: 'aws-lambda',
      name: LAYER,
      version: 3,
      arn: `arn:aws:lambda:eu-central-1:123456789012:layer:${LAYER}:3`,
      region: 'eu-central-1',
      description: 'utilities, version 3',
      license: 'MIT',
      createdAt: new Date('2024-03-03T08:15:00.000Z'),
      runtimes: [{ name: 'nodejs20.x', language: 'nodejs', version: '20' }],
      architectures: ['arm64'],
      status: 'available',
      raw: awsItem(3),
    });
    expect(list[0]).not.toHaveProperty('archive');
    // `raw` is typed as the client's list item, so its fields need no cast.
    expectTypeOf(list[0]?.raw).toEqualTypeOf<ListItem<'aws-lambda'> | undefined>();
    expectTypeOf<ListItem<'aws-lambda'>>().toHaveProperty('LayerVersionArn');
  });

  it('aws-lambda: one version per page still gives every version', async () => {
    awsPageSize = 1;
    const list = await layers().listLayerVersions('aws-lambda', LAYER);
    expect(list.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(seen.aws).toHaveLength(3);
  });

  it('tencent-scf: one call, the action of the list operation, and the versions newest first whatever order Tencent gives', async () => {
    const list = await layers().listLayerVersions('tencent-scf', LAYER);
    expect(list.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(seen.tencent).toEqual([{ action: listOperation('tencent-scf').action?.name, body: { LayerName: LAYER } }]);
    expect(list[0]).toMatchObject({
      provider: 'tencent-scf',
      name: LAYER,
      version: 3,
      region: 'ap-guangzhou',
      status: 'publishing',
      runtimes: [{ name: 'Nodejs16.13', language: 'nodejs', version: '16.13' }],
      createdAt: new Date('2024-03-03T08:15:00.000Z'),
      raw: tencentItem(3),
    });
    expect(list[0]).not.toHaveProperty('archive');
    expect(list[0]).not.toHaveProperty('arn');
  });

  it('an unknown layer lists as [] on both providers: AWS answers an empty list, Tencent ResourceNotFound.Layer', async () => {
    expect(await layers().listLayerVersions('aws-lambda', 'nothing-here')).toEqual([]);
    expect(await layers().listLayerVersions('tencent-scf', 'nothing-here')).toEqual([]);
    expect(seen.tencent).toHaveLength(1);
  });

  it('rejects a list longer than maxPages, naming the bound, rather than giving it cut short', async () => {
    awsPageSize = 1;
    const error = await layers()
      .listLayerVersions('aws-lambda', LAYER, { maxPages: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LayersError);
    expect(error).toMatchObject({
      provider: 'aws-lambda',
      kind: 'invalid-input',
      message: 'aws-lambda: the list has more than maxPages (2) pages; raise maxPages to list them all',
    });
    expect(seen.aws).toHaveLength(2);
  });

  it('rejects a provider that pages in a circle, after asking for the repeated page once', async () => {
    awsCircle = true;
    const error = await layers()
      .listLayerVersions('aws-lambda', LAYER)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LayersError', kind: 'invalid-response' });
    expect((error as Error).message).toMatch(/page token "page-0" came back a second time/);
    expect(seen.aws.length).toBeLessThanOrEqual(2);
  });

  it("keeps the kind of an input the client refuses, with the client's error as cause, before anything is sent", async () => {
    const error = await layers()
      .listLayerVersions('aws-lambda', 'bad name!')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LayersError', provider: 'aws-lambda', kind: 'invalid-input' });
    expect((error as LayersError).cause).toMatchObject({ kind: 'invalid-input' });
    expect(seen.aws).toHaveLength(0);
  });

  it('says which client it was not given', async () => {
    await expect(layers('aws-lambda').listLayerVersions('tencent-scf', LAYER)).rejects.toThrow('createLayersClient was given no tencent-scf client');
  });
});

describe('latestLayerVersion', () => {
  it('gives the newest version on each provider it has a client for, after listing every page', async () => {
    awsPageSize = 1;
    const latest = await layers().latestLayerVersion(LAYER);
    expect(Object.keys(latest).sort()).toEqual(['aws-lambda', 'tencent-scf']);
    expect(latest['aws-lambda']).toMatchObject({ provider: 'aws-lambda', name: LAYER, version: 3 });
    expect(latest['tencent-scf']).toMatchObject({ provider: 'tencent-scf', name: LAYER, version: 3, status: 'publishing' });
    expect(seen.aws).toHaveLength(3);
  });

  it('gives undefined for a provider where the layer has no version, and asks only the providers it was given', async () => {
    const latest = await layers().latestLayerVersion('nothing-here');
    expect(latest).toEqual({ 'aws-lambda': undefined, 'tencent-scf': undefined });
    expect(await layers('tencent-scf').latestLayerVersion(LAYER)).toEqual({ 'tencent-scf': expect.objectContaining({ version: 3 }) });
    expect(seen.aws).toHaveLength(1);
  });
});
