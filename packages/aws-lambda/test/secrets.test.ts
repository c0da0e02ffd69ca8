// Credentials and signatures never leak. Every error path runs with
// recognisable secrets; none may appear in a message, a stack, JSON.stringify, util.inspect
// (which follows `cause`), String(error) or any console line.
import { inspect } from 'node:util';
import lambdaModel from '@layerspec/specs/model/aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLambdaClient, type LambdaClientOptions } from '../src/index.js';
import { fakeFetch, hang, json, successExample } from './helpers.js';

const SECRET = 'CANARY-secret-access-key-9d8c7b6a5f4e';
const TOKEN = 'CANARY-session-token-1a2b3c4d5e6f';
const keys = { accessKeyId: 'AKIDCANARY000000001', secretAccessKey: SECRET, sessionToken: TOKEN };
const input = { LayerName: 'my-layer', VersionNumber: 1 };

const logged: string[] = [];
beforeEach(() => {
  logged.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => inspect(a, { depth: 10 })).join(' '));
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Everything a caller or a logger could render of an error. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [String(e), e.message, e.stack ?? '', JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }), JSON.stringify((e as { cause?: unknown }).cause ?? null)];
}

/** A fetch that fails the way a chatty proxy or agent might: quoting the request, secrets and all. */
const leakyFailure = (request: Request) => {
  throw new TypeError(
    `fetch failed for ${request.url} with authorization ${request.headers.get(lambdaModel.signing.header)} token ${request.headers.get(lambdaModel.signing.tokenHeader)} key ${SECRET}`,
  );
};

const paths: Array<[string, LambdaClientOptions['fetch'], Partial<LambdaClientOptions>?, unknown?]> = [
  ['InvalidParameterValueException', fakeFetch(json({ message: 'bad' }, 400, { 'x-amzn-ErrorType': 'InvalidParameterValueException' })).fetch],
  ['InvalidSignatureException', fakeFetch(json({ message: 'signature mismatch' }, 403, { 'x-amzn-ErrorType': 'InvalidSignatureException' })).fetch],
  ['ResourceNotFoundException', fakeFetch(json({ Message: 'none' }, 404, { 'x-amzn-ErrorType': 'ResourceNotFoundException' })).fetch],
  [
    'TooManyRequestsException',
    fakeFetch(json({ message: 'slow', Reason: 'CallerRateLimitExceeded' }, 429, { 'x-amzn-ErrorType': 'TooManyRequestsException', 'Retry-After': '60' })).fetch,
  ],
  ['ServiceException', fakeFetch(json({ Message: 'boom' }, 500, { 'x-amzn-ErrorType': 'ServiceException' })).fetch, { maxAttempts: 1 }],
  ['an HTML 502', fakeFetch(new Response('<html>502</html>', { status: 502 })).fetch, { maxAttempts: 1 }],
  ['a network error that quotes the request', leakyFailure, { maxAttempts: 2, retry: { baseDelayMs: 1 } }],
  ['a timeout', hang, { timeoutMs: 1000, maxAttempts: 2, retry: { baseDelayMs: 1 } }],
  ['a cut-off body', fakeFetch(new Response('{"Version": 1, "Con', { status: 200 })).fetch],
  ['a body that breaks the schema', fakeFetch(json({ ...successExample(), Version: -3 })).fetch, { validateResponses: true }],
  ['bad input', fakeFetch(json(successExample())).fetch, {}, { LayerName: `../${SECRET}`, VersionNumber: 1 }],
];

describe('no secret in any error path', () => {
  for (const [name, fetch, extra, callInput] of paths) {
    it(name, async () => {
      const seen: Request[] = [];
      const recording = async (request: Request) => {
        seen.push(request.clone());
        return fetch!(request);
      };
      const client = createLambdaClient({ region: 'us-east-1', credentials: keys, fetch: recording, ...extra });
      const error = await client.getLayerVersion((callInput ?? input) as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      const signatures = seen.map((r) => /Signature=([0-9a-f]{64})/.exec(r.headers.get('authorization') ?? '')?.[1]).filter(Boolean) as string[];
      if (name !== 'bad input') expect(signatures.length).toBeGreaterThan(0);
      for (const text of [...renderings(error), ...logged]) {
        for (const secret of [SECRET, TOKEN, ...signatures]) expect(text).not.toContain(secret);
      }
      // Nothing secret is an own property of the error either.
      expect(
        Object.values(error as object)
          .map(String)
          .join(' '),
      ).not.toMatch(/CANARY/);
    });
  }

  it('the client object does not expose the credentials', () => {
    const client = createLambdaClient({ region: 'us-east-1', credentials: keys });
    expect(JSON.stringify(client)).not.toContain(SECRET);
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(SECRET);
  });
});
