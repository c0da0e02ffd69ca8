// startMock(): one Prism instance per provider behind a node:http server that turns every
// answer, including the ones Prism makes up itself, into the provider's shape. Each request runs
// through named stages over one exchange (pipeline/): receive, the mock's own answers, then
// authenticate → inject a fault → route → validate → mock, and finally deliver and record.
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import prismCore from '@stoplight/prism-core';
import prismHttp from '@stoplight/prism-http';
import type { Answer } from './answer.js';
import { withServedArchive } from './archive/index.js';
import { createAwsLambdaAdapter } from './aws-lambda.js';
import { authenticate } from './pipeline/authenticate.js';
import { deliver, rawAnswer } from './pipeline/deliver.js';
import type { MockScenario } from './pipeline/choose-response.js';
import type { Exchange, MockParts, Stage } from './pipeline/exchange.js';
import { injectFault } from './pipeline/inject-fault.js';
import { mock } from './pipeline/mock.js';
import { ownAnswer } from './pipeline/own-answers.js';
import { MAX_BODY_BYTES, listeningUrl, receive } from './pipeline/receive.js';
import { logLine, record } from './pipeline/record.js';
import { route } from './pipeline/route.js';
import { prismConfig, validate } from './pipeline/validate.js';
import type { AdapterOptions, ProviderAdapter } from './provider-adapter.js';
import type { TestCredentials } from './signatures/index.js';
import { type LoadedSpec, PROVIDERS, type Provider, UnknownScenarioError, isProvider, loadSpec, scenarioNames } from './spec.js';
import { CONTROL_PREFIX, type ControlGuardOptions, isLoopback } from './state/control-guard.js';
import { type Fault, type FaultRequest, checkFaultRequest } from './state/faults.js';
import type { FixtureSet } from './state/fixtures.js';
import { type Har, journalToHar } from './state/har.js';
import type { JournalEntry } from './state/journal-entry.js';
import { createMockState } from './state/mock-state.js';
import { createTencentScfAdapter } from './tencent-scf.js';

export interface StartMockOptions {
  provider: Provider;
  /** 0 (the default) picks a free port. */
  port?: number;
  /**
   * Defaults to 127.0.0.1. An address beyond loopback (`0.0.0.0`, a LAN address) exposes the mock
   * to the network, so its control API then asks for the control token.
   */
  host?: string;
  /**
   * The named example every request gets unless it asks for another with `Prefer`: one name for
   * every operation that has that example (the others answer as usual), or a name per operationId.
   */
  scenario?: MockScenario;
  /** Schema-generated data instead of examples, the same for the same seed. */
  dynamic?: boolean;
  /** The seed of dynamic data; defaults to "layerspec". */
  seed?: string;
  /** Recompute each request's SigV4 / TC3 signature and refuse a wrong or stale one. */
  verifySignatures?: boolean;
  /** The test credentials signatures are checked against (defaults are documented in the README). */
  credentials?: TestCredentials;
  /**
   * Serve a small real layer archive on the mock and point the success answers' Location (and
   * size and SHA-256) at it, so a client's verified download runs end to end. Off by default,
   * so that answers are the spec's examples byte for byte.
   */
  serveArchive?: boolean;
  /**
   * Answer with the request ID of the spec's example (`x-amzn-RequestId`, `Response.RequestId`)
   * instead of a new UUID per request, for tests that compare answers byte for byte.
   */
  fixedRequestIds?: boolean;
  /**
   * Layers to serve instead of the spec's examples, in the neutral fields of @layerspec/layers:
   * a fixture set, or the path of a YAML or JSON file holding one. A name or version the set
   * lacks gets the provider's own not-found answer.
   */
  fixtures?: FixtureSet | string;
  /** How many requests the journal keeps, the oldest dropped first; defaults to JOURNAL_LIMIT (1,000). */
  journalLimit?: number;
  /** Receives one line per request; nothing is logged without it. */
  log?: (line: string) => void;
}

export interface RunningMock {
  provider: Provider;
  url: string;
  /** The control API's base URL (`<url>/__layerspec/`). */
  controlUrl: string;
  /** The token the control API asks for when the mock verifies signatures or is bound beyond loopback; undefined otherwise. */
  controlToken: string | undefined;
  /** Replaces the fixtures (a set, or a file to read); throws FixtureError and keeps the old ones when one breaks a rule. */
  setFixtures(fixtures: FixtureSet | string): void;
  /** Empties the fixtures, the journal and the faults. */
  reset(): void;
  /** The journal: every request answered so far, oldest first. */
  requests(): Promise<JournalEntry[]>;
  /** The journal as a HAR 1.2 log. */
  har(): Promise<Har>;
  /** Adds a fault for the next requests; throws a TypeError naming the field a bad fault breaks. */
  fault(fault: FaultRequest): Fault;
  /** Removes every fault. */
  clearFaults(): void;
  close(): Promise<void>;
}

