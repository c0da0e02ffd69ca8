// Test helpers: the shared fake fetch and the bundled spec of this client's API.
import { loadBundledSpec } from '../../client-runtime/testing/fake-fetch.js';

export { drain, fakeFetch, hang, json, until, type Answer } from '../../client-runtime/testing/fake-fetch.js';

export const { spec, deref } = loadBundledSpec('aws-lambda');

export const credentials = { accessKeyId: 'AKIDTESTKEY0000001', secretAccessKey: 'SECRET-do-not-leak-7f3a9c2e1b' };

/** The first success example of the spec. */
export function successExample(): any {
  const ok = spec.paths['/2018-10-31/layers/{LayerName}/versions/{VersionNumber}'].get.responses['200'];
  return deref(Object.values(ok.content['application/json'].examples)[0]).value;
}
