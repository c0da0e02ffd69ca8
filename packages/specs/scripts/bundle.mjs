#!/usr/bin/env node
// Bundles every API of redocly.yaml into dist/<api>.json and dist/<api>.yaml with `redocly bundle`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readApis, repoRoot } from '../../../tools/apis.mjs';

const require = createRequire(import.meta.url);
const redocly = resolve(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist');

// Bundle into a staging folder and rename each file over the old one, so a running mock or
// test never finds dist/ empty while another build rewrites it.
const staging = `${dist}.staging-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
for (const api of Object.keys(readApis())) {
  for (const ext of ['json', 'yaml']) {
    execFileSync(
      process.execPath,
      [redocly, 'bundle', api, '--config', resolve(repoRoot, 'redocly.yaml'), '--output', resolve(staging, `${api}.${ext}`)],
      { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, REDOCLY_TELEMETRY: 'off', DO_NOT_TRACK: '1' } },
    );
  }
}
mkdirSync(dist, { recursive: true });
const built = readdirSync(staging);
// Only stale bundles are removed: dist/model/ holds the compiled model (tsc writes it next).
for (const file of readdirSync(dist)) if (/\.(json|yaml)$/.test(file) && !built.includes(file)) rmSync(resolve(dist, file));
for (const file of built) renameSync(resolve(staging, file), resolve(dist, file));
rmSync(staging, { recursive: true, force: true });
console.log(`bundled ${Object.keys(readApis()).join(', ')} into ${dist}`);
