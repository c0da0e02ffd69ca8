// createLayersClient over the real clients, each answering through a fake fetch with its spec's
// own scenarios: the right input names go out, a LayerVersion comes back, errors keep their kind.
import { createLambdaClient } from '@layerspec/aws-lambda';
import type { models } from '@layerspec/specs/model';
import { createScfClient } from '@layerspec/tencent-scf';
import { describe, expect, it } from 'vitest';
import { createLayersClient, LayersError } from '../src/index.js';
import { getOperation } from './helpers.js';

function scenario(provider: keyof typeof models, name: string) {
  const found = getOperation(provider).scenarios.find((s) => s.name === name);
  if (found === undefined) throw new Error(`the ${provider} spec has no scenario ${name}`);
  return found;
}

/** A fetch that records each request and answers with a scenario. */
function answering(provider: keyof typeof models, name: string) {
  const requests: Request[] = [];
  const { status, headers, value } = scenario(provider, name);
  const fetch = async (request: Request) => {
    requests.push(request);
    return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json', ...headers } });
  };
  return { fetch, requests };
}

const lambda = (fetch: (request: Request) => Promise<Response>) =>
  createLambdaClient({ region: 'us-west-2', credentials: { accessKeyId: 'AKIDTESTKEY0000001', secretAccessKey: 'secret' }, maxAttempts: 1, fetch });
const scf = (fetch: (request: Request) => Promise<Response>) =>
  createScfClient({ region: 'ap-guangzhou', credentials: { secretId: 'AKIDTESTKEY0000001', secretKey: 'secret' }, maxAttempts: 1, fetch });

describe('createLayersClient', () => {
  it('calls the AWS client with its own input names and converts the answer', async () => {
    const { fetch, requests } = answering('aws-lambda', 'python-layer');
    const layers = createLayersClient({ 'aws-lambda': lambda(fetch) });
    const layer = await layers.getLayerVersion({ provider: 'aws-lambda', name: 'my-layer', version: 1 });
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/2018-10-31/layers/my-layer/versions/1');
    expect(layer).toMatchObject({ provider: 'aws-lambda', name: 'my-layer', version: 1, region: 'us-west-2', status: 'available' });
    expect(layer.createdAt?.toISOString()).toBe('2018-11-14T23:03:52.894Z');
  });

  it('calls the Tencent client with its own input names and converts the answer, with the region it is told', async () => {
    const { fetch, requests } = answering('tencent-scf', 'layer-deleting');
    const layers = createLayersClient({ 'tencent-scf': scf(fetch), context: { 'tencent-scf': { region: 'ap-guangzhou' } } });
    const layer = await layers.getLayerVersion({ provider: 'tencent-scf', name: 'utils', version: 4 });
    expect(await requests[0]?.json()).toEqual({ LayerName: 'utils', LayerVersion: 4 });
    expect(layer).toMatchObject({ provider: 'tencent-scf', name: 'utils', version: 4, region: 'ap-guangzhou', status: 'deleting' });
    expect(layer.createdAt?.toISOString()).toBe('2023-01-10T04:00:00.000Z');
  });

  for (const [provider, name] of [
    ['aws-lambda', 'resource-not-found'],
    ['tencent-scf', 'resource-not-found'],
  ] as const) {
    it(`${provider}: a ${name} answer rejects with kind not-found and the client's error as cause`, async () => {
      const { fetch } = answering(provider, name);
      const layers = createLayersClient(provider === 'aws-lambda' ? { 'aws-lambda': lambda(fetch) } : { 'tencent-scf': scf(fetch) });
      const error = await layers.getLayerVersion({ provider, name: 'missing', version: 9 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LayersError);
      expect(error).toMatchObject({ provider, kind: 'not-found' });
      expect((error as LayersError).cause).toMatchObject({ kind: 'not-found', code: scenario(provider, name).errorCode });
    });
  }

  it('sends a bigint version within 2^53 as the number the client takes', async () => {
    const { fetch, requests } = answering('aws-lambda', 'python-layer');
    const layers = createLayersClient({ 'aws-lambda': lambda(fetch) });
    await layers.getLayerVersion({ provider: 'aws-lambda', name: 'my-layer', version: 5n });
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/2018-10-31/layers/my-layer/versions/5');
  });

  it('refuses a version the client cannot send exactly, naming the version, before anything is sent', async () => {
    const { fetch, requests } = answering('tencent-scf', 'layer-active');
    const layers = createLayersClient({ 'tencent-scf': scf(fetch) });
    const error = await layers.getLayerVersion({ provider: 'tencent-scf', name: 'utils', version: 2n ** 60n }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LayersError', provider: 'tencent-scf', kind: 'invalid-input' });
    expect((error as Error).message).toBe('tencent-scf: version 1152921504606846976 is beyond 2^53, and the client takes a JS number, which cannot carry it exactly');
    const fraction = await layers.getLayerVersion({ provider: 'tencent-scf', name: 'utils', version: 1.5 }).catch((e: unknown) => e);
    expect(fraction).toMatchObject({ kind: 'invalid-input', message: 'tencent-scf: version 1.5 is not an integer' });
    expect(requests).toHaveLength(0);
  });

  it('says which client it was not given', async () => {
    const layers = createLayersClient({});
    await expect(layers.getLayerVersion({ provider: 'tencent-scf', name: 'utils', version: 1 })).rejects.toThrow('createLayersClient was given no tencent-scf client');
  });

  it('keeps the kind of an input the client refuses, before anything is sent', async () => {
    const { fetch, requests } = answering('aws-lambda', 'python-layer');
    const layers = createLayersClient({ 'aws-lambda': lambda(fetch) });
    const error = await layers.getLayerVersion({ provider: 'aws-lambda', name: 'bad name!', version: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LayersError', kind: 'invalid-input' });
    expect(requests).toHaveLength(0);
  });
});
