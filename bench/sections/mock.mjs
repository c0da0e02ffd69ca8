// @ts-check
// 4. Mock: autocannon at 10 and 50 connections against @layerspec/mock, bare Prism serving the
// same spec bundle, and a plain node:http server returning the mock's bytes (the limit); plus the
// time from starting each server to its first 200. Every server runs in its own process.
import { fork, spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import autocannon from 'autocannon';
import { cannedCall, exampleFixtures, specPath } from '../lib/canned.mjs';
import { childEnv, freePort, track, nextMessage, sendRequest, startServerChild, stopChild, waitFor200 } from '../lib/processes.mjs';
import { APIS, providerName } from '../lib/providers.mjs';
import { summarize } from '../lib/stats.mjs';
import { NOT_BUILT, formatNumber, formatRatio } from '../lib/table.mjs';
import { createCall } from '../lib/targets.mjs';

const require = createRequire(import.meta.url);
const CANNED_SERVER = new URL('../servers/canned-server.mjs', import.meta.url);
const MOCK_SERVER = new URL('../servers/mock-server.mjs', import.meta.url);
const PROVIDERS = APIS.map((api) => /** @type {const} */ ([api, providerName(api)]));
/** Headers that belong to one connection or one moment, not to the answer's bytes. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'date', 'content-length', 'transfer-encoding']);

/**
 * The exact request the official SDK sends (signed, with its own headers), recorded by the canned
 * server, so every server in this section gets the same realistic request.
 * @param {'aws-lambda' | 'tencent-scf'} provider
 * @returns {Promise<import('../lib/processes.mjs').RecordedRequest>}
 */
async function recordOfficialRequest(provider) {
  const server = await startServerChild(CANNED_SERVER);
  try {
    const call = await createCall(`${provider}/official`, server.url);
    await call();
    server.child.send({ type: 'last-request', key: cannedCall(provider).key });
    const { request } = await nextMessage(server.child, 'last-request', 5000);
    /** @type {Record<string, string>} */
    const headers = {};
    for (const [name, value] of Object.entries(request.headers)) if (!HOP_HEADERS.has(name) && value !== undefined) headers[name] = String(value);
    return { method: request.method, path: request.url, headers, body: request.body || undefined };
  } finally {
    await stopChild(server.child);
  }
}

/** @typedef {{ name: string, kind: 'limit' | 'prism' | 'ours' | 'fixtures', url?: string, stop?: () => Promise<void>, startMs: number[], error?: string, response?: { status: number, headers: Record<string, string>, body: string } }} Contender */

/**
 * Starts a server `starts` times, timing spawn -> first 200 each time; keeps the last one running.
 * Checks that the answer carries `marker`, a value from the spec's example.
 * @param {Contender} contender @param {number} starts @param {import('../lib/processes.mjs').RecordedRequest} request @param {string} marker
 * @param {() => Promise<{ url: string, startedAt: number, stop: () => Promise<void>, exited?: Promise<never> }>} start
 */
async function startTimed(contender, starts, request, marker, start) {
  for (let run = 0; run < starts; run += 1) {
    await contender.stop?.();
    contender.stop = undefined;
    try {
      const server = await start();
      contender.stop = server.stop;
      contender.url = server.url;
      // A server that dies while starting (say, its spec file is missing) fails at once, not after the deadline.
      const firstOk = await (server.exited ? Promise.race([waitFor200(server.url, request, 20_000), server.exited]) : waitFor200(server.url, request, 20_000));
      contender.startMs.push(firstOk - server.startedAt);
    } catch (error) {
      contender.error = /** @type {any} */ (error).notBuilt ? NOT_BUILT : `error: ${/** @type {Error} */ (error).message.slice(0, 120)}`;
      await contender.stop?.();
      contender.stop = undefined;
      return;
    }
  }
  if (!contender.url) return;
  contender.response = await sendRequest(contender.url, request);
  // Tencent answers errors with HTTP 200 too, so a 200 alone does not prove a layer version came back.
  if (!contender.response.body.includes(marker)) {
    contender.error = `error: the answer is not the layer version: ${contender.response.body.slice(0, 100)}`;
    await contender.stop?.();
    contender.stop = undefined;
  }
}

/** @param {'aws-lambda' | 'tencent-scf'} provider @param {unknown} [fixtures] a fixture set to answer from instead of the examples */
function startOurMock(provider, fixtures) {
  return async () => {
    const startedAt = performance.now();
    const env = fixtures ? { ...childEnv(), LAYERSPEC_BENCH_FIXTURES: JSON.stringify(fixtures) } : childEnv();
    const child = track(fork(MOCK_SERVER, [provider], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    const message = await nextMessage(child, ['listening', 'failed'], 30_000).catch(async (error) => {
      await stopChild(child);
      throw error;
    });
    if (message.type === 'failed') {
      await stopChild(child);
      throw Object.assign(new Error(message.message), { notBuilt: message.notBuilt });
    }
    return { url: message.url, startedAt, stop: () => stopChild(child) };
  };
}

/**
 * Bare Prism: its own CLI serving the spec bundle, logging off (our mock logs nothing either).
 * Its output goes to a file, never a pipe, so it cannot block on a parent that went away.
 * @param {'aws-lambda' | 'tencent-scf'} provider @param {string} logDir
 */
function startBarePrism(provider, logDir) {
  return async () => {
    const port = await freePort();
    const cli = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
    mkdirSync(logDir, { recursive: true });
    const logFile = join(logDir, `prism-${provider}.log`);
    const log = openSync(logFile, 'a');
    const startedAt = performance.now();
    const child = track(
      spawn(process.execPath, [cli, 'mock', '--host', '127.0.0.1', '--port', String(port), '--verboseLevel', 'silent', specPath(provider)], {
        env: childEnv(),
        stdio: ['ignore', log, log],
      }),
    );
    closeSync(log);
    /** @type {Promise<never>} */
    const exited = new Promise((_resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`Prism exited (code ${code}) before answering; see ${logFile}`)));
    });
    exited.catch(() => {}); // Only awaited while starting; a later exit is the normal stop.
    return { url: `http://127.0.0.1:${port}`, startedAt, stop: () => stopChild(child), exited };
  };
}

