// The one size measurement: size-limit (esbuild bundle, minified, gzipped) with the repository's
// .size-limit.json, which holds each client's one-call program and its budget. The client size
// tests, the bench and `npm run size` all read it from here, so no figure or limit is written twice.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sizeLimit from 'size-limit';
// @ts-expect-error: the size-limit plugins publish no types
import esbuildPlugin from '@size-limit/esbuild';
// @ts-expect-error: the size-limit plugins publish no types
import filePlugin from '@size-limit/file';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = resolve(root, 'node_modules/size-limit/bin.js');

/**
 * Runs size-limit once over every entry of .size-limit.json.
 * @returns {Promise<{ name: string, size: number, sizeLimit: number, passed: boolean }[]>} gzipped bytes
 */
export async function measureAll() {
  // size-limit exits 1 when an entry is over its limit and still prints the JSON, so read it either way.
  const { stdout } = await promisify(execFile)(process.execPath, [bin, '--json'], { cwd: root }).catch((error) => {
    if (typeof error.stdout === 'string' && error.stdout.trim().startsWith('[')) return error;
    throw error;
  });
  return JSON.parse(stdout);
}

/**
 * The measurement and budget of one package, by its name in .size-limit.json.
 * @param {string} name e.g. '@layerspec/aws-lambda'
 */
export async function measurePackage(name) {
  const found = (await measureAll()).find((entry) => entry.name === name);
  if (!found) throw new Error(`.size-limit.json has no entry named "${name}"`);
  return found;
}

/**
 * The program file .size-limit.json measures for a package, as an absolute path.
 * @param {string} name
 */
export async function programOf(name) {
  /** @type {{ name: string, path: string }[]} */
  const entries = JSON.parse(await readFile(resolve(root, '.size-limit.json'), 'utf8'));
  const found = entries.find((entry) => entry.name === name);
  if (!found) throw new Error(`.size-limit.json has no entry named "${name}"`);
  return resolve(root, found.path);
}

/**
 * The same measurement for any program file, as the bench needs it for the official SDKs and for
 * Node; with the largest inputs (minified bytes, before gzip) to show where the bytes go.
 * size-limit's esbuild bundles as IIFE; a program with top-level await needs format 'esm'.
 * @param {string} file @param {'browser' | 'node'} [platform] @param {'iife' | 'esm'} [format]
 */
export async function measureProgram(file, platform = 'browser', format = 'iife') {
  /** @type {any} */
  const check = { files: [file], gzip: true, modifyEsbuildConfig: (/** @type {Record<string, unknown>} */ config) => ({ ...config, platform, format }) };
  const [result] = /** @type {{ size: number }[]} */ (await sizeLimit([esbuildPlugin, filePlugin], { checks: [check] }));
  const output = /** @type {any} */ (Object.values(check.esbuildMetafile.outputs)[0]);
  const inputs = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ file: path.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, ''), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { gzipped: /** @type {number} */ (result?.size), minified: /** @type {number} */ (output.bytes), inputs };
}

/**
 * The sizes a package's README and the root README state for it ("about N KB gzipped"), in KB,
 * so a test can hold them to the measurement.
 * @param {string} name e.g. '@layerspec/aws-lambda'
 * @returns {Promise<number[]>}
 */
export async function statedSizes(name) {
  const packageReadme = await readFile(resolve(root, 'packages', name.split('/')[1] ?? '', 'README.md'), 'utf8');
  const rootLine = (await readFile(resolve(root, 'README.md'), 'utf8')).split('\n').find((line) => line.startsWith(`| [\`${name}\`]`)) ?? '';
  return [packageReadme, rootLine].flatMap((text) => [...text.matchAll(/about (\d+(?:\.\d+)?) KB gzipped/gi)].map((match) => Number(match[1])));
}
