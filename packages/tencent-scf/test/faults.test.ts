// Faults under the client, over real sockets. The client retries only what is
// retryable, within maxAttempts and the caller's deadline, and surfaces a typed error with the cause.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from '../../client-runtime/testing/fault-server.js';
import { InvalidResponseError, NetworkError, TencentCloudError, TimeoutError, createScfClient, type ScfClientOptions } from '../src/index.js';
import { credentials, successExample } from './helpers.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

const input = { LayerName: 'layer3', LayerVersion: 1 };
const ok = { status: 200, body: successExample() };
const error = (Code: string) => ({ status: 200, body: { Response: { Error: { Code, Message: 'm' }, RequestId: 'r' } } });
const client = (extra: Partial<ScfClientOptions> = {}) =>
  createScfClient({ region: 'ap-guangzhou', credentials, endpoint: server.url, retry: { baseDelayMs: 10 }, ...extra });

describe('faults under the Tencent client', () => {
  it('a dropped connection is retried, then the answer arrives', async () => {
    server.script('drop', 'drop', ok);
    await expect(client().getLayerVersion(input)).resolves.toMatchObject({ LayerVersion: 1 });
    expect(server.requests).toHaveLength(3);
  });

  it('connections dropped every time end in NetworkError with the cause', async () => {
    server.script('drop');
    const failure = await client()
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NetworkError);
    expect((failure as Error).cause).toBeInstanceOf(Error);
    expect(server.requests).toHaveLength(3);
  });

  // Timeouts are generous so that every attempt reaches the server even on a loaded CI machine.
  it('stalls are retried after timeoutMs and end in TimeoutError when they persist', { timeout: 30_000 }, async () => {
    server.script('stall', ok);
    await expect(client({ timeoutMs: 2000 }).getLayerVersion(input)).resolves.toMatchObject({ LayerVersion: 1 });
    server.script('stall');
    const failure = await client({ timeoutMs: 1000, maxAttempts: 2 })
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TimeoutError);
    expect(failure).toMatchObject({ attempts: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it("the caller's deadline ends everything", { timeout: 30_000 }, async () => {
    server.script('stall');
    const failure = await client({ maxAttempts: 10 })
      .getLayerVersion(input, { signal: AbortSignal.timeout(1500) })
      .catch((e: unknown) => e);
    expect((failure as Error).name).toBe('TimeoutError');
    expect(server.requests).toHaveLength(1);
  });

  it("a proxy's HTML 502 is retried, and is InvalidResponseError with its status when it persists", async () => {
    server.script('html502', ok);
    await expect(client().getLayerVersion(input)).resolves.toMatchObject({ LayerVersion: 1 });
    server.script('html502');
    const failure = await client()
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InvalidResponseError);
    expect(failure).toMatchObject({ status: 502 });
    expect(server.requests).toHaveLength(3);
  });

  it('a body cut off by a closed socket is retried; a complete answer with cut-off JSON is not', async () => {
    server.script('cut', ok);
    await expect(client().getLayerVersion(input)).resolves.toMatchObject({ LayerVersion: 1 });
    server.script('short');
    await expect(client().getLayerVersion(input)).rejects.toBeInstanceOf(InvalidResponseError);
    expect(server.requests).toHaveLength(1);
  });

  it('RequestLimitExceeded (HTTP 200) is retried, ResourceNotFound is not', async () => {
    server.script(error('RequestLimitExceeded'), ok);
    await expect(client().getLayerVersion(input)).resolves.toMatchObject({ LayerVersion: 1 });
    expect(server.requests).toHaveLength(2);
    server.script(error('ResourceNotFound.LayerVersion'));
    await expect(client().getLayerVersion(input)).rejects.toBeInstanceOf(TencentCloudError);
    expect(server.requests).toHaveLength(1);
  });

  it('429 with Retry-After waits as asked, then succeeds', async () => {
    server.script({ status: 429, headers: { 'Retry-After': '1' }, body: {} }, ok);
    await expect(client().getLayerVersion(input)).resolves.toMatchObject({ LayerVersion: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('200 with a body that breaks the schema is reported with validateResponses', async () => {
    server.script({ status: 200, body: { Response: { ...successExample().Response, LayerVersion: 'one' } } });
    const failure = await client({ validateResponses: true })
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InvalidResponseError);
    expect(server.requests).toHaveLength(1);
  });
});
