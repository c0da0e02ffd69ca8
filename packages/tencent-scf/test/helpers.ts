// Test helpers: the shared fake fetch and the bundled spec of this client's API.
import { model as scfModel } from '@layerspec/specs/model/tencent-scf';
import { loadBundledSpec } from '../../client-runtime/testing/fake-fetch.js';

export { drain, fakeFetch, hang, json, until, type Answer } from '../../client-runtime/testing/fake-fetch.js';

export const { spec, deref } = loadBundledSpec('tencent-scf');

export const credentials = { secretId: 'AKIDTESTSECRETID000001', secretKey: 'SECRET-do-not-leak-7f3a9c2e1b' };

/** The spec's examples of GetLayerVersion's 200 answer: envelopes, success or error. */
export function envelopes(): any[] {
  const ok = spec.paths[scfModel.operations.GetLayerVersion.specPath].post.responses['200'];
  return Object.values<any>(ok.content['application/json'].examples).map((e) => deref(e).value);
}

/** The first success envelope of the spec. */
export function successExample(): any {
  return envelopes().find((e) => !e.Response.Error);
}
