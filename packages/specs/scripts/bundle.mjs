#!/usr/bin/env node
// Bundles every API of redocly.yaml into dist/<api>.json and dist/<api>.yaml with `redocly bundle`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readApis, repoRoot } from '../../../tools/apis.mjs';
import { restoreInJson, restoreInYaml, roundedIntegers } from './exact-integers.mjs';

const require = createRequire(import.meta.url);
const redocly = resolve(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist');

// Bundle into a staging folder and rename each file over the old one, so a running mock or
// test never finds dist/ empty while another build rewrites it.
const staging = `${dist}.staging-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
for (const [api, { root }] of Object.entries(readApis())) {
  const rounded = roundedIntegers(root);
  for (const ext of ['json', 'yaml']) {
    const output = resolve(staging, `${api}.${ext}`);
    execFileSync(
      process.execPath,
      [redocly, 'bundle', api, '--config', resolve(repoRoot, 'redocly.yaml'), '--output', output],
      { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, REDOCLY_TELEMETRY: 'off', DO_NOT_TRACK: '1' } },
    );
    const text = readFileSync(output, 'utf8');
    writeFileSync(output, ext === 'json' ? restoreInJson(text, rounded) : restoreInYaml(text, rounded));
  }
}
mkdirSync(dist, { recursive: true });
const built = readdirSync(staging);
for (const file of readdirSync(dist)) if (!built.includes(file)) rmSync(resolve(dist, file));
for (const file of built) renameSync(resolve(staging, file), resolve(dist, file));
rmSync(staging, { recursive: true, force: true });
console.log(`bundled ${Object.keys(readApis()).join(', ')} into ${dist}`);
