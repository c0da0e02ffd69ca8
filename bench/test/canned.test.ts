import { describe, expect, it } from 'vitest';
import { cannedCall } from '../lib/canned.mjs';

describe('cannedCall', () => {
  it('answers AWS Lambda with the spec example as JSON and the request id header', () => {
    const call = cannedCall('aws-lambda');
    const body = JSON.parse(call.response.body);
    expect(call.method).toBe('GET');
    expect(body.LayerVersionArn).toBe(call.marker);
    expect(call.response.headers['x-amzn-requestid']).toMatch(/\S/);
  });

  it('answers Tencent SCF with a success envelope, not an error one', () => {
    const call = cannedCall('tencent-scf');
    const body = JSON.parse(call.response.body);
    expect(call.method).toBe('POST');
    expect(body.Response.Error).toBeUndefined();
    expect(body.Response.LayerName).toBe(call.marker);
  });
});
