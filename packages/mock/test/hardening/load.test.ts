// Load on both mocks: 50 connections for 10 seconds of valid and invalid requests (signatures
// verified), then shorter rounds run over run. Every answer is checked against what that request
// must get; memory after a full GC must settle instead of growing round after round.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { isDeepStrictEqual } from 'node:util';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock } from '../../src/index.js';
import { defaultTestCredentials } from '../../src/signatures/index.js';
import { officialTc3Signer } from '../../src/signatures/tencent-tc3.js';
import { loadBundle, scenariosOf } from './answers.js';

const CONNECTIONS = 50;
const MAIN_ROUND_SECONDS = 10;
/**
 * After the timed round, rounds of a fixed number of requests: the same work each time, so a
 * leak shows as the same growth each time whatever the machine's speed. Nothing asserts speed;
 * the generous per-test timeout only guards against a wedged run.
 */
const REPEAT_ROUNDS = 3;
const REQUESTS_PER_REPEAT_ROUND = 3_000;
/**
 * Heap growth allowed, after a full GC, from the end of the first repeat round to the end of the
 * last (6,000 requests): about 350 bytes a request. Without a leak the figure moves by a few
 * hundred KB; a leak of 600 bytes a request, planted to try this test, grew it by 3.5 MB.
 */
const SETTLED_TOLERANCE_BYTES = 2 * 1024 * 1024;

const forceGc = exposeGc();
const report: string[] = [];
afterAll(() => console.log(`[hardening] load:\n${report.join('\n')}`));

