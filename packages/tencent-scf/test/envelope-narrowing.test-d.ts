// The generated envelope type narrows the way callers write it: the success result declares no
// `Error` member at all, so `'Error' in r` leaves only the error result, and a success member
// such as `'Status' in r` leaves only the success result. (A success member `Error?: X` of any
// type would keep the success result in the `'Error' in r` branch and break the first style.)
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../src/generated/tencent-scf.js';

type Schemas = components['schemas'];
type EnvelopeResponse = Schemas['GetLayerVersionEnvelope']['Response'];
declare const response: EnvelopeResponse;

describe('the generated envelope Response', () => {
  it("narrows to the error result with 'Error' in r", () => {
    if ('Error' in response) {
      expectTypeOf(response.Error.Code).toEqualTypeOf<Schemas['ErrorCode']>();
      expectTypeOf(response).toEqualTypeOf<Schemas['ErrorResult']>();
    } else {
      expectTypeOf(response.LayerVersion).toEqualTypeOf<number>();
      expectTypeOf(response).toEqualTypeOf<Schemas['GetLayerVersionResult']>();
    }
  });

  it("narrows to the success result with a success member ('Status' in r)", () => {
    if ('Status' in response) {
      expectTypeOf(response.Status).toEqualTypeOf<Schemas['LayerVersionStatus']>();
      expectTypeOf(response).not.toHaveProperty('Error');
    } else {
      expectTypeOf(response.Error.Message).toEqualTypeOf<string>();
    }
  });
});
