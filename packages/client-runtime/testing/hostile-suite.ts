// Test support: one suite of hostile-server checks that both clients run with their own adapter,
// so the AWS and Tencent clients are held to the same bounds (body sizes, redirects, timeouts,
// secrets in error text, the file a download may replace).
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClientError, IntegrityError, InvalidInputError, InvalidResponseError, ResponseTooLargeError, TimeoutError } from '@layerspec/client-runtime/errors';
import { DEFAULT_TIMEOUT_MS, MAX_ANSWER_BYTES, deadlines } from '@layerspec/client-runtime/retry';
import { hang } from './fake-fetch.js';
import { startFaultServer, type Fault, type FaultServer } from './fault-server.js';

type AnyClient = {
  getLayerVersion(input: never, call?: { signal?: AbortSignal; headers?: Record<string, string> }): Promise<unknown>;
  downloadLayerVersion(output: never, options?: Record<string, unknown>): Promise<Uint8Array>;
};

export interface HostileAdapter {
  name: string;
  /** Creates the client with these options besides region and the provider's own. */
  create(options: Record<string, unknown>): AnyClient;
  /** A valid input for getLayerVersion. */
  input: unknown;
  /** Credentials holding `secret` and `token`. */
  keys: object;
  secret: string;
  token: string;
  /** The model's signing facts: the headers that carry the signature and the session token. */
  signing: { header: string; tokenHeader: string };
  /** A success answer. */
  ok: Fault;
  /** An error answer of the provider whose message quotes `text`, as a proxy or WAF page might. */
  errorQuoting(text: string): Fault;
  /** A GetLayerVersion answer pointing at `location`, for an archive of these bytes. */
  layer(location: string, archive: Uint8Array): unknown;
  /** Whether the answer gives the archive's size (AWS `CodeSize`). */
  sizeKnown: boolean;
  /** The same request through openapi-fetch's typed method (GET or POST), which throws transport errors. */
  raw(client: unknown): Promise<unknown>;
  /** The /node entry's download-to-file. */
  downloadToFile(client: unknown, output: unknown, options: { to: string; allowHttp?: boolean }): Promise<{ path: string; size: number }>;
}

/** Everything a caller or a logger could render of an error. */
export function renderings(error: unknown): string {
  const e = error as Error;
  return [String(e), e.message, e.stack ?? '', JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }), JSON.stringify(e.cause ?? null)].join('\n');
}

const fail = (promise: Promise<unknown>) =>
  promise.then(
    () => new Error('resolved, but should have failed'),
    (e: unknown) => e,
  );

/** A fetch that counts the (decompressed) body bytes the client pulls from each answer. */
function countingFetch() {
  const counts: number[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const answer = await globalThis.fetch(request);
    const index = counts.push(0) - 1;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        counts[index]! += chunk.length;
        controller.enqueue(chunk);
      },
    });
    return new Response(answer.body?.pipeThrough(counter) ?? null, { status: answer.status, headers: answer.headers });
  };
  return { fetch, counts };
}

const BOMB = 64 * 1024 * 1024;

