// startMock(): one Prism instance per provider behind a node:http server that turns every
// answer, including the ones Prism makes up itself, into the provider's shape.
import { loadModel, valueAt } from './model.js';
import { type IncomingMessage, STATUS_CODES, type ServerResponse, createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import prismCore from '@stoplight/prism-core';
import prismHttp from '@stoplight/prism-http';
import type { AdapterOptions, Answer, ProviderAdapter, ReceivedRequest, Violation } from './answer.js';
import { isArchiveRequest, layerArchive, withServedArchive } from './archive/index.js';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { createAwsLambdaAdapter } from './aws-lambda.js';
import { parsePrefer } from './prefer.js';
import { type LoadedSpec, PROVIDERS, type Provider, UnknownScenarioError, firstScenarioOfKind, isProvider, loadSpec } from './spec.js';
import { type SignatureRejection, type TestCredentials, verifySignature } from './signatures/index.js';
import { CONTROL_PREFIX, answerControl, isControlRequest } from './state/control.js';
import { type ControlGuardOptions, isLoopback, isOwnHost } from './state/control-guard.js';
import { type FaultEffect, type FaultRequest, type Fault, checkFaultRequest } from './state/faults.js';
import { type FixtureSet, withArchiveOrigin } from './state/fixtures.js';
import { type Har, journalToHar } from './state/har.js';
import type { JournalAnswer, JournalEntry, SignatureCheck } from './state/journal-entry.js';
import { type EntryBuilder, JOURNAL_BODY_LIMIT, type PendingSignatureCheck, redactHeaders, redactTarget } from './state/journal.js';
import { findServed, requestedLayer } from './state/lookup.js';
import { type MockState, createMockState } from './state/mock-state.js';
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
  /** The named example every request gets unless it asks for another with `Prefer`. */
  scenario?: string;
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

/** Requests up to this size are read; Tencent's TC3 limit is 10 MB. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_SEED = 'layerspec';

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
  const { handler, adapter, state, spec, controlToken } = await buildMock(options);
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
    socket.end(rawAnswer(adapter.badRequest(reason)));
    options.log?.(`${options.provider} unparseable request (${error.code ?? error.message})`);
  });
  // Node hands CONNECT to this event (and closes nothing on its own): no provider tunnels, so
  // it is a route the provider does not have, answered in its shape.
  server.on('connect', (incoming: IncomingMessage, socket) => {
    const request = { method: incoming.method ?? 'CONNECT', url: incoming.url ?? '', headers: {}, body: '' };
    socket.end(rawAnswer(adapter.unknownRoute(request)));
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
  adapter: ProviderAdapter;
  state: MockState;
  spec: LoadedSpec;
  controlToken: string | undefined;
}

async function buildMock(options: StartMockOptions): Promise<BuiltMock> {
  if (options.scenario !== undefined && options.dynamic) {
    throw new TypeError('scenario and dynamic exclude each other: a scenario is one fixed example, dynamic data is generated');
  }
  const spec = loadSpec(options.provider);
  const adapter = createAdapter(spec, { fixedRequestIds: options.fixedRequestIds ?? false });
  if (options.scenario !== undefined && !spec.model.scenarios.some((scenario) => scenario.name === options.scenario)) {
    throw new UnknownScenarioError(
      spec.provider,
      options.scenario,
      spec.model.scenarios.map((scenario) => scenario.name),
    );
  }
  if (options.journalLimit !== undefined && !(Number.isInteger(options.journalLimit) && options.journalLimit >= 1)) {
    throw new TypeError(`journalLimit must be a whole number from 1, got ${JSON.stringify(options.journalLimit)}`);
  }
  const state = createMockState(spec, options.journalLimit === undefined ? {} : { journalLimit: options.journalLimit });
  if (options.fixtures !== undefined) state.setFixtures(options.fixtures);
  // On loopback without signature checks the control API needs no token: its Host, Origin and
  // content-type checks keep web pages out, and only this machine reaches it. A mock that checks
  // signatures, or that the network can reach, asks for a token of its own.
  const boundHost = options.host ?? '127.0.0.1';
  const exposed = !isLoopback(boundHost);
  const controlToken = options.verifySignatures || exposed ? randomBytes(16).toString('hex') : undefined;
  const guard: ControlGuardOptions = {
    boundHost,
    ...(controlToken === undefined
      ? {}
      : {
          token: controlToken,
          tokenReason: exposed
            ? `This mock listens on ${boundHost}, beyond this machine, so its control API asks for the mock's control token`
            : "This mock verifies signatures, so its control API asks for the mock's control token",
        }),
  };
  // Prism dereferences the document in place, so it gets its own copy.
  const operations = await prismHttp.getHttpOperationsFromSpec(structuredClone(spec.prismDocument));
  const prism = prismHttp.createInstance(prismConfig({ dynamic: false }), {
    logger: prismCore.createLogger('layerspec-mock', { level: 'silent' }),
  });

  async function answer(request: ReceivedRequest, rejection: SignatureRejection | null, origin: string): Promise<Answer> {
    const unauthenticated = adapter.checkAuthorization(request);
    if (unauthenticated) return unauthenticated;
    if (options.verifySignatures && rejection) return adapter.refuseSignature(rejection);
    const prepared = adapter.readRequest(request);
    if ('answer' in prepared) return prepared.answer;
    const served = state.served();
    /** A request that breaks the spec: the provider's answer, in its fixture-mode form where it has one. */
    const refuse = (violations: Violation[]) => (served && adapter.refuseLayerRequest?.(violations)) || adapter.invalidRequest(violations, request);

    const choice = chooseResponse(spec, request.headers.prefer, options);
    if ('error' in choice) {
      const names = spec.model.scenarios.map((scenario) => `${scenario.name} (${scenario.status})`).join(', ');
      return mockUsageError(`${choice.error}. The scenarios of ${spec.provider} are: ${names}`);
    }

    const [receivedPath = '/', query = ''] = splitUrl(request.url);
    // Prism decodes the path and throws on a malformed escape such as a lone `%`.
    if (!isDecodable(receivedPath)) return adapter.badRequest(`The request path \`${receivedPath}\` is not valid percent-encoding.`);
    // The path as the adapter prepared it: integers Prism cannot hold replaced by stand-ins.
    const path = prepared.path;
    const callPrism = (seed: string) =>
      prism.request(
        {
          method: request.method.toLowerCase() as 'get',
          url: { path, query: queryObject(query) },
          headers: headersForPrism(prepared.headers ?? request.headers, prepared.body),
          body: prepared.body,
        },
        operations,
        prismConfig({ dynamic: choice.dynamic, code: choice.code, exampleKey: choice.scenario, seed }),
      )();
    const seed = options.seed ?? DEFAULT_SEED;
    let result = await callPrism(seed);
    // Tencent's envelope is a oneOf of the result and an error. Dynamic data stands for the
    // result, so a seed whose data falls on the error branch is followed by the next seed in a
    // fixed sequence: still the same answer for the same seed, every time.
    for (let attempt = 1; choice.dynamic && attempt < 50 && isEnvelopeError(spec, result); attempt++) {
      result = await callPrism(`${seed}#${attempt}`);
    }

    if (result._tag === 'Left') {
      const error = result.left as Error & { status?: number; additional?: { validation?: Violation[] } };
      if (/NO_(PATH|METHOD)_MATCHED|NO_SERVER_MATCHED/.test(error.name)) return adapter.unknownRoute(request);
      const violations = [...prepared.violations, ...(error.additional?.validation ?? [])];
      if (violations.length) return refuse(violations);
      if (error.status === 415) {
        return adapter.invalidRequest([{ location: ['header', 'content-type'], code: 'contentType', message: error.message }], request);
      }
      return adapter.badRequest(`The mock could not pick an answer: ${(error as { detail?: string }).detail ?? error.message}`);
    }
    const violations = [
      ...prepared.violations,
      ...result.right.validations.input
        .filter((diagnostic) => diagnostic.severity === 0)
        .map((diagnostic) => ({ location: diagnostic.path ?? [], code: String(diagnostic.code ?? ''), message: diagnostic.message })),
    ];
    if (violations.length > 0) return refuse(violations);
    // With fixtures, a request that names no example answers from them; Prism has still checked it against the spec.
    if (served && !asksForExample(request.headers.prefer)) {
      const layer = findServed(spec.model, served, requestedLayer(spec.model, request));
      if (!layer?.visible) return adapter.renderScenario(firstScenarioOfKind(spec, 'not-found'));
      return adapter.answerResult(withArchiveOrigin(spec.provider, layer, origin));
    }
    const output = result.right.output;
    const mocked = { status: output.statusCode, headers: (output.headers ?? {}) as Record<string, string>, body: output.body };
    return adapter.finish(mocked, choice.dynamic ? undefined : choice.scenario);
  }

  const handler: MockHandler = async (incoming, outgoing) => {
    const startedAt = new Date();
    const request = await receive(incoming);
    const origin = listeningUrl(incoming);
    if (!('tooLarge' in request)) {
      const own = ownAnswer(request);
      if (own) {
        await own(outgoing);
        return;
      }
    }
    let result: Answer;
    let signature: PendingSignatureCheck = { status: 'unsigned' };
    let effect: FaultEffect | undefined;
    let fault: string | undefined;
    try {
      if ('tooLarge' in request) result = adapter.bodyTooLarge(MAX_BODY_BYTES);
      else if (request.headers.host === undefined) result = adapter.badRequest('The request has no Host header, which HTTP/1.1 requires.');
      else {
        let rejection: SignatureRejection | null = null;
        if (!request.headers[spec.model.signing.header.toLowerCase()]) signature = { status: 'unsigned' };
        else if (options.verifySignatures) {
          rejection = await verifySignature(options.provider, request, verifyOptions());
          signature = signatureCheck(rejection);
        } else if (request.body.length <= JOURNAL_BODY_LIMIT) {
          // Checked only if the journal is read, at the time the request arrived.
          signature = deferredSignatureCheck(options.provider, request, verifyOptions(startedAt));
        } else {
          // A large body is not kept until the journal is read: its signature is checked now.
          signature = signatureCheck(await verifySignature(options.provider, request, verifyOptions()));
        }
        const taken = state.faults.take(() => requestedLayer(spec.model, request));
        effect = taken?.effect;
        fault = taken?.fault.kind;
        if (effect?.kind === 'delay') await delay(effect.delayMs);
        result = effect?.kind === 'scenario' ? adapter.renderScenario(effect.scenario) : await answer(request, rejection, origin);
      }
      if (options.serveArchive && result.status < 300) {
        result = { ...result, body: withServedArchive(options.provider, result.body, origin) };
      }
    } catch (error) {
      options.log?.(`${options.provider} internal error: ${(error as Error).stack ?? String(error)}`);
      result = adapter.internalError();
    }
    const delivered = deliver(outgoing, result, effect);
    if (!('tooLarge' in request)) {
      const durationMs = Date.now() - startedAt.getTime();
      // Only what the entry keeps is held until the journal is read: not the request's whole body, not Prism's whole answer.
      const recorded = recordedRequest(request);
      const answer = journalAnswer(delivered, { status: result.status, headers: result.headers, body: undefined });
      const pendingBytes = typeof signature === 'function' ? 2 * request.body.length + (request.bodyBytes?.length ?? 0) : 0;
      state.journal.add(entryBuilder(spec, { recorded, origin, startedAt, durationMs, answer, fault }), signature, recorded.bytes + answerBytes(answer) + pendingBytes);
    }
    options.log?.(logLine(options.provider, incoming, result) + (fault ? ` (fault: ${fault})` : ''));
  };

  function verifyOptions(now?: Date) {
    return { ...(options.credentials ? { credentials: options.credentials } : {}), ...(now ? { now } : {}) };
  }

  /** The mock's own answers, outside the provider's API: the control API and the archives it serves. */
  function ownAnswer(request: ReceivedRequest): ((outgoing: ServerResponse) => Promise<void>) | undefined {
    const path = request.url.split('?')[0] ?? '';
    const download = request.method === 'GET' || request.method === 'HEAD';
    const fixtureArchive = download ? state.served()?.find((layer) => layer.archive?.path === path)?.archive?.bytes : undefined;
    if (fixtureArchive || (options.serveArchive && isArchiveRequest(request.method, request.url))) {
      // Like the providers' presigned download links, an archive needs no Authorization; a page
      // that rebinds its own name to this machine still gets nothing.
      if (!isOwnHost(request.headers.host, boundHost)) return undefined;
      return async (outgoing) => {
        sendArchive(outgoing, request.method, fixtureArchive ?? layerArchive().bytes);
        options.log?.(`${options.provider} ${request.method} ${request.url} -> 200 archive`);
      };
    }
    if (!isControlRequest(request.url)) return undefined;
    return async (outgoing) => {
      const answered = await answerControl(request, { state, spec, guard });
      send(outgoing, answered);
      options.log?.(`${options.provider} control ${request.method} ${request.url} -> ${answered.status}`);
    };
  }
  return { handler, adapter, state, spec, controlToken };
}

