#!/usr/bin/env node
// `npm start`: after the build, serves both mocks and the docs on 127.0.0.1 and prints their
// URLs; Ctrl-C stops all three. Ports: flags, else environment, else 4010 / 4011 / 4000.
//   node tools/start.mjs [--host H] [--aws-port N] [--tencent-port N] [--docs-port N] [--no-docs] [--quiet]
//   LAYERSPEC_HOST, LAYERSPEC_AWS_PORT, LAYERSPEC_TENCENT_PORT, LAYERSPEC_DOCS_PORT
import { parseArgs } from 'node:util';

const USAGE = 'Usage: node tools/start.mjs [--host 127.0.0.1] [--aws-port 4010] [--tencent-port 4011] [--docs-port 4000] [--no-docs] [--quiet]';

function port(name, flag, envName, fallback) {
  const raw = flag ?? process.env[envName];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new Error(`${flag === undefined ? envName : `--${name}`} must be a port number from 0 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

function readOptions(argv) {
  const { values } = parseArgs({
    args: argv,
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
    awsPort: port('aws-port', values['aws-port'], 'LAYERSPEC_AWS_PORT', 4010),
    tencentPort: port('tencent-port', values['tencent-port'], 'LAYERSPEC_TENCENT_PORT', 4011),
    docsPort: port('docs-port', values['docs-port'], 'LAYERSPEC_DOCS_PORT', 4000),
  };
}

async function main() {
  let options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`start: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { startMock } = await import('@layerspec/mock');
  const log = options.quiet ? undefined : (line) => console.log(`${new Date().toISOString()} ${line}`);
  const running = [];
  const stopAll = () => Promise.allSettled(running.map((server) => server.close()));

  // Both start together; all of them are waited for, so a mock that starts after the other failed
  // is still stopped.
  const results = await Promise.allSettled([
    startMock({ provider: 'aws-lambda', host: options.host, port: options.awsPort, log }),
    startMock({ provider: 'tencent-scf', host: options.host, port: options.tencentPort, log }),
  ]);
  for (const result of results) if (result.status === 'fulfilled') running.push(result.value);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) {
    console.error(`start: a mock did not start: ${failed.reason?.message ?? failed.reason}`);
    await stopAll();
    process.exitCode = 1;
    return;
  }
  console.log(`AWS Lambda mock    ${running[0].url}`);
  console.log(`Tencent SCF mock   ${running[1].url}`);

  if (options.docs) {
    try {
      const { startDocsServer } = await import('@layerspec/docs/server');
      const docs = await startDocsServer({ host: options.host, port: options.docsPort });
      running.push(docs);
      console.log(`Docs               ${docs.url}`);
    } catch (error) {
      // The mocks are still useful without the docs (e.g. before the docs are built), so they keep running.
      console.error(`start: the docs server did not start: ${error.message}`);
    }
  }
  console.log('Press Ctrl-C to stop.');

  const stop = async (signal) => {
    console.log(`\nstart: ${signal}, stopping`);
    await stopAll();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

await main();
