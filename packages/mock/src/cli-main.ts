// layerspec-mock's logic: starts the AWS Lambda and/or Tencent SCF mock, prints each URL when it is
// ready, logs one line per request and stops cleanly on Ctrl-C.
import { parseArgs } from 'node:util';
import type { RunningMock } from './server.js';
import { loadModel } from './model.js';
import { DEFAULT_PORTS } from './ports.js';
import { PROVIDERS, type Provider, isProvider } from './spec.js';
import { CONTROL_TOKEN_HEADER, isLoopback } from './state/control-guard.js';

const USAGE = `Usage: layerspec-mock [options]

Starts the mocks of every operation of the specs: ${PROVIDERS.map((provider) => `${loadModel(provider).provider.name} (${Object.keys(loadModel(provider).operations).join(', ')}) on 127.0.0.1:${DEFAULT_PORTS[provider]}`).join(' and ')}.

Options:
  --provider <name>      ${PROVIDERS.join(' or ')} (default: all of them)
  --port <n>             port of the one provider's mock (needs --provider; 0 picks a free port)
  --host <host>          address to bind (default 127.0.0.1); beyond loopback the control API asks for a token
  --scenario <name>      named example every request gets unless it sends Prefer (needs --provider)
  --dynamic              schema-generated data instead of examples, repeatable for the same --seed
  --seed <text>          seed of --dynamic data (default "layerspec")
  --verify-signatures    check each request's SigV4 / TC3 signature against the test credentials
  --serve-archive        serve a small real layer archive and point success answers' Location at it
  --fixed-request-ids    answer with the examples' fixed request IDs instead of a new UUID per request
  --fixtures <file>      serve the layers of a YAML or JSON fixture file; any other layer is not found
  --journal-limit <n>    requests the journal keeps, the oldest dropped first (default 1000)
  --quiet                do not log requests
  -h, --help             show this help`;

export function parseCliArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      provider: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      scenario: { type: 'string' },
      dynamic: { type: 'boolean', default: false },
      seed: { type: 'string' },
      'verify-signatures': { type: 'boolean', default: false },
      'serve-archive': { type: 'boolean', default: false },
      'fixed-request-ids': { type: 'boolean', default: false },
      fixtures: { type: 'string' },
      'journal-limit': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.provider !== undefined && !isProvider(values.provider)) {
    throw new Error(`--provider must be one of ${PROVIDERS.join(', ')}, got "${values.provider}"`);
  }
  const providers: Provider[] = values.provider ? [values.provider as Provider] : [...PROVIDERS];
  let port: number | undefined;
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) throw new Error(`--port must be a port number from 0 to 65535, got "${values.port}"`);
    if (!values.provider) throw new Error('--port needs --provider, because the mocks cannot share a port');
    port = Number(values.port);
  }
  let journalLimit: number | undefined;
  if (values['journal-limit'] !== undefined) {
    if (!/^[1-9]\d*$/.test(values['journal-limit'])) throw new Error(`--journal-limit must be a whole number from 1, got "${values['journal-limit']}"`);
    journalLimit = Number(values['journal-limit']);
  }
  if (values.scenario !== undefined && !values.provider) {
    throw new Error('--scenario needs --provider, because scenario names belong to one provider');
  }
  return { ...values, providers, port, journalLimit, fixedRequestIds: values['fixed-request-ids'] };
}

export async function main(argv: string[]): Promise<void> {
  let args: ReturnType<typeof parseCliArgs>;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    console.error(`layerspec-mock: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  // Loaded after the arguments are checked, so --help and usage errors answer at once.
  const { startMock } = await import('./server.js');
  const log = args.quiet ? undefined : (line: string) => console.log(`${new Date().toISOString()} ${line}`);
  const mocks: RunningMock[] = [];
  try {
    for (const provider of args.providers) {
      const mock = await startMock({
        provider,
        host: args.host,
        port: args.port ?? DEFAULT_PORTS[provider],
        dynamic: args.dynamic,
        verifySignatures: args['verify-signatures'],
        serveArchive: args['serve-archive'],
        fixedRequestIds: args.fixedRequestIds,
        ...(args.scenario === undefined ? {} : { scenario: args.scenario }),
        ...(args.seed === undefined ? {} : { seed: args.seed }),
        ...(args.fixtures === undefined ? {} : { fixtures: args.fixtures }),
        ...(args.journalLimit === undefined ? {} : { journalLimit: args.journalLimit }),
        ...(log ? { log } : {}),
      });
      mocks.push(mock);
      console.log(`${provider} mock ready at ${mock.url}`);
      console.log(`${provider} control API at ${mock.controlUrl}${mock.controlToken ? ` (token ${mock.controlToken})` : ''}`);
    }
    if (!isLoopback(args.host)) {
      console.log(
        `layerspec-mock: warning: listening on ${args.host}, so other machines can reach these mocks; each control API asks for its token in the ${CONTROL_TOKEN_HEADER} header.`,
      );
    }
  } catch (error) {
    console.error(`layerspec-mock: ${(error as Error).message}`);
    await Promise.all(mocks.map((mock) => mock.close()));
    process.exitCode = 1;
    return;
  }
  const stop = async (signal: string) => {
    console.log(`layerspec-mock: ${signal}, stopping`);
    await Promise.all(mocks.map((mock) => mock.close()));
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
