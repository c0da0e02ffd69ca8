// @ts-check
// 1. Size: size-limit (the one measurement, packages/client-runtime/testing/bundle-size.mjs) of a
// program that creates a client and calls getLayerVersion once, ours beside the official SDK, for
// the browser and for Node. Ours in the browser is the entry of .size-limit.json, with its budget.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureAll, measureProgram, programOf } from '../../packages/client-runtime/testing/bundle-size.mjs';
import { APIS, providerName } from '../lib/providers.mjs';
import { NOT_BUILT, formatBytes, formatRatio } from '../lib/table.mjs';
import { NotBuiltError, checkBuilt, oneCallProgram, target } from '../lib/targets.mjs';

const PROVIDERS = APIS.map((api) => /** @type {const} */ ([api, providerName(api)]));
const PLATFORMS = /** @type {const} */ (['browser', 'node']);

/**
 * Measures one target's one-call program. Sizes are deterministic, so one build each. Ours in the
 * browser is the program .size-limit.json measures; the others are the bench's own programs.
 * @param {string} id @param {'browser' | 'node'} platform
 */
export async function bundleSize(id, platform) {
  const { module, kind } = target(id);
  if (kind === 'ours' && platform === 'browser') return measureProgram(await programOf(module), platform);
  const dir = await mkdtemp(join(tmpdir(), 'layerspec-size-'));
  try {
    const file = join(dir, `${id.replace('/', '.')}.entry.mjs`);
    await writeFile(file, oneCallProgram(id, 'undefined', 'path'));
    return await measureProgram(file, platform, 'esm'); // the bench's programs use top-level await
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** @param {unknown} error */
function whyNot(error) {
  if (error instanceof NotBuiltError) return NOT_BUILT;
  const first = /** @type {any} */ (error).errors?.[0]?.text ?? /** @type {Error} */ (error).message;
  return `n/a (does not bundle: ${String(first).split('\n')[0]?.slice(0, 90)})`;
}

export async function sizeSection() {
  // The budgets of .size-limit.json, by package name; they apply to ours in the browser.
  /** @type {Map<string, number>} */
  const budgets = new Map();
  try {
    for (const { name, sizeLimit } of await measureAll()) budgets.set(name, sizeLimit);
  } catch {
    // no budget row then: the goals table says "not measured" rather than guessing a limit
  }
  /** @type {string[][]} */
  const rows = [];
  /** @type {any[]} */
  const data = [];
  for (const [provider, providerName] of PROVIDERS) {
    for (const platform of PLATFORMS) {
      /** @type {Record<string, { minified: number, gzipped: number } | { error: string }>} */
      const measured = {};
      for (const kind of /** @type {const} */ (['ours', 'official'])) {
        const id = `${provider}/${kind}`;
        try {
          await checkBuilt(id);
          measured[kind] = await bundleSize(id, platform);
        } catch (error) {
          measured[kind] = { error: whyNot(error) };
        }
      }
      const ours = measured.ours;
      for (const kind of /** @type {const} */ (['ours', 'official'])) {
        const id = `${provider}/${kind}`;
        const size = /** @type {any} */ (measured[kind]);
        const ratio = kind === 'ours' ? (size.gzipped ? '1.00x (ref)' : '-') : size.gzipped && ours && 'gzipped' in ours ? formatRatio(size.gzipped / ours.gzipped) : '-';
        rows.push([`${providerName}, ${platform}: ${target(id).label}`, size.error ?? formatBytes(size.gzipped), size.error ? '-' : formatBytes(size.minified), ratio]);
        const limit = kind === 'ours' && platform === 'browser' ? budgets.get(target(id).module) : undefined;
        data.push({ provider, platform, target: id, ...size, ...(limit ? { limit } : {}) });
      }
    }
  }
  const largest = data
    .filter((entry) => entry.platform === 'browser' && entry.target.endsWith('/ours') && entry.inputs)
    .map(
      (entry) =>
        `${entry.provider}: ${entry.inputs
          .slice(0, 4)
          .map((/** @type {{ file: string, bytes: number }} */ input) => `${input.file} ${(input.bytes / 1024).toFixed(1)} KB`)
          .join(', ')}`,
    );
  return {
    id: 'size',
    title: '1. Size: one-call program, size-limit',
    note: `size-limit (esbuild, minified, gzipped; lazily loaded chunks included) of a program that creates the client and calls getLayerVersion once: the measurement \`npm run size\` and the client size tests use; ours in the browser is the program of .size-limit.json. Sizes are deterministic, so each is built once. Ratio: official / ours (gzipped); higher means ours is smaller. Goals: ours in the browser within its .size-limit.json budget${budgets.size ? ` (${[...budgets].map(([name, limit]) => `${name} ${limit.toLocaleString('en-US')} B`).join(', ')})` : ''} and at least 15x smaller.${largest.length ? ` Largest inputs of ours (minified, before gzip): ${largest.join('; ')}.` : ''}`,
    headers: ['program', 'gzipped', 'minified', 'ratio (official / ours)'],
    rows,
    data,
  };
}
