// The canned answers every bench server returns, read from the spec bundles (a fact about the
// API lives in a spec or nowhere): the first 200 example of GetLayerVersion for each provider,
// at the method and path of the model of the API.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { models } from '@layerspec/specs/model';

const require = createRequire(import.meta.url);

/** @param {'aws-lambda' | 'tencent-scf'} api */
export function specPath(api) {
  return require.resolve(`@layerspec/specs/${api}.json`);
}

/** @param {'aws-lambda' | 'tencent-scf'} api */
export function readSpec(api) {
  return JSON.parse(readFileSync(specPath(api), 'utf8'));
}

/** Follows one local `#/...` reference. @param {any} document @param {any} node */
function deref(document, node) {
  if (!node || typeof node.$ref !== 'string') return node;
  return node.$ref
    .slice(2)
    .split('/')
    .reduce((/** @type {any} */ at, /** @type {string} */ key) => at[key.replaceAll('~1', '/').replaceAll('~0', '~')], document);
}

/** @param {any} document */
function getLayerVersionOperation(document) {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(/** @type {object} */ (item))) {
      if (operation && typeof operation === 'object' && operation.operationId === 'GetLayerVersion') return operation;
    }
  }
  throw new Error('spec has no GetLayerVersion operation');
}

/**
 * @typedef {{ status: number, headers: Record<string, string>, body: string }} CannedResponse
 * @typedef {{ method: 'GET' | 'POST', path: string, marker: string, response: CannedResponse }} CannedCall
 */

/**
 * The 200 response of GetLayerVersion built from the spec's first example, with each response
 * header's example value; `marker` is a string from the body a successful call's result contains.
 * @param {'aws-lambda' | 'tencent-scf'} api
 * @returns {CannedCall}
 */
export function cannedCall(api) {
  const document = readSpec(api);
  const operation = getLayerVersionOperation(document);
  const ok = deref(document, operation.responses['200']);
  const media = ok.content['application/json'];
  const firstExample = deref(document, Object.values(media.examples)[0]).value;
  /** @type {Record<string, string>} */
  const headers = { 'content-type': 'application/json' };
  for (const [name, header] of Object.entries(ok.headers ?? {})) {
    const example = deref(document, header).example;
    if (example !== undefined) headers[name.toLowerCase()] = String(example);
  }
  const body = JSON.stringify(firstExample);
  const model = models[api];
  return {
    method: /** @type {'GET' | 'POST'} */ (model.operation.method),
    path: requestPath(model),
    marker: markerOf(model, firstExample),
    response: { status: 200, headers, body },
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
