// Every action of the spec, called by its operationId and by its generated method, against a
// local server (127.0.0.1) on this entry's own transport: POST / with the action's header, the
// body, the signature of Tencent's own SDK, the result, and what is refused before sending.
import { createRequire } from 'node:module';
import { model as scfModel } from '@layerspec/specs/model/tencent-scf';
import { describe, expect, it } from 'vitest';
import { type Fault, type FaultServer, rejectionOf, useFaultServer } from '../../client-runtime/testing/fault-server.js';
import { InvalidInputError, TencentCloudError, createScfClient } from '../src/index.js';
import { credentials } from './helpers.js';

const require = createRequire(import.meta.url);
const Sign = require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js').default;

type Id = keyof typeof scfModel.operations;
/** The spec's first example of an operation's answer with the outcome asked for. */
const example = (id: Id, outcome: 'success' | 'error' = 'success'): any => scfModel.operations[id].scenarios.find((scenario) => scenario.outcome === outcome)!.value;
const ok = (body: unknown): Fault => ({ status: 200, body });

const server = useFaultServer();

const client = () => createScfClient({ region: 'ap-guangzhou', credentials, endpoint: server.url, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
const fail = rejectionOf;

/** The signature the official SDK's signer gives the request as the server received it. */
function sdkSignature(request: FaultServer['requests'][number]): string {
  return Sign.sign3({
    method: request.method,
    url: new URL(request.url, server.url).href,
    payload: JSON.parse(request.body),
    timestamp: Number(request.headers['x-tc-timestamp']),
    service: scfModel.signing.service,
    secretId: credentials.secretId,
    secretKey: credentials.secretKey,
    headers: { 'Content-Type': request.headers['content-type'] },
  });
}

describe('an action by its operationId', () => {
  const inputs = {
    GetLayerVersion: { LayerName: 'layer3', LayerVersion: 1 },
    ListLayerVersions: { LayerName: 'layer3', CompatibleRuntime: ['Nodejs16.13', 'Python3.9'] },
  };
  for (const id of Object.keys(scfModel.operations) as Id[]) {
    it(`calls ${id} by id and by its method: POST / with its action, signed as the SDK signs`, async () => {
      server.script(ok(example(id)));
      const input = inputs[id];
      const method = `${id[0]!.toLowerCase()}${id.slice(1)}` as 'getLayerVersion' | 'listLayerVersions';
      await expect(client().call(id, input as never)).resolves.toEqual(example(id).Response);
      await expect(client()[method](input as never)).resolves.toEqual(example(id).Response);
      expect(server.requests).toHaveLength(2);
      for (const request of server.requests) {
        expect(`${request.method} ${request.url}`).toBe(`${scfModel.operations[id].method} ${scfModel.operations[id].path}`);
        expect(request.headers['x-tc-action']).toBe(scfModel.operations[id].action!.name);
        expect(JSON.parse(request.body)).toEqual(input);
        expect(request.headers.authorization).toBe(sdkSignature(request));
      }
    });
  }

  it("leaves out an optional input, and reads ListLayerVersions' error answers as any action's", async () => {
    server.script(ok(example('ListLayerVersions', 'error')));
    const error = await fail(client().listLayerVersions({ LayerName: 'layer3' }));
    expect(error).toBeInstanceOf(TencentCloudError);
    expect(error).toMatchObject({ code: example('ListLayerVersions', 'error').Response.Error.Code, requestId: example('ListLayerVersions', 'error').Response.RequestId });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ LayerName: 'layer3' });
  });

  it("validates each action's answer against that action's success schema", async () => {
    const validating = createScfClient({ region: 'ap-guangzhou', credentials, endpoint: server.url, validateResponses: true });
    server.script(ok(example('ListLayerVersions')), ok({ Response: { LayerVersions: 'none', RequestId: 'r' } }));
    await expect(validating.listLayerVersions({ LayerName: 'layer3' })).resolves.toEqual(example('ListLayerVersions').Response);
    await expect(validating.listLayerVersions({ LayerName: 'layer3' })).rejects.toThrow(/schema/);
  });

  it('refuses input that breaks the spec, naming the field (an item by its index) and the rule, before sending', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ LayerName: 'layer3', CompatibleRuntime: 'Nodejs16.13' }, 'CompatibleRuntime', /^must be an array$/],
      [{ LayerName: 'layer3', CompatibleRuntime: ['Nodejs16.13', 7] }, 'CompatibleRuntime[1]', /^must be a string/],
      [{ LayerName: '9layer' }, 'LayerName', /^must match the pattern /],
      [{ CompatibleRuntime: [] }, 'LayerName', /^is required$/],
    ];
    for (const [input, field, rule] of cases) {
      const error = await fail(client().listLayerVersions(input as never));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ field });
      expect((error as InvalidInputError).rule).toMatch(rule);
    }
    expect(await fail(client().call('DeleteLayerVersion' as never, {} as never))).toMatchObject({
      field: 'operationId',
      rule: `must be one of ${Object.keys(scfModel.operations)}`,
    });
    expect(server.requests).toHaveLength(0);
  });

  it('has no paginator, as ListLayerVersions has no paging in the spec', () => {
    expect(Object.keys(client()).filter((name) => name.startsWith('paginate'))).toEqual([]);
  });
});
