#!/usr/bin/env node
// @ts-check
// Lints every API of redocly.yaml with `redocly lint`, passing its findings and exit code through.
// On Node 20 redocly prints an end-of-life box at every start and offers no switch for it; the
// build that runs before lint in the same command already printed it once, so it is dropped here.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { repoRoot } from '../../../tools/apis.mjs';

const require = createRequire(import.meta.url);
const redocly = resolve(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const args = [redocly, 'lint', '--config', resolve(repoRoot, 'redocly.yaml'), '--max-problems', '1000', ...process.argv.slice(2)];
const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'] });
let stderr = '';
child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
child.on('close', (code, signal) => {
  const kept = stderr.split(/\n\s*\n/).filter((paragraph) => !paragraph.includes('support is ending'));
  process.stderr.write(`${kept.join('\n\n').trimEnd()}\n`);
  process.exit(code ?? (signal ? 1 : 0));
});