// Prism makes dynamic data with json-schema-faker (the CommonJS build, the same instance Prism
// requires), which by default invents properties a schema does not declare; no provider sends those.
createRequire(import.meta.url)('json-schema-faker').JSONSchemaFaker.option({ fillProperties: false });

/** How each provider shapes its answers: the one part of a provider the model cannot state. */
const ADAPTERS: Record<Provider, (spec: LoadedSpec, options: AdapterOptions) => ProviderAdapter> = {
  'aws-lambda': createAwsLambdaAdapter,
  'tencent-scf': createTencentScfAdapter,
};

export function createAdapter(spec: LoadedSpec, options: AdapterOptions = {}): ProviderAdapter {
  return ADAPTERS[spec.provider](spec, options);
}

export async function startMock(options: StartMockOptions): Promise<RunningMock> {
  if (!isProvider(options.provider)) {
    throw new TypeError(`provider must be ${PROVIDERS.map((provider) => JSON.stringify(provider)).join(' or ')}, got ${JSON.stringify(options.provider)}`);
  }
  const { handler, parts, controlToken } = await buildMock(options);
  const { adapter, state, spec } = parts;
  // Node answers a request without Host with its own bare 400; the handler answers it instead.
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    handler(request, response).catch((error: unknown) => {
      // The handler answers every request itself; this only runs if writing the answer failed.
      options.log?.(`${options.provider} failed to answer: ${(error as Error).message}`);
      response.destroy();
    });
  });
  // Bytes Node's HTTP parser refuses (headers over its 16 KB limit, broken request lines) never
  // reach the handler; Node would answer them with a bare 400 or 431, so they get the provider's
  // parameter error instead, and the connection is closed.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const reason = error.code === 'HPE_HEADER_OVERFLOW' ? 'The request line and headers are larger than 16 KB.' : 'The request is not valid HTTP/1.1.';
    socket.end(rawAnswer(adapter.renderError({ kind: 'bad-request', message: reason })));
    options.log?.(`${options.provider} unparseable request (${error.code ?? error.message})`);
  });
  // Node hands CONNECT to this event (and closes nothing on its own): no provider tunnels, so
  // it is a route the provider does not have, answered in its shape.
  server.on('connect', (incoming: IncomingMessage, socket) => {
    const request = { method: incoming.method ?? 'CONNECT', url: incoming.url ?? '', headers: {}, body: '' };
    socket.end(rawAnswer(adapter.renderError({ kind: 'unknown-route', request })));
    options.log?.(`${options.provider} CONNECT ${incoming.url} -> unknown route`);
  });
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    provider: options.provider,
    url,
    controlUrl: `${url}${CONTROL_PREFIX}`,
    controlToken,
    setFixtures: (fixtures) => void state.setFixtures(fixtures),
    reset: () => state.reset(),
    requests: () => state.journal.entries(),
    har: async () => journalToHar(await state.journal.entries()),
    fault: (fault) => state.faults.add(checkFaultRequest(fault, spec)),
    clearFaults: () => state.faults.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

type MockHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The request handler on its own, for callers that bring their own server. */
export async function createMockHandler(options: StartMockOptions): Promise<MockHandler> {
  return (await buildMock(options)).handler;
}

interface BuiltMock {
  handler: MockHandler;
  parts: MockParts;
  controlToken: string | undefined;
}

/** The stages a provider request runs through once it is read; the first to set an answer ends it. */
const STAGES: readonly Stage[] = [authenticate, injectFault, route, validate, mock];

