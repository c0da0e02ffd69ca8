// The official AWS SDK's answer converts to the same LayerVersion (or, for a list, the same
// LayerVersionSummaries) as the layerspec client's: the SDK is given each of the spec's success
// examples through its request handler (no socket).
import { Readable } from 'node:stream';
import { GetLayerVersionCommand, LambdaClient, ListLayerVersionsCommand } from '@aws-sdk/client-lambda';
import { createLambdaClient } from '@layerspec/aws-lambda';
import { describe, expect, it } from 'vitest';
import { toLayerVersion, toLayerVersionSummaries } from '../src/index.js';
import { listOperation, successExamples } from './helpers.js';

const credentials = { accessKeyId: 'AKIDTESTKEY0000001', secretAccessKey: 'secret' };

function sdkAnswering(body: unknown) {
  return new LambdaClient({
    region: 'us-west-2',
    credentials,
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({
        response: { statusCode: 200, reason: 'OK', headers: { 'content-type': 'application/json' }, body: Readable.from([Buffer.from(JSON.stringify(body))]) },
      }),
    },
  });
}

describe('the AWS SDK and the layerspec client', () => {
  for (const [name, body] of successExamples('aws-lambda')) {
    it(`${name}: the same LayerVersion but for raw`, async () => {
      const sdk = await sdkAnswering(body).send(new GetLayerVersionCommand({ LayerName: 'my-layer', VersionNumber: 1 }));
      const ours = await createLambdaClient({ region: 'us-west-2', credentials, maxAttempts: 1, fetch: async () => Response.json(body) }).getLayerVersion({
        LayerName: 'my-layer',
        VersionNumber: 1,
      });
      const { raw: sdkRaw, ...fromSdk } = toLayerVersion('aws-lambda', sdk);
      const { raw: ourRaw, ...fromOurs } = toLayerVersion('aws-lambda', ours);
      expect(fromSdk).toEqual(fromOurs);
      expect(sdkRaw).toBe(sdk);
      expect(ourRaw).toBe(ours);
    });
  }
});

describe('the AWS SDK and the layerspec client, listing', () => {
  for (const scenario of listOperation('aws-lambda').scenarios.filter((s) => s.outcome === 'success')) {
    it(`${scenario.name}: the same LayerVersionSummaries but for raw`, async () => {
      const sdk = await sdkAnswering(scenario.value).send(new ListLayerVersionsCommand({ LayerName: 'my-layer' }));
      const ours = await createLambdaClient({ region: 'us-west-2', credentials, maxAttempts: 1, fetch: async () => Response.json(scenario.value) }).listLayerVersions({
        LayerName: 'my-layer',
      });
      const strip = (summaries: ReturnType<typeof toLayerVersionSummaries<'aws-lambda'>>) => summaries.map(({ raw: _raw, ...rest }) => rest);
      const fromSdk = toLayerVersionSummaries('aws-lambda', sdk);
      expect(strip(fromSdk)).toEqual(strip(toLayerVersionSummaries('aws-lambda', ours)));
      expect(fromSdk.map((s) => s.raw)).toEqual(sdk.LayerVersions ?? []);
    });
  }
});
