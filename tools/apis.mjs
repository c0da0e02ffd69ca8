// @ts-check
// Reads the `apis:` of redocly.yaml: the one place that says where each spec lives
// and where its generated types go.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {Record<string, { root: string, typesOutput: string }>} absolute paths by API name */
export function readApis() {
  const config = parse(readFileSync(resolve(repoRoot, 'redocly.yaml'), 'utf8'));
  /** @type {Record<string, { root: string, typesOutput: string }>} */
  const apis = {};
  for (const [name, api] of Object.entries(/** @type {Record<string, any>} */ (config.apis))) {
    apis[name] = {
      root: resolve(repoRoot, api.root),
      typesOutput: resolve(repoRoot, api['x-openapi-ts'].output),
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
