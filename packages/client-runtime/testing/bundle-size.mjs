// The one size measurement: size-limit with the repository's .size-limit.json, which holds each
// client's one-call program and its budget. The client size tests, the bench and `npm run size`
// all read it from here, so no figure or limit is written twice.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = `${root}node_modules/size-limit/bin.js`;

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
