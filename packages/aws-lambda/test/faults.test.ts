// Faults under the client, over real sockets. The client retries only what is
// retryable, within maxAttempts and the caller's deadline, and surfaces a typed error with the cause.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from '../../client-runtime/testing/fault-server.js';
import { InvalidResponseError, LambdaError, NetworkError, TimeoutError, TooManyRequestsException, createLambdaClient, type LambdaClientOptions } from '../src/index.js';
import { credentials, successExample } from './helpers.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

const input = { LayerName: 'my-layer', VersionNumber: 1 };
const ok = { status: 200, headers: { 'x-amzn-RequestId': 'req-ok' }, body: successExample() };
const client = (extra: Partial<LambdaClientOptions> = {}) =>
  createLambdaClient({ region: 'us-east-1', credentials, endpoint: server.url, retry: { baseDelayMs: 10 }, ...extra });

describe('faults under the AWS client', () => {
  it('a dropped connection is retried, then the answer arrives', async () => {
    server.script('drop', 'drop', ok);
    await expect(client().getLayerVersion(input)).resolves.toMatchObject({ Version: 1 });
    expect(server.requests).toHaveLength(3);
  });

  it('connections dropped every time end in NetworkError with the cause, after maxAttempts', async () => {
    server.script('drop');
    const error = await client({ maxAttempts: 4 })
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).attempts).toBe(4);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(server.requests).toHaveLength(4);
  });

  // Timeouts are generous so that every attempt reaches the server even on a loaded CI machine.
  it('an answer that stalls past timeoutMs is retried', { timeout: 30_000 }, async () => {
    server.script('stall', ok);
    await expect(client({ timeoutMs: 2000 }).getLayerVersion(input)).resolves.toMatchObject({ Version: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('stalls every time end in TimeoutError', { timeout: 30_000 }, async () => {
    server.script('stall');
    const failure = await client({ timeoutMs: 1000, maxAttempts: 2 })
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TimeoutError);
    expect(failure).toMatchObject({ attempts: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it("the caller's deadline ends everything, however many attempts remain", { timeout: 30_000 }, async () => {
    server.script('stall');
    const error = await client({ maxAttempts: 10 })
      .getLayerVersion(input, { signal: AbortSignal.timeout(1500) })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    expect(error).not.toBeInstanceOf(TimeoutError); // the caller's own reason, not ours
    expect(server.requests).toHaveLength(1);
  });

  it("a proxy's HTML 502 is retried, and surfaces as LambdaError 502 when it persists", async () => {
    server.script('html502', ok);
    await expect(client().getLayerVersion(input)).resolves.toMatchObject({ Version: 1 });
    server.script('html502');
    const error = await client()
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LambdaError);
    expect(error).toMatchObject({ name: 'UnknownError', status: 502 });
    expect(server.requests).toHaveLength(3);
  });

  it('a body cut off by a closed socket is retried like a network error', async () => {
    server.script('cut', ok);
    await expect(client().getLayerVersion(input)).resolves.toMatchObject({ Version: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('a complete answer with cut-off JSON is InvalidResponseError, not retried', async () => {
    server.script('short');
    const error = await client()
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(server.requests).toHaveLength(1);
  });

  it('429 with Retry-After waits as asked, then succeeds', async () => {
    server.script({ status: 429, headers: { 'x-amzn-ErrorType': 'TooManyRequestsException', 'Retry-After': '1' }, body: { message: 'Rate exceeded' } }, ok);
    await expect(client().getLayerVersion(input)).resolves.toMatchObject({ Version: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('429 asking for longer than the client would wait surfaces at once with retryAfterSeconds', async () => {
    server.script({ status: 429, headers: { 'x-amzn-ErrorType': 'TooManyRequestsException', 'Retry-After': '3600' }, body: { message: 'Rate exceeded' } });
    const error = await client()
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect((error as TooManyRequestsException).retryAfterSeconds).toBe(3600);
    expect(server.requests).toHaveLength(1);
  });

  it('200 with a body that breaks the schema is reported with validateResponses', async () => {
    server.script({ status: 200, body: { ...successExample(), CreatedDate: 'yesterday', Content: { CodeSize: -1 } } });
    const error = await client({ validateResponses: true })
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/schema/);
    expect(server.requests).toHaveLength(1);
  });
});
