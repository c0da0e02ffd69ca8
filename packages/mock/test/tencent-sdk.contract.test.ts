// The official Tencent Cloud SDK, unchanged but for its endpoint, against the Tencent SCF mock:
// the Response for every success scenario, an exception with the provider's code for every error.
import { scf } from 'tencentcloud-sdk-nodejs-scf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';
import { specExamples } from './spec-examples.js';

const ScfClient = scf.v20180416.Client;
const examples = specExamples('tencent-scf');
let mock: RunningMock;

beforeAll(async () => {
  // The examples' own RequestIds, so that answers can be compared with the examples whole.
  mock = await startMock({ provider: 'tencent-scf', fixedRequestIds: true });
});
afterAll(async () => {
  await mock.close();
});

/** A client of the mock; `Prefer` goes through the SDK's own header option. */
function clientFor(prefer?: string) {
  return new ScfClient({
    credential: { secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' },
    region: 'ap-guangzhou',
    profile: {
      httpProfile: {
        protocol: 'http://',
        endpoint: new URL(mock.url).host,
        ...(prefer ? { headers: { Prefer: prefer } } : {}),
      },
    },
  });
}

/** The SDK's call of each operation of the spec, with a valid input. */
const CALLS: Record<string, (client: ReturnType<typeof clientFor>) => Promise<unknown>> = {
  GetLayerVersion: (client) => client.GetLayerVersion({ LayerName: 'layer3', LayerVersion: 1 }),
  ListLayerVersions: (client) => client.ListLayerVersions({ LayerName: 'layer3' }),
};

describe('official Tencent Cloud SDK against the Tencent SCF mock', () => {
  it('reads success and error scenarios from the spec', () => {
    expect(examples.some((example) => !example.value.Response.Error)).toBe(true);
    expect(examples.some((example) => example.value.Response.Error)).toBe(true);
  });

  it('has a call of the SDK for every operation of the spec', () => {
    expect(Object.keys(CALLS).sort()).toEqual([...new Set(examples.map((example) => example.operation))].sort());
  });

  for (const example of examples.filter((candidate) => !candidate.value.Response.Error)) {
    it(`gets the Response of the success scenario ${example.name} of ${example.operation}`, async () => {
      const response = await CALLS[example.operation]!(clientFor(`example=${example.name}`));
      expect(response).toEqual(example.value.Response);
    });
  }

  for (const example of examples.filter((candidate) => candidate.value.Response.Error)) {
    it(`throws with code ${example.value.Response.Error.Code} for the error scenario ${example.name} of ${example.operation}`, async () => {
      const error = await CALLS[example.operation]!(clientFor(`example=${example.name}`)).then(
        () => undefined,
        (caught: { code?: string; message: string; requestId: string }) => caught,
      );
      expect(error).toBeDefined();
      expect(error!.code).toBe(example.value.Response.Error.Code);
      expect(error!.message).toBe(example.value.Response.Error.Message);
      expect(error!.requestId).toBe(example.value.Response.RequestId);
    });
  }

  it('answers a LayerName that breaks the rule with InvalidParameterValue naming the field', async () => {
    const error = await clientFor()
      .GetLayerVersion({ LayerName: '9-starts-with-a-digit', LayerVersion: 1 })
      .catch((caught) => caught);
    expect(error.code).toBe('InvalidParameterValue');
    expect(error.message).toContain('`LayerName`');
  });

  it('answers a missing LayerVersion with MissingParameter naming the field', async () => {
    const error = await clientFor()
      .GetLayerVersion({ LayerName: 'layer3' } as never)
      .catch((caught) => caught);
    expect(error.code).toBe('MissingParameter');
    expect(error.message).toContain('`LayerVersion`');
  });
});
