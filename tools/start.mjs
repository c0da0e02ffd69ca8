#!/usr/bin/env node
// @ts-check
// `npm start`: after the build, serves both mocks and the docs on 127.0.0.1 and prints their
// URLs; Ctrl-C stops all three. Each port comes from its flag, else its variable, else the
// default its package defines (the mock's DEFAULT_PORTS, the docs server's DEFAULT_PORT).
//   npm start -- [--host H] [--aws-port N] [--tencent-port N] [--docs-port N] [--no-docs] [--quiet]
import { parseArgs } from 'node:util';
import { DEFAULT_PORT as DOCS_PORT } from '@layerspec/docs/server';
import { DEFAULT_PORTS } from '@layerspec/mock/ports';
import { models } from '@layerspec/specs/model';

/** The three servers: what picks each one's port, and what it is called in messages. */
const SERVERS = /** @type {const} */ ({
  aws: { label: `${models['aws-lambda'].provider.name} mock`, flag: 'aws-port', env: 'LAYERSPEC_AWS_PORT', fallback: DEFAULT_PORTS['aws-lambda'] },
  tencent: { label: `${models['tencent-scf'].provider.name} mock`, flag: 'tencent-port', env: 'LAYERSPEC_TENCENT_PORT', fallback: DEFAULT_PORTS['tencent-scf'] },
  docs: { label: 'docs', flag: 'docs-port', env: 'LAYERSPEC_DOCS_PORT', fallback: DOCS_PORT },
});
/** @typedef {keyof typeof SERVERS} ServerKey */
/** @typedef {(typeof SERVERS)[ServerKey]} Server */

const USAGE = `Usage: npm start -- [options]   (or: node tools/start.mjs [options], after npm run build)

Options:
  --host <host>          address to bind (default 127.0.0.1; LAYERSPEC_HOST)
${Object.values(SERVERS)
  .map((s) => `  ${`--${s.flag} <port>`.padEnd(23)}${s.label} (default ${s.fallback}; ${s.env})`)
  .join('\n')}
  --no-docs              serve the mocks only
  --quiet                do not log requests
  -h, --help             show this help

Example: npm start -- --aws-port 5010 --tencent-port 5011 --docs-port 5000`;

/**
 * @param {Server} server
 * @param {string | undefined} fromFlag
 * @param {number} fallback
 */
function port({ flag, env }, fromFlag, fallback) {
  const raw = fromFlag ?? process.env[env];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new Error(`${fromFlag === undefined ? env : `--${flag}`} must be a port number from 0 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

/** @param {string[]} argv */
function readOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: 'string' },
      'aws-port': { type: 'string' },
      'tencent-port': { type: 'string' },
      'docs-port': { type: 'string' },
      'no-docs': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return {
    help: values.help,
    quiet: values.quiet,
    docs: !values['no-docs'],
    host: values.host ?? process.env.LAYERSPEC_HOST ?? '127.0.0.1',
    ports: /** @type {Record<ServerKey, number>} */ (Object.fromEntries(Object.entries(SERVERS).map(([key, s]) => [key, port(s, values[s.flag], s.fallback)]))),
  };
}

/**
 * Why a server did not start; for a taken port, which flag or variable picks another.
 * @param {Server} server
 * @param {number} port
 * @param {unknown} thrown
 */
function startError(server, port, thrown) {
  const error = /** @type {{ code?: unknown, message?: unknown } | null | undefined} */ (thrown);
  if (error?.code === 'EADDRINUSE') {
    return `the ${server.label} did not start: port ${port} is taken. Stop what uses it, or pick another port with --${server.flag} <port> (npm start -- --${server.flag} <port>) or ${server.env}=<port>.`;
  }
  return `the ${server.label} did not start: ${error?.message ?? thrown}`;
}

async function main() {
  let options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`start: ${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { startMock } = await import('@layerspec/mock');
  const log = options.quiet ? undefined : (/** @type {string} */ line) => console.log(`${new Date().toISOString()} ${line}`);
  /** @type {{ url: string, close: () => Promise<unknown> }[]} */
  const running = [];
  const stopAll = () => Promise.allSettled(running.map((server) => server.close()));

  // Both start together; all of them are waited for, so a mock that starts after the other failed
  // is still stopped.
  const mocks = /** @type {const} */ ([
    { key: 'aws', provider: 'aws-lambda' },
    { key: 'tencent', provider: 'tencent-scf' },
  ]);
  const results = await Promise.all(
    mocks.map(({ key, provider }) =>
      startMock({ provider, host: options.host, port: options.ports[key], log }).then(
        (server) => ({ key, server, error: undefined }),
        (/** @type {unknown} */ error) => ({ key, server: undefined, error }),
      ),
    ),
  );
  const started = results.flatMap(({ key, server }) => (server ? [{ key, server }] : []));
  running.push(...started.map(({ server }) => server));
  const failures = results.flatMap(({ key, server, error }) => (server ? [] : [startError(SERVERS[key], options.ports[key], error)]));
  if (failures.length > 0) {
    for (const failure of failures) console.error(`start: ${failure}`);
    await stopAll();
    process.exitCode = 1;
    return;
  }
  const width = Math.max(SERVERS.aws.label.length, SERVERS.tencent.label.length) + 3;
  for (const { key, server } of started) console.log(`${SERVERS[key].label.padEnd(width)}${server.url}`);

  if (options.docs) {
    try {
      const { startDocsServer } = await import('@layerspec/docs/server');
      // The docs forward the console's calls to the mocks; they forward only to 127.0.0.1.
      const mocksForConsole = options.host === '127.0.0.1' ? Object.fromEntries(started.map(({ server }) => [server.provider, server.url])) : undefined;
      const docs = await startDocsServer({ host: options.host, port: options.ports.docs, ...(mocksForConsole ? { mocks: mocksForConsole } : {}) });
      running.push(docs);
      console.log(`${'Docs'.padEnd(width)}${docs.url}`);
    } catch (error) {
      // The mocks are still useful without the docs (e.g. before the docs are built), so they keep running.
      console.error(`start: ${startError(SERVERS.docs, options.ports.docs, error)}`);
    }
  }
  console.log('Press Ctrl-C to stop.');

  const stop = async (/** @type {string} */ signal) => {
    console.log(`\nstart: ${signal}, stopping`);
    await stopAll();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

await main();