interface ResponseChoice {
  code?: number;
  scenario?: string;
  dynamic: boolean;
}

/** Which response a request gets: its `Prefer` header, else the mock's scenario, else the spec's default. */
export function chooseResponse(
  spec: LoadedSpec,
  preferHeader: string | undefined,
  options: Pick<StartMockOptions, 'scenario' | 'dynamic'>,
): ResponseChoice | { error: string } {
  const prefer = parsePrefer(preferHeader);
  if ('error' in prefer) return prefer;
  let { example, code } = prefer;
  if (example === undefined && code === undefined && !prefer.dynamic) example = options.scenario;
  if (example !== undefined) {
    const scenario = spec.model.scenarios.find((candidate) => candidate.name === example);
    if (!scenario) return { error: `Prefer: example=${example} names no scenario of ${spec.provider}` };
    if (code !== undefined && code !== scenario.status) {
      return { error: `Prefer: example=${example} is a ${scenario.status} answer, not ${code}` };
    }
    // A scenario implies its status, so `Prefer: example=` alone reaches error examples too.
    return { code: scenario.status, scenario: example, dynamic: false };
  }
  if (code !== undefined) {
    const first = spec.model.scenarios.find((candidate) => candidate.status === code);
    const declared = spec.model.scenarios.map((scenario) => scenario.status);
    if (!first) return { error: `Prefer: code=${code} is not a status this operation answers with; it answers ${[...new Set(declared)].join(', ')}` };
    const dynamic = prefer.dynamic ?? options.dynamic ?? false;
    return dynamic ? { code, dynamic } : { code, scenario: first.name, dynamic };
  }
  const dynamic = prefer.dynamic ?? options.dynamic ?? false;
  // Without a preference Prism answers the first example of the success response: named here, so
  // the answer is known to come from that example.
  const first = spec.model.scenarios.find((candidate) => candidate.outcome === 'success');
  return dynamic || !first ? { dynamic } : { code: first.status, scenario: first.name, dynamic };
}

