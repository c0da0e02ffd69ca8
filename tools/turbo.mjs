#!/usr/bin/env node
// @ts-check
// Runs the workspace's turbo with telemetry off and silenceable notices silenced, for
// turbo and every tool it starts, on every platform (npm scripts cannot set environment
// variables portably).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { QUIET_ENV } from './quiet-env.mjs';

const require = createRequire(import.meta.url);
const turboBin = require.resolve('turbo/bin/turbo');
const env = { ...process.env, ...QUIET_ENV };
const child = spawn(process.execPath, [turboBin, ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
