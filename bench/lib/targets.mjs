// @ts-check
// Every client the bench measures, each as `createCall(endpoint)` -> a function that makes one
// GetLayerVersion call and resolves with its result. The size bundles, the cold-start programs
// and the throughput workers all build on these, so each target's code is written once.

import { fileURLToPath } from 'node:url';

/** Thrown when one of our packages does not export its entry point yet. */
export class NotBuiltError extends Error {}

/**
 * @typedef {'aws-lambda' | 'tencent-scf'} Provider
 * @typedef {{ id: string, provider: Provider, kind: 'limit' | 'transport' | 'ours' | 'official', label: string, module: string, factory?: string }} Target
 */

/** @type {Target[]} */
export const TARGETS = [
  { id: 'aws-lambda/raw-fetch', provider: 'aws-lambda', kind: 'transport', label: 'raw fetch, no signing', module: 'node:fetch' },
  { id: 'aws-lambda/raw-http', provider: 'aws-lambda', kind: 'limit', label: 'raw node:http, no signing (limit)', module: 'node:http' },
  { id: 'aws-lambda/ours', provider: 'aws-lambda', kind: 'ours', label: '@layerspec/aws-lambda', module: '@layerspec/aws-lambda', factory: 'createLambdaClient' },
  { id: 'aws-lambda/official', provider: 'aws-lambda', kind: 'official', label: '@aws-sdk/client-lambda', module: '@aws-sdk/client-lambda' },
  { id: 'tencent-scf/raw-fetch', provider: 'tencent-scf', kind: 'transport', label: 'raw fetch, no signing', module: 'node:fetch' },
  { id: 'tencent-scf/raw-http', provider: 'tencent-scf', kind: 'limit', label: 'raw node:http, no signing (limit)', module: 'node:http' },
  { id: 'tencent-scf/ours', provider: 'tencent-scf', kind: 'ours', label: '@layerspec/tencent-scf', module: '@layerspec/tencent-scf', factory: 'createScfClient' },
  { id: 'tencent-scf/official', provider: 'tencent-scf', kind: 'official', label: 'tencentcloud-sdk-nodejs-scf', module: 'tencentcloud-sdk-nodejs-scf' },
];

/** @param {string} id */
export function target(id) {
  const found = TARGETS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`unknown bench target "${id}"; known: ${TARGETS.map((t) => t.id).join(', ')}`);
  return found;
}

/**
 * The file that holds a target's client code, for the size bundles and cold-start programs.
 * @param {string} id
 */
export function targetFile(id) {
  return new URL(`../programs/${id.replace('/', '.')}.mjs`, import.meta.url);
}

/**
 * A program that makes one call and prints its result as JSON: the size bundles' entry and the
 * cold-start program. `endpoint` is a JavaScript expression. Node imports the target by URL,
 * esbuild by file path.
 * @param {string} id @param {string} endpoint @param {'url' | 'path'} [specifier]
 */
export function oneCallProgram(id, endpoint, specifier = 'url') {
  const file = specifier === 'url' ? targetFile(id).href : fileURLToPath(targetFile(id));
  return [
    `import { createCall } from ${JSON.stringify(file)};`,
    `const result = await createCall(${endpoint})();`,
    "console.log(JSON.stringify(result, (key, value) => (typeof value === 'bigint' ? String(value) : value)));",
    '',
  ].join('\n');
}

/**
 * Throws NotBuiltError when the target is one of ours and its package does not export its factory yet.
 * @param {string} id
 */
export async function checkBuilt(id) {
  const { module, factory } = target(id);
  if (factory) await ourExport(module, factory);
}

/**
 * @param {string} id
 * @param {string | undefined} endpoint e.g. http://127.0.0.1:PORT; undefined means the provider's own endpoint
 * @returns {Promise<() => Promise<unknown>>}
 */
export async function createCall(id, endpoint) {
  target(id);
  const program = await import(targetFile(id).href);
  return program.createCall(endpoint);
}

/**
 * Whether our package exports its factory yet (while a package is still being written).
 * @param {string} moduleName @param {string} exportName
 */
export async function ourExport(moduleName, exportName) {
  let loaded;
  try {
    loaded = await import(moduleName);
  } catch (error) {
    throw new NotBuiltError(`${moduleName} cannot be imported: ${/** @type {Error} */ (error).message.split('\n')[0]}`);
  }
  const factory = loaded[exportName];
  if (typeof factory !== 'function') throw new NotBuiltError(`${moduleName} does not export ${exportName}() yet`);
  return factory;
}