export function describeHostileServers(adapter: HostileAdapter): void {
  let server: FaultServer;
  let other: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
    other = await startFaultServer();
  });
  afterAll(async () => {
    await server.close();
    await other.close();
  });
  const client = (options: Record<string, unknown> = {}) =>
    adapter.create({ credentials: adapter.keys, endpoint: server.url, retry: { baseDelayMs: 1 }, maxAttempts: 1, ...options });
  const call = (c: AnyClient, signal?: AbortSignal) => c.getLayerVersion(adapter.input as never, signal ? { signal } : {});
  const archive = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));

  describe(`${adapter.name}: bounded bodies`, () => {
    it('a gzip bomb as the answer ends in ResponseTooLargeError, reading stopped near the bound', { timeout: 60_000 }, async () => {
      server.script({ gzipBomb: BOMB });
      const counting = countingFetch();
      const error = await fail(call(client({ fetch: counting.fetch })));
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error).toMatchObject({ limit: MAX_ANSWER_BYTES, status: 200 });
      expect(counting.counts[0]).toBeLessThan(4 * MAX_ANSWER_BYTES);
    });

    it("a gzip bomb through the entry's own transport (no fetch given) ends the same way, as an answer or an error answer", { timeout: 60_000 }, async () => {
      for (const status of [200, 403]) {
        server.script({ gzipBomb: BOMB, status });
        const error = await fail(call(client()));
        expect(error).toBeInstanceOf(ResponseTooLargeError);
        expect(error).toMatchObject({ name: 'ResponseTooLargeError', limit: MAX_ANSWER_BYTES, status });
      }
    });

    it('a gzip bomb as an error answer ends the same way', { timeout: 60_000 }, async () => {
      server.script({ gzipBomb: BOMB, status: 403 });
      const counting = countingFetch();
      const error = await fail(call(client({ fetch: counting.fetch })));
      expect(error).toMatchObject({ name: 'ResponseTooLargeError', limit: MAX_ANSWER_BYTES, status: 403 });
      expect(counting.counts[0]).toBeLessThan(4 * MAX_ANSWER_BYTES);
    });

    it('a download larger than the answer promised (or than maxBytes) stops early with a typed error', { timeout: 60_000 }, async () => {
      server.script({ stream: BOMB });
      const output = adapter.layer(`${server.url}/layer.zip`, archive);
      const error = await fail(client().downloadLayerVersion(output as never, { allowHttp: true, maxBytes: 1024 * 1024 }));
      if (adapter.sizeKnown) expect(error).toMatchObject({ name: 'IntegrityError', check: 'size', expected: String(archive.length) });
      else expect(error).toMatchObject({ name: 'ResponseTooLargeError', limit: 1024 * 1024 });
      expect(error).toBeInstanceOf(ClientError);
      await vi.waitFor(() => expect(server.streamed[0]).toBeDefined());
      expect(server.streamed[0]!.finished).toBe(false);
      expect(server.streamed[0]!.sent).toBeLessThan(BOMB / 2);
    });

    it('a gzip bomb as the archive stops at the bound too', { timeout: 60_000 }, async () => {
      server.script({ gzipBomb: BOMB });
      const counting = countingFetch();
      const output = adapter.layer(`${server.url}/layer.zip`, archive);
      const error = await fail(client({ fetch: counting.fetch }).downloadLayerVersion(output as never, { allowHttp: true, maxBytes: 1024 * 1024 }));
      expect(error).toBeInstanceOf(adapter.sizeKnown ? IntegrityError : ResponseTooLargeError);
      expect(counting.counts[0]).toBeLessThan(4 * 1024 * 1024);
    });
  });

  describe(`${adapter.name}: redirects`, () => {
    it('the API call follows no redirect: InvalidResponseError names the status and Location, the other host gets nothing', async () => {
      const location = `${other.url}/elsewhere`;
      server.script({ redirect: location, status: 307 });
      other.script(adapter.ok);
      const error = await fail(call(client({ credentials: adapter.keys })));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ status: 307 });
      expect((error as Error).message).toContain('307');
      expect((error as Error).message).toContain(location);
      expect(other.requests).toHaveLength(0);
      expect(server.requests).toHaveLength(1);
    });

    it('a download follows a redirect to the archive, sending no credentials there', async () => {
      server.script({ redirect: `${other.url}/archive.zip`, status: 302 }, adapter.ok);
      other.script({ stream: archive.length });
      // The archive host answers zeros: give the answer their digest.
      const zeros = new Uint8Array(archive.length);
      const bytes = await client().downloadLayerVersion(adapter.layer(`${server.url}/layer.zip`, zeros) as never, { allowHttp: true });
      expect(bytes).toEqual(zeros);
      expect(other.requests).toHaveLength(1);
      const headers = other.requests[0]!.headers;
      for (const name of [adapter.signing.header, adapter.signing.tokenHeader, 'cookie']) expect(headers[name.toLowerCase()]).toBeUndefined();
    });

    it('a download follows no redirect to http: unless allowHttp, and at most a few redirects', async () => {
      other.script({ stream: archive.length });
      const target = `${other.url}/archive.zip`;
      // The location is https:, answered by this fetch, which redirects to the http: host.
      const fetch = async (request: Request) =>
        request.url.startsWith('https:') ? new Response(null, { status: 302, headers: { location: target } }) : globalThis.fetch(request);
      const error = await fail(client({ fetch }).downloadLayerVersion(adapter.layer('https://archive.example/layer.zip', archive) as never));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toContain(target);
      expect(other.requests).toHaveLength(0);

      server.script({ redirect: `${server.url}/again`, status: 302 });
      const loop = await fail(client().downloadLayerVersion(adapter.layer(`${server.url}/layer.zip`, archive) as never, { allowHttp: true }));
      expect(loop).toBeInstanceOf(InvalidResponseError);
      expect((loop as Error).message).toMatch(/redirect/);
      expect(server.requests.length).toBeLessThan(20);
    });
  });

  describe(`${adapter.name}: timeouts`, () => {
    it('every attempt has a default timeout, which covers a body that drips', { timeout: 60_000 }, async () => {
      server.script('drip');
      const error = await fail(call(client({ retry: { baseDelayMs: 1, defaultTimeoutMs: 500 } })));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ timeoutMs: 500, attempts: 1 });
    });

    it(`the default is ${DEFAULT_TIMEOUT_MS} ms per attempt`, { timeout: 60_000 }, async () => {
      // Record the limit each attempt's deadline asks for, and let it fire soon.
      const realStart = deadlines.start.bind(deadlines);
      const asked: number[] = [];
      vi.spyOn(deadlines, 'start').mockImplementation((onTimeout, ms) => {
        asked.push(ms);
        return realStart(onTimeout, 50);
      });
      try {
        const error = await fail(call(client({ fetch: hang, maxAttempts: 2 })));
        expect(error).toBeInstanceOf(TimeoutError);
        expect(error).toMatchObject({ timeoutMs: DEFAULT_TIMEOUT_MS, attempts: 2 });
        expect(asked).toEqual([DEFAULT_TIMEOUT_MS, DEFAULT_TIMEOUT_MS]);
      } finally {
        vi.restoreAllMocks();
      }
    });

    it('a credentials provider that never answers is bounded by the timeout too', { timeout: 60_000 }, async () => {
      const error = await fail(call(client({ credentials: () => new Promise(() => {}), timeoutMs: 300 })));
      expect(error).toBeInstanceOf(TimeoutError);
    });

    it('a timeout no timer can hold is refused as an InvalidInputError, at creation and per download', async () => {
      for (const timeoutMs of [2 ** 31, Number.POSITIVE_INFINITY, 0]) {
        expect(() => client({ timeoutMs }), String(timeoutMs)).toThrow(InvalidInputError);
      }
      const error = await fail(client().downloadLayerVersion(adapter.layer('https://archive.example/x.zip', archive) as never, { timeoutMs: 2 ** 32 }));
      expect(error).toMatchObject({ name: 'InvalidInputError', field: 'timeoutMs' });
    });

    it('a download that drips ends in TimeoutError', { timeout: 60_000 }, async () => {
      server.script('drip');
      const error = await fail(client({ timeoutMs: 500 }).downloadLayerVersion(adapter.layer(`${server.url}/layer.zip`, archive) as never, { allowHttp: true }));
      expect(error).toBeInstanceOf(TimeoutError);
    });
  });

  describe(`${adapter.name}: secrets in error text`, () => {
    const clean = (error: unknown) => {
      const text = renderings(error);
      expect(text).not.toContain(adapter.secret);
      expect(text).not.toContain(adapter.token);
    };

    for (const [what, credentials] of [
      ['static credentials', () => adapter.keys],
      ['a credentials provider', () => async () => adapter.keys],
    ] as const) {
      it(`an error answer that quotes the request headers shows no secret (${what})`, async () => {
        server.script(adapter.errorQuoting(`${adapter.signing.tokenHeader}: ${adapter.token}; key ${adapter.secret}`));
        const error = await fail(call(client({ credentials: credentials() })));
        expect(error).toBeInstanceOf(ClientError);
        expect(server.requests[0]!.headers[adapter.signing.tokenHeader.toLowerCase()]).toBe(adapter.token);
        clean(error);
      });
    }

    it("a redirect whose Location quotes the token shows no secret, through openapi-fetch's method too", async () => {
      server.script({ redirect: `${other.url}/?token=${adapter.token}&key=${adapter.secret}` });
      for (const send of [(c: AnyClient) => call(c), (c: AnyClient) => adapter.raw(c)]) {
        const error = await fail(send(client()));
        expect(error).toBeInstanceOf(InvalidResponseError);
        expect((error as Error).message).toContain(other.url);
        clean(error);
      }
    });

    it('a credentials provider that fails quoting the secret leaks it nowhere', async () => {
      server.script(adapter.ok);
      const error = await fail(
        call(
          client({
            credentials: async () => {
              throw new Error(`cannot use ${adapter.secret} with ${adapter.token}`);
            },
          }),
        ),
      );
      expect(error).toMatchObject({ name: 'CredentialsError' });
      clean(error);
      expect(server.requests).toHaveLength(0);
    });

    it("a header HTTP cannot carry is refused before the entry's own transport sends anything, and not retried", async () => {
      server.script(adapter.ok);
      const error = await fail(client({ maxAttempts: 3 }).getLayerVersion(adapter.input as never, { headers: { 'x-a': 'a\r\nx-injected: 1' } }));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ field: 'headers["x-a"]' });
      expect(server.requests).toHaveLength(0);
    });

    it('an endpoint with a user name or password is refused at creation with InvalidInputError', () => {
      let error: unknown;
      try {
        client({ endpoint: `http://user:${adapter.secret}@127.0.0.1:1/` });
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ field: 'endpoint' });
      clean(error);
    });
  });

  describe(`${adapter.name}: what a download may write to`, () => {
    const folder = () => mkdtempSync(join(tmpdir(), 'layerspec-to-'));
    /** A client whose download must never start: the `to` check comes first. */
    const untouchable = () => {
      const calls: unknown[] = [];
      return {
        calls,
        downloadLayerVersion: async (...args: unknown[]) => {
          calls.push(args);
          throw new Error('the download started');
        },
      };
    };
    const socketAt = async (path: string) => {
      const listener = createServer();
      await new Promise<void>((done) => listener.listen(path, done));
      return listener;
    };

    it('refuses a device, a FIFO, a socket or a folder at `to`, before anything is sent', async () => {
      const dir = folder();
      execFileSync('mkfifo', [join(dir, 'fifo')]);
      mkdirSync(join(dir, 'folder'));
      const listener = await socketAt(join(dir, 'socket'));
      try {
        for (const to of ['/dev/null', join(dir, 'fifo'), join(dir, 'socket'), join(dir, 'folder')]) {
          const fake = untouchable();
          const error = await fail(adapter.downloadToFile(fake, adapter.layer('https://archive.example/x.zip', archive), { to }));
          expect(error, to).toBeInstanceOf(InvalidInputError);
          expect(error, to).toMatchObject({ field: 'to' });
          expect(fake.calls, to).toHaveLength(0);
        }
        expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
        expect(statSync(join(dir, 'fifo')).isFIFO()).toBe(true);
      } finally {
        listener.close();
      }
    });

    it('refuses a missing folder or a NUL byte in `to`, before anything is sent', async () => {
      const dir = folder();
      for (const to of [join(dir, 'missing', 'layer.zip'), join(dir, 'a\0b.zip')]) {
        const fake = untouchable();
        const error = await fail(adapter.downloadToFile(fake, {}, { to }));
        expect(error, to).toBeInstanceOf(InvalidInputError);
        expect(error, to).toMatchObject({ field: 'to' });
        expect(fake.calls).toHaveLength(0);
      }
    });

    it("keeps an existing file's mode when replacing it", async () => {
      const dir = folder();
      const to = join(dir, 'layer.zip');
      writeFileSync(to, 'previous');
      chmodSync(to, 0o600);
      server.script({ stream: archive.length });
      const zeros = new Uint8Array(archive.length);
      await adapter.downloadToFile(client(), adapter.layer(`${server.url}/layer.zip`, zeros), { to, allowHttp: true });
      expect(statSync(to).mode & 0o777).toBe(0o600);
      expect(statSync(to).size).toBe(archive.length);
      expect(readdirSync(dir)).toEqual(['layer.zip']);
    });

    it('refuses a folder that appears at `to` during the download, and leaves no temporary file', async () => {
      const dir = folder();
      const to = join(dir, 'layer.zip');
      server.script({ stream: archive.length });
      // `to` is checked before sending and again before writing: a folder made in between is refused too.
      const real = client() as { downloadLayerVersion(...args: unknown[]): Promise<Uint8Array> };
      const racing = {
        downloadLayerVersion: async (...args: unknown[]) => {
          const bytes = await real.downloadLayerVersion(...args);
          mkdirSync(to);
          return bytes;
        },
      };
      const zeros = new Uint8Array(archive.length);
      await expect(adapter.downloadToFile(racing, adapter.layer(`${server.url}/layer.zip`, zeros), { to, allowHttp: true })).rejects.toMatchObject({
        name: 'InvalidInputError',
        field: 'to',
      });
      expect(readdirSync(dir)).toEqual(['layer.zip']);
      expect(readdirSync(to)).toEqual([]);
    });
  });
}

/** SHA-256 of bytes, as base64 and as hex. */
export function digestOf(bytes: Uint8Array): { base64: string; hex: string } {
  const hash = createHash('sha256').update(bytes);
  const copy = hash.copy();
  return { base64: hash.digest('base64'), hex: copy.digest('hex') };
}
