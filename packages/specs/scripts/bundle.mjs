#!/usr/bin/env node
// @ts-check
// Bundles every API of redocly.yaml into dist/<api>.json and dist/<api>.yaml with `redocly bundle`,
// and copies each API's release index (specs/<api>/releases/index.json) to dist/releases/<api>.json.
// Usage: node scripts/bundle.mjs [--out-dir DIR]   (default: this package's dist/)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readApis, repoRoot } from '../../../tools/apis.mjs';
import { restoreInJson, restoreInYaml, roundedIntegers } from './exact-integers.mjs';

const require = createRequire(import.meta.url);
const redocly = resolve(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
const dist = resolve(values['out-dir'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../dist'));

// redocly starts once per file and prints the same notices each time (on Node 20 an end-of-life
// box it offers no switch for), so its stderr is kept and each distinct paragraph printed once.
const notices = new Set();

// Bundle into a staging folder and rename each file over the old one, so a running mock or
// test never finds dist/ empty while another build rewrites it.
const staging = `${dist}.staging-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
for (const [api, { root }] of Object.entries(readApis())) {
  const rounded = roundedIntegers(root);
  for (const ext of ['json', 'yaml']) {
    const output = resolve(staging, `${api}.${ext}`);
    const args = [redocly, 'bundle', api, '--config', resolve(repoRoot, 'redocly.yaml'), '--output', output];
    const result = spawnSync(process.execPath, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', DO_NOT_TRACK: '1' },
    });
    if (result.status !== 0) {
      process.stderr.write(result.stderr ?? '');
      throw new Error(`redocly bundle ${api} --output ${api}.${ext} failed (${result.error?.message ?? `exit ${result.status}`})`);
    }
    for (const paragraph of result.stderr.split(/\n\s*\n/)) if (paragraph.trim()) notices.add(paragraph.trim());
    const text = readFileSync(output, 'utf8');
    writeFileSync(output, ext === 'json' ? restoreInJson(text, rounded) : restoreInYaml(text, rounded));
  }
  // The revisions and their changes, for readers of the package such as the docs' "What changed" pages.
  const releases = resolve(dirname(root), 'releases/index.json');
  if (existsSync(releases)) {
    mkdirSync(resolve(staging, 'releases'), { recursive: true });
    copyFileSync(releases, resolve(staging, 'releases', `${api}.json`));
  }
}
mkdirSync(dist, { recursive: true });
const built = readdirSync(staging);
// Only stale bundles are removed: dist/model/ holds the compiled model (tsc writes it next).
for (const file of readdirSync(dist)) if (/\.(json|yaml)$/.test(file) && !built.includes(file)) rmSync(resolve(dist, file));
// A folder cannot be renamed over a full one: the old releases/ goes first.
rmSync(resolve(dist, 'releases'), { recursive: true, force: true });
for (const file of built) renameSync(resolve(staging, file), resolve(dist, file));
rmSync(staging, { recursive: true, force: true });
for (const notice of notices) process.stderr.write(`${notice}\n\n`);
console.log(`bundled ${Object.keys(readApis()).join(', ')} into ${dist}`);