function prismConfig(mock: { dynamic: boolean; code?: number | undefined; exampleKey?: string | undefined; seed?: string }) {
  const cleaned = Object.fromEntries(Object.entries(mock).filter(([, value]) => value !== undefined));
  return {
    // The adapter answers a missing Authorization header itself, in the provider's words.
    checkSecurity: false,
    validateRequest: true,
    validateResponse: false,
    errors: false,
    isProxy: false as const,
    upstreamProxy: undefined,
    mock: cleaned as { dynamic: boolean },
  };
}

async function receive(incoming: IncomingMessage): Promise<ReceivedRequest | { tooLarge: true }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) return { tooLarge: true };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const bodyBytes = Buffer.concat(chunks);
  return { method: incoming.method ?? 'GET', url: originForm(incoming.url ?? '/'), headers, body: bodyBytes.toString('utf8'), bodyBytes };
}

/**
 * The answer to a `Prefer` the mock cannot honour (a misspelt scenario, an undeclared status):
 * a status, content type and body that neither provider sends, so that no provider-shaped
 * assertion mistakes a typo in a test for the answer it expected.
 */
function mockUsageError(message: string): Answer {
  return {
    status: 501,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: undefined,
    text: `layerspec-mock cannot answer this request as asked: ${message}\n`,
  };
}