async function buildMock(options: StartMockOptions): Promise<BuiltMock> {
  if (options.scenario !== undefined && options.dynamic) {
    throw new TypeError('scenario and dynamic exclude each other: a scenario is one fixed example, dynamic data is generated');
  }
  const spec = loadSpec(options.provider);
  const adapter = createAdapter(spec, { fixedRequestIds: options.fixedRequestIds ?? false });
  checkMockScenario(spec, options.scenario);
  if (options.journalLimit !== undefined && !(Number.isInteger(options.journalLimit) && options.journalLimit >= 1)) {
    throw new TypeError(`journalLimit must be a whole number from 1, got ${JSON.stringify(options.journalLimit)}`);
  }
  const state = createMockState(spec, options.journalLimit === undefined ? {} : { journalLimit: options.journalLimit });
  if (options.fixtures !== undefined) state.setFixtures(options.fixtures);
  const { guard, controlToken } = controlGuard(options);
  // Prism dereferences the document in place, so it gets its own copy.
  const operations = await prismHttp.getHttpOperationsFromSpec(structuredClone(spec.prismDocument));
  const prism = prismHttp.createInstance(prismConfig({ dynamic: false }), {
    logger: prismCore.createLogger('layerspec-mock', { level: 'silent' }),
  });
  const parts: MockParts = { options, spec, adapter, state, prism, operations, guard };
  return { handler: (incoming, outgoing) => handle(parts, incoming, outgoing), parts, controlToken };
}

/** The mock's scenario names an example some operation has (each named operation, its own); UnknownScenarioError otherwise. */
function checkMockScenario(spec: LoadedSpec, scenario: MockScenario | undefined): void {
  if (scenario === undefined) return;
  if (typeof scenario === 'string') {
    if (!scenarioNames(spec.model).includes(scenario)) throw new UnknownScenarioError(spec.provider, scenario, scenarioNames(spec.model));
    return;
  }
  if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario)) {
    throw new TypeError('scenario must be a scenario name, or an object of scenario names by operationId');
  }
  for (const [id, name] of Object.entries(scenario)) {
    const operation = Object.hasOwn(spec.model.operations, id) ? spec.model.operations[id] : undefined;
    if (!operation) throw new TypeError(`scenario.${id} names no operation of ${spec.provider}; its operations are ${Object.keys(spec.model.operations).join(', ')}`);
    if (typeof name !== 'string' || !operation.scenarios.some((candidate) => candidate.name === name)) {
      throw new UnknownScenarioError(spec.provider, String(name), scenarioNames(spec.model, operation));
    }
  }
}

/**
 * Who may call the control API. On loopback without signature checks it needs no token: its
 * Host, Origin and content-type checks keep web pages out, and only this machine reaches it. A
 * mock that checks signatures, or that the network can reach, asks for a token of its own.
 */
function controlGuard(options: StartMockOptions): { guard: ControlGuardOptions; controlToken: string | undefined } {
  const boundHost = options.host ?? '127.0.0.1';
  const exposed = !isLoopback(boundHost);
  const controlToken = options.verifySignatures || exposed ? randomBytes(16).toString('hex') : undefined;
  if (controlToken === undefined) return { guard: { boundHost }, controlToken };
  const tokenReason = exposed
    ? `This mock listens on ${boundHost}, beyond this machine, so its control API asks for the mock's control token`
    : "This mock verifies signatures, so its control API asks for the mock's control token";
  return { guard: { boundHost, token: controlToken, tokenReason }, controlToken };
}

/** One request, from the socket to the journal. */
async function handle(parts: MockParts, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const { options, adapter } = parts;
  const startedAt = new Date();
  const received = await receive(incoming);
  if ('tooLarge' in received) {
    // Not recorded: the journal keeps requests it read.
    const answer = adapter.renderError({ kind: 'body-too-large', limitBytes: MAX_BODY_BYTES });
    deliver(outgoing, answer, undefined);
    options.log?.(logLine(options.provider, incoming, answer));
    return;
  }
  const own = ownAnswer(parts, received);
  if (own) return own(outgoing);
  const exchange: Exchange = { incoming, startedAt, origin: listeningUrl(incoming), request: received, signature: { status: 'unsigned' }, rejection: null };
  let answer: Answer;
  try {
    if (received.headers.host === undefined) {
      exchange.answer = adapter.renderError({ kind: 'bad-request', message: 'The request has no Host header, which HTTP/1.1 requires.' });
    }
    for (const stage of STAGES) {
      if (exchange.answer) break;
      await stage(parts, exchange);
    }
    answer = exchange.answer ?? adapter.renderError({ kind: 'internal' });
    const { operation } = exchange;
    if (options.serveArchive && operation && answer.status < 300) answer = { ...answer, body: withServedArchive(operation, answer.body, exchange.origin) };
  } catch (error) {
    options.log?.(`${options.provider} internal error: ${(error as Error).stack ?? String(error)}`);
    answer = adapter.renderError({ kind: 'internal' });
  }
  const delivered = deliver(outgoing, answer, exchange.fault?.effect);
  record(parts, exchange, answer, delivered);
  options.log?.(logLine(options.provider, incoming, answer, exchange.fault?.kind));
}
