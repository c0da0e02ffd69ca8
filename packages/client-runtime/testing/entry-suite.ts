// Test support: which transport and signer a client's entry really uses, over a real socket. The
// universal entry sends with fetch (undici on Node, which names itself in User-Agent and asks for
// compressed answers); the Node entry with node:http, which adds neither. Both sign the same way
// and fail with the same error classes and fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError } from '@layerspec/client-runtime/errors';
import { startFaultServer, type Fault, type FaultServer } from './fault-server.js';

export interface EntryAdapter {
  create(options: Record<string, unknown>): { getLayerVersion(input: never): Promise<unknown> };
  input: unknown;
  keys: object;
  ok: Fault;
  /** The scheme at the start of the Authorization header. */
  scheme: string;
}

export function describeEntry(adapter: EntryAdapter): void {
  const entry = process.env.LAYERSPEC_TEST_ENTRY ?? 'fetch';
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(() => server.close());
  const client = (options: Record<string, unknown> = {}) => adapter.create({ credentials: adapter.keys, endpoint: server.url, retry: { baseDelayMs: 1 }, ...options });

  describe(`the ${entry} entry`, () => {
    it(`sends over ${entry === 'node' ? 'node:http' : 'fetch'}, signed, on a connection it keeps alive`, async () => {
      server.script(adapter.ok);
      const one = client();
      await one.getLayerVersion(adapter.input as never);
      await one.getLayerVersion(adapter.input as never);
      const [first, second] = server.requests;
      if (entry === 'node') {
        expect(first!.headers['user-agent']).toBeUndefined();
        expect(first!.headers['accept-encoding']).toBeUndefined();
      } else {
        expect(first!.headers['user-agent']).toBeDefined();
      }
      expect(first!.headers.connection).toBe('keep-alive');
      expect(first!.headers.authorization).toMatch(new RegExp(`^${adapter.scheme} `));
      expect(second!.headers.authorization).toMatch(new RegExp(`^${adapter.scheme} `));
    });

    it("uses the caller's own fetch when given one", async () => {
      server.script(adapter.ok);
      const seen: string[] = [];
      const fetch = (request: Request) => {
        seen.push(request.url);
        return globalThis.fetch(request);
      };
      await client({ fetch }).getLayerVersion(adapter.input as never);
      expect(seen).toHaveLength(1);
      expect(server.requests[0]!.headers['user-agent']).toBeDefined();
    });

    it('a dropped connection ends in the same NetworkError, with a cause that keeps its code', async () => {
      server.script('drop');
      const error = await client({ maxAttempts: 2 })
        .getLayerVersion(adapter.input as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ name: 'NetworkError', kind: 'network', retryable: true, attempts: 2 });
      expect((error as Error).cause).toBeInstanceOf(Error);
    });
  });
}
