// The Tencent envelope's `Response` is exactly one of the success result and the error result,
// without a success member that names `Error` (which generated types turn into `Error?: unknown`).
import { describe, expect, it } from 'vitest';
import { loadBundle, resolvePointer } from './bundles.js';
import { createValidator } from './validator.js';

const doc = loadBundle('tencent-scf');
const validator = createValidator('tencent-scf', doc);
const envelope = { $ref: '#/components/schemas/GetLayerVersionEnvelope' };
const accepts = (value: unknown) => validator.validate(envelope, value).length === 0;
const success = resolvePointer(doc, '#/components/examples/LayerActive/value').Response;
const failure = resolvePointer(doc, '#/components/examples/ResourceNotFoundLayerVersion/value').Response;

describe('Tencent envelope Response', () => {
  it('the success result declares no Error member', () => {
    expect(Object.keys(resolvePointer(doc, '#/components/schemas/GetLayerVersionResult/properties'))).not.toContain('Error');
  });

  it('accepts the success result and the error result', () => {
    expect(accepts({ Response: success })).toBe(true);
    expect(accepts({ Response: failure })).toBe(true);
  });

  it('refuses an answer that is both, or neither', () => {
    expect(accepts({ Response: { ...success, Error: failure.Error } })).toBe(false);
    expect(accepts({ Response: { RequestId: success.RequestId } })).toBe(false);
  });
});
