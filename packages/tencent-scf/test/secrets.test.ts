// Credentials and signatures never leak. Every error path runs with
// recognisable secrets; none may appear in a message, a stack, JSON.stringify, util.inspect
// (which follows `cause`), String(error) or any console line.
import { inspect } from 'node:util';
import scfModel from '@layerspec/specs/model/tencent-scf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScfClient, type ScfClientOptions } from '../src/index.js';
import { fakeFetch, hang, json, successExample } from './helpers.js';

const SECRET = 'CANARY-secret-key-9d8c7b6a5f4e3d2c';
const TOKEN = 'CANARY-token-1a2b3c4d5e6f7a8b';
const keys = { secretId: 'AKIDCANARY000000001', secretKey: SECRET, token: TOKEN };
const input = { LayerName: 'layer3', LayerVersion: 1 };

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

function renderings(error: unknown): string[] {
  const e = error as Error;
  return [String(e), e.message, e.stack ?? '', JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }), JSON.stringify((e as { cause?: unknown }).cause ?? null)];
}

const leakyFailure = (request: Request) => {
  throw new TypeError(
    `fetch failed for ${request.url} with authorization ${request.headers.get(scfModel.signing.header)} token ${request.headers.get(scfModel.signing.tokenHeader)} key ${SECRET}`,
  );
};
const errorEnvelope = (Code: string) => json({ Response: { Error: { Code, Message: 'm' }, RequestId: 'r' } });

const paths: Array<[string, ScfClientOptions['fetch'], Partial<ScfClientOptions>?, unknown?]> = [
  ['AuthFailure.SignatureFailure', fakeFetch(errorEnvelope('AuthFailure.SignatureFailure')).fetch],
  ['AuthFailure.SecretIdNotFound', fakeFetch(errorEnvelope('AuthFailure.SecretIdNotFound')).fetch],
  ['ResourceNotFound.LayerVersion', fakeFetch(errorEnvelope('ResourceNotFound.LayerVersion')).fetch],
  ['RequestLimitExceeded', fakeFetch(errorEnvelope('RequestLimitExceeded')).fetch, { maxAttempts: 2, retry: { baseDelayMs: 1 } }],
  ['InternalError', fakeFetch(errorEnvelope('InternalError')).fetch, { maxAttempts: 1 }],
  ['an HTML 502', fakeFetch(new Response('<html>502</html>', { status: 502 })).fetch, { maxAttempts: 1 }],
  ['a network error that quotes the request', leakyFailure, { maxAttempts: 2, retry: { baseDelayMs: 1 } }],
  ['a timeout', hang, { timeoutMs: 1000, maxAttempts: 2, retry: { baseDelayMs: 1 } }],
  ['a cut-off body', fakeFetch(new Response('{"Response": {"La', { status: 200 })).fetch],
  ['a body that breaks the schema', fakeFetch(json({ Response: { ...successExample().Response, Status: 'Exploded' } })).fetch, { validateResponses: true }],
  ['bad input', fakeFetch(json(successExample())).fetch, {}, { LayerName: `x${SECRET}!`, LayerVersion: 1 }],
];

describe('no secret in any error path', () => {
  for (const [name, fetch, extra, callInput] of paths) {
    it(name, async () => {
      const seen: Request[] = [];
      const recording = async (request: Request) => {
        seen.push(request.clone());
        return fetch!(request);
      };
      const client = createScfClient({ region: 'ap-guangzhou', credentials: keys, fetch: recording, ...extra });
      const error = await client.getLayerVersion((callInput ?? input) as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      const signatures = seen.map((r) => /Signature=([0-9a-f]{64})/.exec(r.headers.get('authorization') ?? '')?.[1]).filter(Boolean) as string[];
      if (name !== 'bad input') expect(signatures.length).toBeGreaterThan(0);
      for (const text of [...renderings(error), ...logged]) {
        for (const secret of [SECRET, TOKEN, ...signatures]) expect(text).not.toContain(secret);
      }
      expect(
        Object.values(error as object)
          .map(String)
          .join(' '),
      ).not.toMatch(/CANARY/);
    });
  }

  it('the client object does not expose the credentials', () => {
    const client = createScfClient({ credentials: keys });
    expect(JSON.stringify(client)).not.toContain(SECRET);
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(SECRET);
  });
});
