// @ts-check
// Reads the `apis:` of redocly.yaml: the one place that says where each spec lives
// and where its generated types go.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {string} [root] the repository whose redocly.yaml is read (tests pass a temporary copy)
 * @returns {Record<string, { root: string, typesOutput: string }>} absolute paths by API name
 */
export function readApis(root = repoRoot) {
  const config = parse(readFileSync(resolve(root, 'redocly.yaml'), 'utf8'));
  /** @type {Record<string, { root: string, typesOutput: string }>} */
  const apis = {};
  for (const [name, api] of Object.entries(/** @type {Record<string, any>} */ (config.apis))) {
    apis[name] = {
      root: resolve(root, api.root),
      typesOutput: resolve(root, api['x-openapi-ts'].output),
    };
  }
  return apis;
}

/** @param {string} name an API's name under `apis:` */
export function readApi(name) {
  const api = readApis()[name];
  if (!api) throw new Error(`redocly.yaml has no API named "${name}" under apis:`);
  return api;
}
