// The published bundles work with a client that another generator makes from them
// (openapi-fetch over openapi-typescript's paths): every operation reaches the provider's wire
// route. For Tencent that is `POST /` named by `X-TC-Action`, although each action's key in
// `paths` is its pseudo-path `/#<Action>`: a URL's fragment is never sent.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from './bundles.js';

interface Received {
  method: string;
  url: string;
  action: string | undefined;
  body: string;
}

const received: Received[] = [];
let baseUrl: string;
const server = createServer((request: IncomingMessage, response) => {
  let body = '';
  request.on('data', (chunk) => {
    body += chunk;
  });
  request.on('end', () => {
    received.push({ method: request.method!, url: request.url!, action: request.headers['x-tc-action'] as string | undefined, body });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the tencent-scf bundle in other generators', () => {
  const bundle = loadBundle('tencent-scf');
  const actions = Object.keys(bundle.paths);

  it('keys each action by its pseudo-path, which openapi-typescript keeps as a path', async () => {
    expect(actions).toEqual(['/#GetLayerVersion', '/#ListLayerVersions']);
    const types = astToString(await openapiTS(structuredClone(bundle)));
    for (const action of actions) expect(types).toContain(`"${action}": {`);
  });

  it('sends every action as POST / with its action header, through openapi-fetch', async () => {
    const client = createClient<any>({ baseUrl });
    for (const path of actions) {
      const action = path.slice(2);
      received.length = 0;
      const header = { 'X-TC-Action': action, 'X-TC-Version': '2018-04-16', 'X-TC-Timestamp': 1551113065 };
      await client.POST(path, { params: { header }, body: { LayerName: 'layer3' } });
      expect(received).toEqual([{ method: 'POST', url: '/', action, body: '{"LayerName":"layer3"}' }]);
    }
  });
});

describe('the aws-lambda bundle in other generators', () => {
  it('sends ListLayerVersions with its query through openapi-fetch', async () => {
    const client = createClient<any>({ baseUrl });
    received.length = 0;
    await client.GET('/2018-10-31/layers/{LayerName}/versions', { params: { path: { LayerName: 'my-layer' }, query: { MaxItems: 1, CompatibleRuntime: 'python3.12' } } });
    expect(received.map(({ method, url }) => ({ method, url }))).toEqual([
      { method: 'GET', url: '/2018-10-31/layers/my-layer/versions?MaxItems=1&CompatibleRuntime=python3.12' },
    ]);
    expect(Object.keys(loadBundle('aws-lambda').paths)).toContain('/2018-10-31/layers/{LayerName}/versions');
  });
});
