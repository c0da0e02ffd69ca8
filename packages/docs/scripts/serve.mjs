#!/usr/bin/env node
// @ts-check
// Serves dist/ alone: node scripts/serve.mjs [--host 127.0.0.1] [--port N] (default: DEFAULT_PORT of src/server.js)
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, startDocsServer } from '../src/server.js';

const { values } = parseArgs({ options: { host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: String(DEFAULT_PORT) } } });
const port = Number(values.port);
if (!/^\d+$/.test(values.port ?? '')) {
  console.error(`--port must be a whole number, got ${values.port}`);
  process.exit(2);
}
const server = await startDocsServer({ host: values.host, port });
console.log(`layerspec docs on ${server.url}`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close().then(() => process.exit(0)));
