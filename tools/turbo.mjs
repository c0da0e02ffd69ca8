#!/usr/bin/env node
// Runs the workspace's turbo with telemetry off for turbo and every tool it starts,
// on every platform (npm scripts cannot set environment variables portably).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const turboBin = require.resolve('turbo/bin/turbo');
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  REDOCLY_TELEMETRY: 'off',
  NEXT_TELEMETRY_DISABLED: '1',
};
const child = spawn(process.execPath, [turboBin, ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