function bodyText(answer: Answer): string {
  return answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
}

function send(outgoing: ServerResponse, answer: Answer): void {
  const body = bodyText(answer);
  outgoing.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(body) });
  outgoing.end(body);
}

/** An answer as raw HTTP/1.1 bytes, for a socket whose request Node could not parse. */
function rawAnswer(answer: Answer): string {
  const body = bodyText(answer);
  const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  const head = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * The mock's own address, as the connection arrived on it: Location is built from this, never
 * from the request's Host header, which a client may fill with anything (`a@evil.example`).
 */
function listeningUrl(incoming: IncomingMessage): string {
  const address = incoming.socket.localAddress ?? '127.0.0.1';
  return `http://${address.includes(':') ? `[${address}]` : address}:${incoming.socket.localPort}`;
}

function sendArchive(outgoing: ServerResponse, method: string, bytes: Uint8Array): void {
  outgoing.writeHead(200, { 'content-type': 'application/zip', 'content-length': bytes.length });
  outgoing.end(method === 'HEAD' ? undefined : bytes);
}

/** What was sent of an answer: all of it, none (a dropped connection), or the first bytes of its body. */
type Delivered = { kind: 'answered'; body: string; length: number } | { kind: 'dropped' } | { kind: 'cut-off'; body: string; bytesSent: number };

/** Sends an answer as a fault shapes it: no answer at all, or a body cut off half way. */
function deliver(outgoing: ServerResponse, answer: Answer, effect: FaultEffect | undefined): Delivered {
  if (effect?.kind === 'drop') {
    outgoing.socket?.destroy();
    return { kind: 'dropped' };
  }
  const body = bodyText(answer);
  const length = Buffer.byteLength(body);
  if (effect?.kind === 'cut-off') {
    // The full length is announced and half the bytes are sent, as when a connection breaks mid-answer.
    const bytes = Buffer.from(body);
    const sent = Math.floor(bytes.length / 2);
    outgoing.writeHead(answer.status, { ...answer.headers, 'content-length': length });
    outgoing.write(bytes.subarray(0, sent), () => outgoing.socket?.destroy());
    return { kind: 'cut-off', body, bytesSent: sent };
  }
  outgoing.writeHead(answer.status, { ...answer.headers, 'content-length': length });
  outgoing.end(body);
  return { kind: 'answered', body, length };
}

/** What the journal says of an answer sent. */
function journalAnswer(delivered: Delivered, answer: Answer): JournalAnswer {
  if (delivered.kind === 'dropped') return delivered;
  if (delivered.kind === 'cut-off') return { ...delivered, status: answer.status, headers: answer.headers };
  return { kind: 'answered', status: answer.status, headers: { ...answer.headers, 'content-length': String(delivered.length) }, body: delivered.body };
}

/** Whether a Prefer header names an example or a status, which a mock with fixtures honours over its fixtures. */
function asksForExample(header: string | undefined): boolean {
  const prefer = parsePrefer(header);
  return !('error' in prefer) && (prefer.example !== undefined || prefer.code !== undefined || prefer.dynamic === true);
}

function signatureCheck(rejection: SignatureRejection | null): SignatureCheck {
  return rejection ? { status: 'refused', reason: rejection.message ?? rejection.code ?? rejection.example } : { status: 'verified' };
}

/** The error code of an answer, where the model says the provider carries it (a header or a body member). */
function errorCodeOf(provider: Provider, answer: Answer): unknown {
  const { codeAt } = loadModel(provider).errors;
  return codeAt.in === 'header' ? answer.headers[codeAt.name.toLowerCase()] : valueAt(answer.body, codeAt.path);
}

function logLine(provider: Provider, incoming: IncomingMessage, answer: Answer): string {
  const error = errorCodeOf(provider, answer);
  return `${provider} ${incoming.method} ${incoming.url} -> ${answer.status}${error ? ` ${error}` : ''}`;
}

/**
 * The headers Prism sees. The adapter has already read the body, so Prism gets a plain
 * `application/json` for it, or no content type when there is no body: a malformed
 * Content-Type (e.g. `/`) on a GET would otherwise make Prism's own parser throw. `Accept` is
 * left out because both providers answer JSON whatever a client accepts, where Prism would
 * refuse to answer `Accept: text/html`.
 */
function headersForPrism(headers: Record<string, string>, body: unknown): Record<string, string> {
  const { 'content-type': _contentType, 'content-length': _contentLength, accept: _accept, ...rest } = headers;
  return body === undefined ? rest : { ...rest, 'content-type': 'application/json' };
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether Prism's answer holds the member the model says an error's code sits in (Tencent's `Response.Error`). */
function isEnvelopeError(spec: LoadedSpec, result: { _tag: string; right?: { output: { body?: unknown } } }): boolean {
  const { codeAt } = spec.model.errors;
  if (result._tag !== 'Right' || codeAt.in !== 'body') return false;
  return valueAt(result.right?.output.body, codeAt.path.slice(0, -1)) !== undefined;
}

/**
 * The path and query of a request target: an absolute-form target (`GET http://host/path`), which
 * HTTP/1.1 servers must accept, is read as its path; `*` (of `OPTIONS *`) stays as it is.
 */
function originForm(target: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
  if (!match) return target;
  const rest = target.slice(match[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

function splitUrl(url: string): [string, string] {
  const index = url.indexOf('?');
  return index === -1 ? [url, ''] : [url.slice(0, index), url.slice(index + 1)];
}

function queryObject(query: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    // A parameter named `__proto__` is a parameter like any other: an own member, never the prototype.
    const existing = Object.hasOwn(result, key) ? result[key] : undefined;
    const merged = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    Object.defineProperty(result, key, { value: merged, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

/**
 * The journal's entry of one request, built when the journal is read. Made here rather than inside
 * the handler: a closure there would share the handler's scope, and with it the received request
 * and its whole body, for as long as the journal keeps the entry.
 */
function entryBuilder(
  spec: LoadedSpec,
  kept: { recorded: ReturnType<typeof recordedRequest>; origin: string; startedAt: Date; durationMs: number; answer: JournalAnswer; fault: string | undefined },
): EntryBuilder {
  const { recorded, origin, startedAt, durationMs, answer, fault } = kept;
  return () => ({
    startedAt: startedAt.toISOString(),
    durationMs,
    request: {
      method: recorded.method,
      url: `${origin}${redactTarget(spec.model, recorded.url)}`,
      headers: redactHeaders(spec.model, recorded.headers),
      body: recorded.body,
      ...(recorded.bodyCut ? { bodyCut: true as const } : {}),
    },
    answer,
    ...(fault ? { fault } : {}),
  });
}

/** A signature check run when the journal is read; like entryBuilder, made outside the handler's scope. */
function deferredSignatureCheck(provider: Provider, request: ReceivedRequest, verify: Parameters<typeof verifySignature>[2]): () => Promise<SignatureCheck> {
  return () => verifySignature(provider, request, verify).then(signatureCheck);
}

/** What the journal keeps of a request: its body cut at JOURNAL_BODY_LIMIT and copied, so the received bytes can go. */
function recordedRequest(request: ReceivedRequest) {
  const cut = request.body.length > JOURNAL_BODY_LIMIT;
  // A slice of a string can keep the whole string alive in V8; a copy through a buffer does not.
  const body = cut ? Buffer.from(request.body.slice(0, JOURNAL_BODY_LIMIT), 'utf16le').toString('utf16le') : request.body;
  let headerChars = 0;
  for (const [name, value] of Object.entries(request.headers)) headerChars += name.length + value.length;
  return {
    method: request.method,
    url: request.url,
    headers: request.headers,
    body,
    bodyCut: cut,
    /** Counted as UTF-16, as V8 may hold strings. */
    bytes: 2 * (body.length + headerChars + request.url.length + request.method.length),
  };
}

function answerBytes(answer: JournalAnswer): number {
  if (answer.kind === 'dropped') return 0;
  let chars = answer.body.length;
  for (const [name, value] of Object.entries(answer.headers)) chars += name.length + String(value).length;
  return 2 * chars;
}
