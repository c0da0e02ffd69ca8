// 1. Size: esbuild bundles (minified, then gzipped) of a program that creates a client and calls
// getLayerVersion once, ours beside the official SDK, for the browser and for Node.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { APIS, providerName } from '../lib/providers.mjs';
import { NOT_BUILT, formatBytes, formatRatio } from '../lib/table.mjs';
import { NotBuiltError, checkBuilt, oneCallProgram, target } from '../lib/targets.mjs';

const PROVIDERS = APIS.map((api) => /** @type {const} */ ([api, providerName(api)]));
const PLATFORMS = /** @type {const} */ (['browser', 'node']);

/**
 * Bundles one target's one-call program. Sizes are deterministic, so one build each.
 * @param {string} id @param {'browser' | 'node'} platform
 */
export async function bundleSize(id, platform) {
  const result = await build({
    stdin: { contents: oneCallProgram(id, 'undefined', 'path'), resolveDir: fileURLToPath(new URL('..', import.meta.url)), sourcefile: `${id}.entry.mjs`, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
  });
  const code = /** @type {import('esbuild').OutputFile} */ (result.outputFiles[0]).contents;
  // Where the bytes come from (minified, before gzip), to show what a size budget would have to cut.
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .map(([file, { bytesInOutput }]) => ({ file: file.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, ''), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6);
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, inputs };
}

/** @param {unknown} error */
function whyNot(error) {
  if (error instanceof NotBuiltError) return NOT_BUILT;
  const first = /** @type {any} */ (error).errors?.[0]?.text ?? /** @type {Error} */ (error).message;
  return `n/a (does not bundle: ${String(first).split('\n')[0]?.slice(0, 90)})`;
}

export async function sizeSection() {
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
        data.push({ provider, platform, target: id, ...size });
      }
    }
  }
  const largest = data
    .filter((entry) => entry.platform === 'browser' && entry.target.endsWith('/ours') && entry.inputs)
    .map((entry) => `${entry.provider}: ${entry.inputs.slice(0, 4).map((/** @type {{ file: string, bytes: number }} */ input) => `${input.file} ${(input.bytes / 1024).toFixed(1)} KB`).join(', ')}`);
  return {
    id: 'size',
    title: '1. Size: one-call program, esbuild bundle',
    note: `esbuild 0.28 bundle of a program that creates the client and calls getLayerVersion once (ESM, minified, es2022, no legal comments), gzipped at level 9. Sizes are deterministic, so each is built once. Ratio: official / ours (gzipped); higher means ours is smaller. Goal: ours under 8 KB gzipped and at least 15x smaller.${largest.length ? ` Largest inputs of ours (minified, before gzip): ${largest.join('; ')}.` : ''}`,
    headers: ['program', 'gzipped', 'minified', 'ratio (official / ours)'],
    rows,
    data,
  };
}