/** A full GC, through --expose-gc when vitest was given it, else by switching the flag on now. */
function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function settledHeap(): number {
  forceGc();
  forceGc();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** One kind of request of the mix and the answer it must get. */
interface Case {
  name: string;
  request: () => { method: string; path: string; headers: Record<string, string>; body?: string };
  expect: (status: number, body: any, headers: Record<string, string>) => boolean;
}

interface Tally {
  ok: number;
  wrong: number;
  sample?: string;
}

async function runRound(url: string, cases: Case[], length: { duration: number } | { amount: number }, tallies: Map<string, Tally>) {
  const requests: AutocannonRequest[] = cases.map((c) => ({
    ...c.request(),
    onResponse: (status, text, _context, rawHeaders) => {
      const tally = tallies.get(c.name)!;
      const headers = Object.fromEntries(Object.entries(rawHeaders).map(([k, v]) => [k.toLowerCase(), String(v)]));
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      if (c.expect(status, body, headers)) tally.ok++;
      else {
        tally.wrong++;
        tally.sample ??= `${status} ${JSON.stringify(headers)} ${text.slice(0, 300)}`;
      }
    },
  }));
  return autocannon({ url, connections: CONNECTIONS, ...length, timeout: 10, requests });
}

/** Runs the rounds against a fresh mock; the cases are signed afresh for its host before each round. */
async function loadTest(provider: 'aws-lambda' | 'tencent-scf', makeCases: (host: string) => Promise<Case[]>) {
  // Answers are checked byte for byte against the examples, request IDs included.
  const mock = await startMock({ provider, port: 0, verifySignatures: true, fixedRequestIds: true });
  try {
    const host = new URL(mock.url).host;
    const tallies = new Map<string, Tally>();
    const heaps = [settledHeap()];
    const rounds = [];
    const lengths = [{ duration: MAIN_ROUND_SECONDS }, ...Array.from({ length: REPEAT_ROUNDS }, () => ({ amount: REQUESTS_PER_REPEAT_ROUND }))];
    for (const length of lengths) {
      const cases = await makeCases(host);
      for (const c of cases) if (!tallies.has(c.name)) tallies.set(c.name, { ok: 0, wrong: 0 });
      rounds.push(await runRound(mock.url, cases, length, tallies));
      heaps.push(settledHeap());
    }
    const total = rounds.reduce((sum, r) => sum + r.requests.total, 0);
    const failed = rounds.reduce((sum, r) => sum + r.errors + r.timeouts, 0);
    const wrong = [...tallies.values()].reduce((sum, t) => sum + t.wrong, 0);
    report.push(
      `  ${provider}: ${CONNECTIONS} connections, ${MAIN_ROUND_SECONDS} s then ${REPEAT_ROUNDS} rounds of ${REQUESTS_PER_REPEAT_ROUND} requests: ` +
        `${total} requests (${rounds.map((r) => r.requests.total).join(' + ')}), ${failed} errors/timeouts, ${wrong} wrong answers`,
      `    per case: ${[...tallies].map(([name, t]) => `${name} ${t.ok}${t.wrong ? ` (${t.wrong} wrong: ${t.sample})` : ''}`).join('; ')}`,
      `    heap after GC: before ${mb(heaps[0]!)}, after each round ${heaps.slice(1).map(mb).join(', ')}`,
    );

    expect(failed, 'connection errors and timeouts').toBe(0);
    for (const [name, tally] of tallies) {
      expect(tally.wrong, `${name}: ${tally.sample}`).toBe(0);
      expect(tally.ok, `${name} was never answered`).toBeGreaterThan(0);
    }
    for (const round of rounds) expect(round.requests.total).toBeGreaterThan(0);
    // Memory settles: from the first repeat round to the last, no growth beyond the tolerance.
    expect(heaps.at(-1)! - heaps[2]!, 'heap growth over the repeat rounds, bytes').toBeLessThan(SETTLED_TOLERANCE_BYTES);
  } finally {
    await mock.close();
  }
}

describe('load on the AWS Lambda mock', () => {
  const aws = defaultTestCredentials['aws-lambda'];
  const scenarios = scenariosOf(loadBundle('aws-lambda'));
  const successBodies = scenarios.filter((s) => s.status === 200).map((s) => s.value);
  const notFound = scenarios.find((s) => s.status === 404)!;
  function signed(host: string, path: string, secretAccessKey = aws.secretAccessKey, accessKeyId = aws.accessKeyId) {
    // Signed once per round (the signature stays valid for 5 minutes), as the SDK signs it.
    const signer = new SignatureV4({ service: 'lambda', region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, sha256: Sha256 });
    return signer.sign({ method: 'GET', protocol: 'http:', hostname: '127.0.0.1', path, query: {}, headers: { host } });
  }

  const error = (status: number, type: string) => (s: number, body: any, headers: Record<string, string>) =>
    s === status && headers['x-amzn-errortype'] === type && typeof (body?.message ?? body?.Message) === 'string' && !!headers['x-amzn-requestid'];

  it(`answers ${CONNECTIONS} connections for ${MAIN_ROUND_SECONDS} s and more rounds with zero failures and settled memory`, { timeout: 120_000 }, async () => {
    // Signing is async; sign every case up front, then hand autocannon plain requests.
    const paths = {
      arn: `/2018-10-31/layers/${encodeURIComponent('arn:aws:lambda:us-west-2:123456789012:layer:my-layer')}/versions/1`,
      name: '/2018-10-31/layers/my-layer/versions/3',
      badName: '/2018-10-31/layers/my%20layer/versions/1',
      badVersion: '/2018-10-31/layers/my-layer/versions/abc',
      unknownRoute: '/2015-03-31/functions/f',
    };
    const cases = async (host: string): Promise<Case[]> => {
      const sign = async (path: string, secret?: string, key?: string) => (await signed(host, path, secret, key)).headers as Record<string, string>;
      const [arn, name, badName, badVersion, unknownRoute, wrongSecret, unknownKey] = await Promise.all([
        sign(paths.arn),
        sign(paths.name),
        sign(paths.badName),
        sign(paths.badVersion),
        sign(paths.unknownRoute),
        sign(paths.arn, 'not-the-secret'),
        sign(paths.arn, aws.secretAccessKey, 'AKIAUNKNOWN000000000'),
      ]);
      return [
        {
          name: 'valid ARN',
          request: () => ({ method: 'GET', path: paths.arn, headers: arn }),
          expect: (s, b, h) => s === 200 && successBodies.some((v) => isDeepStrictEqual(v, b)) && !!h['x-amzn-requestid'],
        },
        {
          name: 'valid, asks for not-found',
          request: () => ({ method: 'GET', path: paths.name, headers: { ...name, prefer: `example=${notFound.name}` } }),
          expect: (s, b, h) => error(404, 'ResourceNotFoundException')(s, b, h) && isDeepStrictEqual(b, notFound.value),
        },
        { name: 'bad name', request: () => ({ method: 'GET', path: paths.badName, headers: badName }), expect: error(400, 'InvalidParameterValueException') },
        { name: 'bad version', request: () => ({ method: 'GET', path: paths.badVersion, headers: badVersion }), expect: error(400, 'InvalidParameterValueException') },
        { name: 'unknown route', request: () => ({ method: 'GET', path: paths.unknownRoute, headers: unknownRoute }), expect: error(404, 'UnknownOperationException') },
        { name: 'unsigned', request: () => ({ method: 'GET', path: paths.arn, headers: {} }), expect: error(403, 'MissingAuthenticationTokenException') },
        { name: 'wrong secret', request: () => ({ method: 'GET', path: paths.arn, headers: wrongSecret }), expect: error(403, 'InvalidSignatureException') },
        { name: 'unknown key', request: () => ({ method: 'GET', path: paths.arn, headers: unknownKey }), expect: error(403, 'UnrecognizedClientException') },
      ];
    };
    await loadTest('aws-lambda', cases);
  });
});

describe('load on the Tencent SCF mock', () => {
  const tencent = defaultTestCredentials['tencent-scf'];
  const scenarios = scenariosOf(loadBundle('tencent-scf'));
  const successResponses = scenarios.map((s) => s.value?.Response).filter((r) => r && !r.Error);
  const notFound = scenarios.find((s) => s.value?.Response?.Error?.Code?.startsWith('ResourceNotFound'))!;
  function post(host: string, body: string, options: { secretKey?: string; action?: string; prefer?: string; unsigned?: boolean } = {}) {
    const timestamp = Math.floor(Date.now() / 1000);
    // Signed as the official Node SDK signs for an endpoint of 127.0.0.1:PORT (service "127").
    const authorization = officialTc3Signer().sign3({
      method: 'POST',
      url: `http://${host}/`,
      payload: Buffer.from(body),
      timestamp,
      service: new URL(`http://${host}`).hostname.split('.')[0]!,
      secretId: tencent.secretId,
      secretKey: options.secretKey ?? tencent.secretKey,
      multipart: false,
      boundary: '',
      headers: { 'Content-Type': 'application/json' },
    });
    return {
      method: 'POST',
      path: '/',
      headers: {
        'content-type': 'application/json',
        'x-tc-action': options.action ?? 'GetLayerVersion',
        'x-tc-version': '2018-04-16',
        'x-tc-timestamp': String(timestamp),
        ...(options.unsigned ? {} : { authorization }),
        ...(options.prefer ? { prefer: options.prefer } : {}),
      },
      body,
    };
  }

  const code = (expected: string) => (s: number, body: any) =>
    s === 200 && body?.Response?.Error?.Code === expected && typeof body.Response.Error.Message === 'string' && !!body.Response.RequestId;

  it(`answers ${CONNECTIONS} connections for ${MAIN_ROUND_SECONDS} s and more rounds with zero failures and settled memory`, { timeout: 120_000 }, async () => {
    const valid = '{"LayerName":"layer3","LayerVersion":1}';
    const cases = async (host: string): Promise<Case[]> => {
      const requests = {
        valid: post(host, valid),
        notFound: post(host, valid, { prefer: `example=${notFound.name}` }),
        missing: post(host, '{"LayerName":"layer3"}'),
        badName: post(host, '{"LayerName":"1 bad","LayerVersion":1}'),
        malformed: post(host, '{"LayerName":'),
        wrongAction: post(host, valid, { action: 'GetLayerVersions' }),
        unsigned: post(host, valid, { unsigned: true }),
        wrongSecret: post(host, valid, { secretKey: 'not-the-secret' }),
      };
      return [
        { name: 'valid', request: () => requests.valid, expect: (s, b) => s === 200 && successResponses.some((r) => isDeepStrictEqual(r, b?.Response)) },
        { name: 'valid, asks for not-found', request: () => requests.notFound, expect: (s, b) => s === 200 && isDeepStrictEqual(b, notFound.value) },
        { name: 'missing LayerVersion', request: () => requests.missing, expect: code('MissingParameter') },
        { name: 'bad LayerName', request: () => requests.badName, expect: code('InvalidParameterValue') },
        { name: 'malformed JSON', request: () => requests.malformed, expect: code('InvalidParameter') },
        { name: 'wrong action', request: () => requests.wrongAction, expect: code('InvalidAction') },
        { name: 'unsigned', request: () => requests.unsigned, expect: code('AuthFailure.InvalidAuthorization') },
        { name: 'wrong secret', request: () => requests.wrongSecret, expect: code('AuthFailure.SignatureFailure') },
      ];
    };
    await loadTest('tencent-scf', cases);
  });
});
