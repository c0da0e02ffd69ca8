// @ts-check
// Reads specs/<api>/releases/index.json, the list of an API's released spec snapshots (latest last),
// each a bundled JSON spec beside the index.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../apis.mjs';

/**
 * @typedef {import('./diff.mjs').SpecChange} SpecChange
 * @typedef {{ revision: string, date: string, file: string, changes: SpecChange[] }} Release
 * @typedef {{ api: string, releases: Release[] }} ReleaseIndex
 */

/**
 * An API's release index; an empty one where the API has none yet.
 * @param {string} path the index.json file @param {string} api
 * @returns {ReleaseIndex}
 */
export function readReleaseIndex(path, api) {
  if (!existsSync(path)) return { api, releases: [] };
  const index = JSON.parse(readFileSync(path, 'utf8'));
  if (index?.api !== api) throw new Error(`${path}: "api" must be "${api}", not ${JSON.stringify(index?.api)}`);
  if (!Array.isArray(index.releases)) throw new Error(`${path}: "releases" must be an array`);
  return index;
}

/**
 * The latest release snapshot of an API, or undefined when it has none yet.
 * @param {string} api an API's name under `apis:` in redocly.yaml
 * @param {string} [root] the repository root
 * @returns {{ revision: string, date: string, path: string } | undefined}
 */
export function lastRelease(api, root = repoRoot) {
  const folder = join(root, 'specs', api, 'releases');
  const indexPath = join(folder, 'index.json');
  const where = relative(root, indexPath);
  /** @type {any} */
  const index = readReleaseIndex(indexPath, api);
  const last = index.releases.at(-1);
  if (last === undefined) return undefined;
  for (const key of ['revision', 'date', 'file']) {
    if (typeof last[key] !== 'string') throw new Error(`${where}: releases[${index.releases.length - 1}].${key} must be a string`);
  }
  const path = join(folder, last.file);
  if (!existsSync(path)) throw new Error(`${where}: releases[${index.releases.length - 1}].file names ${last.file}, which does not exist`);
  return { revision: last.revision, date: last.date, path };
}
