import { describe, expect, it } from 'vitest';
import { models } from '@layerspec/specs/model';
import { cannedCall, requestPath } from '../lib/canned.mjs';
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
    const model = structuredClone(models['aws-lambda']) as any;
    model.operation.path = '/2030-01-01/layers/{LayerName}/versions/{VersionNumber}';
    expect(requestPath(model)).toBe('/2030-01-01/layers/my-layer/versions/1');
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
