import { describe, expect, it } from 'vitest';
import { models } from '@layerspec/specs/model';
import { benchedOperation, cannedCall, requestPath, routeMatcher } from '../lib/canned.mjs';
import { providerName } from '../lib/providers.mjs';

describe('cannedCall', () => {
  it('answers AWS Lambda with the spec example as JSON and the request id header', () => {
    const call = cannedCall('aws-lambda');
    const body = JSON.parse(call.response.body);
    expect(call.method).toBe('GET');
    expect(body.LayerVersionArn).toBe(call.marker);
    expect(call.response.headers['x-amzn-requestid']).toMatch(/\S/);
    expect(call.path).toBe(`/${models['aws-lambda'].version}/layers/my-layer/versions/1`);
  });

  it('takes the path from the model, so a changed path in the spec reaches the bench', () => {
    const operation = structuredClone(benchedOperation('aws-lambda')) as any;
    operation.path = '/2030-01-01/layers/{LayerName}/versions/{VersionNumber}';
    expect(requestPath(operation)).toBe('/2030-01-01/layers/my-layer/versions/1');
  });

  it('benches the operation getLayerVersion uses, found by its concepts, and keys each answer by API and operation', () => {
    for (const api of ['aws-lambda', 'tencent-scf'] as const) {
      const operation = benchedOperation(api);
      expect(operation.inputs.map((input) => input.concept)).toEqual(expect.arrayContaining(['layer-name', 'layer-version']));
      expect(cannedCall(api).key).toBe(`${api} ${operation.id}`);
    }
    expect(cannedCall('aws-lambda').key).not.toBe(cannedCall('tencent-scf').key);
  });

  it('names each provider as its spec does', () => {
    expect(providerName('tencent-scf')).toBe(models['tencent-scf'].provider.name);
    expect(() => providerName('nowhere')).toThrow(/no API "nowhere"/);
  });

  it('answers Tencent SCF with a success envelope, not an error one', () => {
    const call = cannedCall('tencent-scf');
    const body = JSON.parse(call.response.body);
    expect(call.method).toBe('POST');
    expect(body.Response.Error).toBeUndefined();
    expect(body.Response.LayerName).toBe(call.marker);
  });
});

describe('routeMatcher', () => {
  const aws = cannedCall('aws-lambda');
  const tencent = cannedCall('tencent-scf');
  const none = {};

  it("matches a request of the operation's route: method, path template, query ignored", () => {
    const matches = routeMatcher(aws.route);
    expect(matches('GET', aws.path, none)).toBe(true);
    expect(matches('GET', '/2018-10-31/layers/other/versions/7?x=1', none)).toBe(true);
    expect(matches('POST', aws.path, none)).toBe(false);
    expect(matches('GET', `${aws.path}/policy`, none)).toBe(false);
    expect(matches('GET', '/2018-10-31/layers/a/b/versions/1', none)).toBe(false);
  });

  it('tells the actions of an RPC API apart by their header', () => {
    const matches = routeMatcher(tencent.route);
    const header = (tencent.route.action?.header ?? '').toLowerCase();
    expect(matches('POST', '/', { [header]: tencent.route.action?.name })).toBe(true);
    expect(matches('POST', '/', { [header]: 'SomeOtherAction' })).toBe(false);
    expect(matches('POST', '/', none)).toBe(false);
  });

  it("never matches another operation's request, of the same API or the other, so answers cannot collide", () => {
    for (const api of ['aws-lambda', 'tencent-scf'] as const) {
      const benched = routeMatcher(cannedCall(api).route);
      for (const other of Object.values(models[api].operations)) {
        if (other.id === benchedOperation(api).id) continue;
        const path = other.path.replace(/\{[^}]+\}/g, 'x');
        const headers = other.action ? { [other.action.header.toLowerCase()]: other.action.name } : {};
        expect({ op: other.id, matched: benched(other.method, path, headers) }).toEqual({ op: other.id, matched: false });
      }
    }
    expect(routeMatcher(aws.route)('POST', '/', { 'x-tc-action': tencent.route.action?.name })).toBe(false);
    expect(routeMatcher(tencent.route)('GET', aws.path, none)).toBe(false);
  });
});