/**
 * The limit: node:http returning exactly the bytes the mock (or else Prism) answered, at the benched operation's route.
 * @param {'aws-lambda' | 'tencent-scf'} provider @param {{ status: number, headers: Record<string, string>, body: string }} response
 */
function startPlainServer(provider, response) {
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !HOP_HEADERS.has(name)));
  const { key, route } = cannedCall(provider);
  /** @type {import('../lib/canned.mjs').CannedAnswer[]} */
  const answers = [{ key, route, response: { status: response.status, headers, body: response.body } }];
  const responses = JSON.stringify(answers);
  return async () => {
    const server = await startServerChild(CANNED_SERVER, { env: { LAYERSPEC_BENCH_RESPONSES: responses } });
    return { url: server.url, startedAt: server.startedAt, stop: () => stopChild(server.child) };
  };
}

/**
 * One autocannon window; rejects the window if any answer was not 2xx or failed.
 * @param {string} url @param {import('../lib/processes.mjs').RecordedRequest} request @param {number} connections @param {number} seconds
 */
async function cannon(url, request, connections, seconds) {
  const result = await autocannon({
    url: new URL(request.path, url).href,
    method: /** @type {any} */ (request.method),
    headers: request.headers,
    body: request.body,
    connections,
    duration: seconds,
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(
      `${failed} of ${result.requests.total + result.errors} requests failed (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`,
    );
  return { rps: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99 };
}

/**
 * @param {{ connections: number[], seconds: number, warmupSeconds: number, runs: number, starts: number, logDir: string }} options
 */
export async function mockSections(options) {
  /** @type {any[]} */
  const loadRows = [];
  /** @type {any[]} */
  const startRows = [];
  for (const [provider, providerName] of PROVIDERS) {
    const request = await recordOfficialRequest(provider);
    const marker = cannedCall(provider).marker;
    /** @type {Contender} */
    const ours = { name: '@layerspec/mock', kind: 'ours', startMs: [] };
    /** @type {Contender} */
    const prism = { name: 'bare Prism 5.14 CLI, same spec', kind: 'prism', startMs: [] };
    /** @type {Contender} */
    const plain = { name: 'node:http, same bytes (limit)', kind: 'limit', startMs: [] };
    /** @type {Contender} */
    const fromFixtures = { name: '@layerspec/mock, from fixtures', kind: 'fixtures', startMs: [] };
    const contenders = [plain, prism, ours, fromFixtures];
    try {
      await startTimed(ours, options.starts, request, marker, startOurMock(provider));
      await startTimed(fromFixtures, options.starts, request, marker, startOurMock(provider, exampleFixtures(provider)));
      await startTimed(prism, options.starts, request, marker, startBarePrism(provider, options.logDir));
      const bytes = ours.response ?? prism.response ?? { ...cannedCall(provider).response };
      await startTimed(plain, options.starts, request, marker, startPlainServer(provider, bytes));

      const live = contenders.filter((contender) => contender.url && !contender.error);
      for (const contender of live) {
        try {
          await cannon(/** @type {string} */ (contender.url), request, Math.max(...options.connections), options.warmupSeconds);
        } catch (error) {
          contender.error = `error: ${/** @type {Error} */ (error).message.slice(0, 120)}`;
        }
      }
      /** @type {Map<string, { rps: number, p50: number, p99: number }[]>} */
      const windows = new Map();
      // Windows round-robin over servers and connection counts, so noise spreads over all rows.
      for (let run = 0; run < options.runs; run += 1) {
        for (const connections of options.connections) {
          for (const contender of live) {
            if (contender.error) continue;
            try {
              const window = await cannon(/** @type {string} */ (contender.url), request, connections, options.seconds);
              const key = `${contender.kind}/${connections}`;
              windows.set(key, [...(windows.get(key) ?? []), window]);
            } catch (error) {
              contender.error = `error: ${/** @type {Error} */ (error).message.slice(0, 120)}`;
            }
          }
        }
      }
      for (const connections of options.connections) {
        for (const contender of contenders) {
          const measured = windows.get(`${contender.kind}/${connections}`);
          loadRows.push({
            provider,
            providerName,
            connections,
            name: contender.name,
            kind: contender.kind,
            error: contender.error ?? (measured ? undefined : 'n/a'),
            rps: measured && !contender.error ? summarize(measured.map((w) => w.rps)) : undefined,
            p50: measured && !contender.error ? summarize(measured.map((w) => w.p50)) : undefined,
            p99: measured && !contender.error ? summarize(measured.map((w) => w.p99)) : undefined,
          });
        }
      }
      for (const contender of contenders) {
        startRows.push({
          provider,
          providerName,
          name: contender.name,
          kind: contender.kind,
          error: contender.startMs.length === options.starts ? undefined : contender.error,
          startMs: contender.startMs.length === options.starts ? summarize(contender.startMs) : undefined,
          bytes: contender.response?.body.length,
        });
      }
    } finally {
      for (const contender of contenders) await contender.stop?.();
    }
  }
  return [loadTable(loadRows, options), startTable(startRows, options)];
}

/**
 * Each row of one kind against the row of another kind for the same provider and connections.
 * @param {any[]} rows @param {string} kind @param {string} referenceKind
 */
function ratios(rows, kind, referenceKind) {
  return rows
    .filter((row) => row.kind === kind && row.rps)
    .map((row) => {
      const reference = rows.find((other) => other.provider === row.provider && other.connections === row.connections && other.kind === referenceKind)?.rps;
      return reference ? `${row.providerName} ${row.connections} conn: ${formatRatio(row.rps.median / reference.median)}` : undefined;
    })
    .filter(Boolean);
}

/** @param {any[]} rows @param {{ seconds: number, runs: number, warmupSeconds: number }} options */
function loadTable(rows, options) {
  const cells = rows.map((row) => {
    const label = `${row.providerName}, ${row.connections} conn: ${row.name}`;
    if (!row.rps) return [label, row.error ?? 'n/a', '-', '-', '-', '-', '-'];
    const limit = rows.find((other) => other.provider === row.provider && other.connections === row.connections && other.kind === 'limit')?.rps;
    const ratio = row.kind === 'limit' ? '1.00x (ref)' : formatRatio(limit && row.rps.median / limit.median);
    return [label, formatNumber(row.rps.median), formatNumber(row.rps.min), formatNumber(row.rps.max), formatNumber(row.p50.median), formatNumber(row.p99.median), ratio];
  });
  const fixturesVsExamples = ratios(rows, 'fixtures', 'ours');
  const ourVsPrism = ratios(rows, 'ours', 'prism');
  return {
    id: 'mock',
    title: '4. Mock: requests per second and latency (autocannon)',
    note: `autocannon 9 in the bench process against each server in its own process on 127.0.0.1, all sent the same request: the one the official SDK sends, signed. ${options.runs} windows of ${options.seconds} s per row after a ${options.warmupSeconds} s warm-up, round-robin over servers; a window with any non-2xx answer or error counts as a failure, not a number. p50 and p99 are latency percentiles in ms (median over the windows). Ratio: this row / node:http returning the same bytes (the limit).${ourVsPrism.length ? ` Ours / bare Prism: ${ourVsPrism.join('; ')}.` : ''}${fixturesVsExamples.length ? ` From fixtures / from examples (goal: at least 1.00x within noise): ${fixturesVsExamples.join('; ')}.` : ''}`,
    headers: ['server', 'median req/s', 'min', 'max', 'p50 ms', 'p99 ms', 'ratio (row / node:http)'],
    rows: cells,
    data: rows,
  };
}

/** @param {any[]} rows @param {{ starts: number }} options */
function startTable(rows, options) {
  const cells = rows.map((row) => {
    const label = `${row.providerName}: ${row.name}`;
    if (!row.startMs) return [label, row.error ?? 'n/a', '-', '-', '-'];
    const prism = rows.find((other) => other.provider === row.provider && other.kind === 'prism')?.startMs;
    const ratio = row.kind === 'prism' ? '1.00x (ref)' : formatRatio(prism && row.startMs.median / prism.median);
    return [label, formatNumber(row.startMs.median), formatNumber(row.startMs.min), formatNumber(row.startMs.max), ratio];
  });
  return {
    id: 'mock-start',
    title: '4b. Mock: start to first 200',
    note: `Milliseconds from spawning the server process to the first 200 answer to the recorded request (polled every 5 ms), ${options.starts} starts each. Ratio: this row / bare Prism. Goal: our mock under 2000 ms.`,
    headers: ['server', 'median ms', 'min ms', 'max ms', 'ratio (row / bare Prism)'],
    rows: cells,
    data: rows,
  };
}
