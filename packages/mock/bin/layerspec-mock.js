#!/usr/bin/env node
// The layerspec-mock command. This file is committed, not built, so that `npm ci` in a fresh
// clone links it (npm skips a bin whose file does not exist yet); it loads the built CLI.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('layerspec-mock: the mock is not built yet (dist/cli.js is missing): run `npm run build` at the repository root first.');
  process.exit(1);
}
await import(cli.href);
