// The official Tencent Cloud SDK's answer converts to the same LayerVersion as the layerspec
// client's. The SDK sends real HTTP, so a node:http server on 127.0.0.1 (a free port) answers
// each of the spec's success examples as Tencent would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createScfClient } from '@layerspec/tencent-scf';
import { scf } from 'tencentcloud-sdk-nodejs-scf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLayerVersion } from '../src/index.js';
import { getOperation } from './helpers.js';

const scenarios = getOperation('tencent-scf').scenarios.filter((s) => s.outcome === 'success');
let body: unknown;
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the Tencent Cloud SDK and the layerspec client', () => {
  for (const scenario of scenarios) {
    it(`${scenario.name}: the same LayerVersion but for raw`, async () => {
      body = scenario.value;
      const sdk = await new scf.v20180416.Client({
        credential: { secretId: 'AKIDTESTKEY0000001', secretKey: 'secret' },
        region: 'ap-guangzhou',
        profile: { httpProfile: { endpoint: `127.0.0.1:${port}`, protocol: 'http://' } },
      }).GetLayerVersion({ LayerName: 'utils', LayerVersion: 1 });
      const ours = await createScfClient({
        region: 'ap-guangzhou',
        credentials: { secretId: 'AKIDTESTKEY0000001', secretKey: 'secret' },
        maxAttempts: 1,
        fetch: async () => Response.json(scenario.value),
      }).getLayerVersion({ LayerName: 'utils', LayerVersion: 1 });
      const { raw: sdkRaw, ...fromSdk } = toLayerVersion('tencent-scf', sdk);
      const { raw: ourRaw, ...fromOurs } = toLayerVersion('tencent-scf', ours);
      expect(fromSdk).toEqual(fromOurs);
      expect(sdkRaw).toBe(sdk);
      expect(ourRaw).toBe(ours);
    });
  }
});
