// @ts-check
// The canned answers every bench server returns, read from the model of each API (a fact about
// the API lives in a spec or nowhere): the first named success example of GetLayerVersion, with
// each response header's example, at the method and path of the operation.
import { createRequire } from 'node:module';
import { toLayerVersion } from '@layerspec/layers';
import { models } from '@layerspec/specs/model';

const require = createRequire(import.meta.url);

/** @param {'aws-lambda' | 'tencent-scf'} api */
export function specPath(api) {
  return require.resolve(`@layerspec/specs/${api}.json`);
}

/**
 * @typedef {{ status: number, headers: Record<string, string>, body: string }} CannedResponse
 * @typedef {{ method: 'GET' | 'POST', path: string, marker: string, response: CannedResponse }} CannedCall
 */

/**
 * The 200 response of GetLayerVersion built from the spec's first success example, with each response
 * header's example value; `marker` is a string from the body a successful call's result contains.
 * @param {'aws-lambda' | 'tencent-scf'} api
 * @returns {CannedCall}
 */
export function cannedCall(api) {
  const model = models[api];
  const first = model.scenarios.find((scenario) => scenario.status === 200 && scenario.outcome === 'success');
  if (!first) throw new Error(`the ${api} spec has no named success example`);
  /** @type {Record<string, string>} */
  const headers = { 'content-type': 'application/json' };
  for (const output of model.outputs) {
    if (output.in === 'header' && output.example !== undefined) headers[output.name.toLowerCase()] = String(output.example);
  }
  return {
    method: /** @type {'GET' | 'POST'} */ (model.operation.method),
    path: requestPath(model),
    marker: markerOf(model, first.value),
    response: { status: 200, headers, body: JSON.stringify(first.value) },
  };
}

/**
 * The model's operation path with each path parameter filled with its first example.
 * @param {import('@layerspec/specs/model').ApiModel} model
 */
export function requestPath(model) {
  return model.operation.path.replace(/\{([^}]+)\}/g, (_, name) => {
    const input = model.inputs.find((candidate) => candidate.in === 'path' && candidate.name === name);
    const example = input?.examples ? Object.values(input.examples)[0] : undefined;
    if (example === undefined) throw new Error(`the path parameter ${name} has no example in the spec`);
    return encodeURIComponent(String(example));
  });
}

/**
 * A string of the success body that a call's result contains: the layer version ARN where the
 * answer has one, else the layer name, found by the concept the spec gives the field.
 * @param {import('@layerspec/specs/model').ApiModel} model @param {any} body
 */
function markerOf(model, body) {
  for (const concept of ['layer-version-arn', 'layer-name']) {
    const output = model.outputs.find((candidate) => candidate.in === 'body' && candidate.concept === concept);
    if (output) return [...model.result, ...output.path].reduce((at, key) => at?.[key], body);
  }
  throw new Error(`the ${model.api} success answer has no layer-version-arn or layer-name field`);
}

/**
 * A fixture set of one layer, the spec's first success example in neutral fields, named as the
 * bench's requests name it: the mock serves it from fixtures the answer it serves from the example.
 * @param {'aws-lambda' | 'tencent-scf'} api
 */
export function exampleFixtures(api) {
  const model = models[api];
  const first = model.scenarios.find((scenario) => scenario.status === 200 && scenario.outcome === 'success');
  if (!first) throw new Error(`the ${api} spec has no named success example`);
  /** @type {any} */
  const result = model.result.reduce((/** @type {any} */ at, key) => at?.[key], first.value);
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
