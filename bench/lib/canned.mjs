// @ts-check
// The canned answers every bench server returns, read from the model of each API (a fact about
// the API lives in a spec or nowhere): the first named success example of the operation the bench
// calls (getLayerVersion's), with each response header's example, keyed by API and operation and
// served at the operation's route.
import { createRequire } from 'node:module';
import { mapping, toLayerVersion } from '@layerspec/layers';
import { models } from '@layerspec/specs/model';

const require = createRequire(import.meta.url);

/** @param {'aws-lambda' | 'tencent-scf'} api */
export function specPath(api) {
  return require.resolve(`@layerspec/specs/${api}.json`);
}

/**
 * @typedef {{ status: number, headers: Record<string, string>, body: string }} CannedResponse
 * @typedef {{ method: string, path: string, action?: { header: string, name: string } }} Route
 *   an operation's wire route: its method, its path with `{parameter}` placeholders, and for an
 *   RPC API the header that names the action
 * @typedef {{ key: string, route: Route, method: 'GET' | 'POST', path: string, marker: string, response: CannedResponse }} CannedCall
 *   `key` names the API and the operation, so no two canned answers share one
 * @typedef {{ key: string, route: Route, response: CannedResponse }} CannedAnswer  what the canned server serves for one operation
 */

/**
 * The operation the bench calls on an API: the one getLayerVersion of @layerspec/layers uses,
 * which that package's mapping finds by the concepts of its inputs and outputs.
 * @param {'aws-lambda' | 'tencent-scf'} api
 * @returns {import('@layerspec/specs/model').OperationModel}
 */
export function benchedOperation(api) {
  const id = mapping[api].getLayerVersion;
  const operation = models[api].operations[id];
  if (!operation) throw new Error(`the ${api} model has no operation ${id}`);
  return operation;
}

/**
 * The 200 response of the benched operation built from the spec's first success example, with each
 * response header's example value; `marker` is a string from the body a successful call's result contains.
 * @param {'aws-lambda' | 'tencent-scf'} api
 * @returns {CannedCall}
 */
export function cannedCall(api) {
  const operation = benchedOperation(api);
  const first = operation.scenarios.find((scenario) => scenario.status === 200 && scenario.outcome === 'success');
  if (!first) throw new Error(`the ${api} spec has no named success example of ${operation.id}`);
  /** @type {Record<string, string>} */
  const headers = { 'content-type': 'application/json' };
  for (const output of operation.outputs) {
    if (output.in === 'header' && output.example !== undefined) headers[output.name.toLowerCase()] = String(output.example);
  }
  return {
    key: `${api} ${operation.id}`,
    route: { method: operation.method, path: operation.path, ...(operation.action ? { action: operation.action } : {}) },
    method: /** @type {'GET' | 'POST'} */ (operation.method),
    path: requestPath(operation),
    marker: markerOf(operation, first.value),
    response: { status: 200, headers, body: JSON.stringify(first.value) },
  };
}

/**
 * The operation's wire path with each path parameter filled with its first example.
 * @param {import('@layerspec/specs/model').OperationModel} operation
 */
export function requestPath(operation) {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name) => {
    const input = operation.inputs.find((candidate) => candidate.in === 'path' && candidate.name === name);
    const example = input?.examples ? Object.values(input.examples)[0] : undefined;
    if (example === undefined) throw new Error(`the path parameter ${name} has no example in the spec`);
    return encodeURIComponent(String(example));
  });
}

/**
 * Whether a request is one of a route: the method, the path against the template (a placeholder
 * is one segment), and the action header where the API names its actions in one.
 * @param {Route} route
 * @returns {(method: string, url: string, headers: Record<string, string | string[] | undefined>) => boolean}
 */
export function routeMatcher(route) {
  const escaped = route.path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  const path = new RegExp(`^${escaped.join('[^/]+')}$`);
  const header = route.action?.header.toLowerCase();
  return (method, url, headers) => {
    if (method !== route.method) return false;
    const query = url.indexOf('?');
    if (!path.test(query === -1 ? url : url.slice(0, query))) return false;
    return header === undefined || headers[header] === route.action?.name;
  };
}

/**
 * A string of the success body that a call's result contains: the layer version ARN where the
 * answer has one, else the layer name, found by the concept the spec gives the field.
 * @param {import('@layerspec/specs/model').OperationModel} operation @param {any} body
 */
function markerOf(operation, body) {
  for (const concept of ['layer-version-arn', 'layer-name']) {
    const output = operation.outputs.find((candidate) => candidate.in === 'body' && candidate.concept === concept);
    if (output) return [...operation.result, ...output.path].reduce((at, key) => at?.[key], body);
  }
  throw new Error(`the ${operation.id} success answer has no layer-version-arn or layer-name field`);
}

/**
 * A fixture set of one layer, the spec's first success example in neutral fields, named as the
 * bench's requests name it: the mock serves it from fixtures the answer it serves from the example.
 * @param {'aws-lambda' | 'tencent-scf'} api
 */
export function exampleFixtures(api) {
  const operation = benchedOperation(api);
  const first = operation.scenarios.find((scenario) => scenario.status === 200 && scenario.outcome === 'success');
  if (!first) throw new Error(`the ${api} spec has no named success example of ${operation.id}`);
  /** @type {any} */
  const result = operation.result.reduce((/** @type {any} */ at, key) => at?.[key], first.value);
  const layer = toLayerVersion(api, result);
  const drop = (/** @type {Record<string, unknown>} */ value) => Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
  return {
    layers: [
      drop({
        name: layer.name,
        version: Number(layer.version),
        arn: layer.arn,
        description: layer.description,
        license: layer.license,
        createdAt: layer.createdAt?.toISOString(),
        runtimes: layer.runtimes.map((runtime) => ({ name: runtime.name })),
        architectures: layer.architectures,
        status: layer.status,
        archive: drop({
          location: layer.archive.location,
          size: layer.archive.size === undefined ? undefined : Number(layer.archive.size),
          sha256: layer.archive.sha256?.hex,
        }),
      }),
    ],
  };
}
