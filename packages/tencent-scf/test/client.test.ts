// getLayerVersion with an injected fetch: success, every documented error code, retries and
// backoff (fake timers), timeouts, abort and input checks.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvalidInputError, InvalidResponseError, NetworkError, TencentCloudError, TimeoutError, createScfClient, signTc3, type ScfClientOptions } from '../src/index.js';
import { describeRefusedOptions } from '../../client-runtime/testing/refused-options.js';
import { credentials, drain as drainWith, envelopes, fakeFetch, hang, json, spec, successExample, until } from './helpers.js';

const drain = <T>(promise: Promise<T>) =>
  drainWith(
    promise,
    () => vi.runOnlyPendingTimersAsync(),
    () => vi.getTimerCount(),
  );
const input = { LayerName: 'layer3', LayerVersion: 1 };
const client = (fetch: ScfClientOptions['fetch'], extra: Partial<ScfClientOptions> = {}) =>
  createScfClient({ region: 'ap-guangzhou', credentials, fetch, retry: { random: () => 0.5 }, ...extra });
const errorEnvelope = (Code: string, Message = 'm') => json({ Response: { Error: { Code, Message }, RequestId: `req-${Code}` } });

describe('getLayerVersion', () => {
  it('resolves to the typed Response of a success, RequestId included', async () => {
    const body = successExample();
    const { fetch, requests } = fakeFetch(json(body));
    await expect(client(fetch).getLayerVersion(input)).resolves.toEqual(body.Response);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('https://scf.tencentcloudapi.com/');
    expect(requests[0]!.headers.get('authorization')).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDTESTSECRETID000001\/\d{4}-\d{2}-\d{2}\/scf\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/,
    );
  });

  it("passes per-call headers along, signed as on AWS (the API 3.0 headers stay unsigned, as in Tencent's SDKs)", async () => {
    const { fetch, requests } = fakeFetch(json(successExample()));
    await client(fetch).getLayerVersion(input, { headers: { 'x-trace': 'abc' } });
    const sent = requests[0]!;
    expect(sent.headers.get('x-trace')).toBe('abc');
    expect(sent.headers.get('authorization')).toMatch(/SignedHeaders=content-type;host;x-trace, /);
    const { authorization } = await signTc3({
      method: 'POST',
      url: sent.url,
      headers: { 'content-type': sent.headers.get('content-type')!, host: new URL(sent.url).hostname, 'x-trace': 'abc' },
      payload: await sent.clone().text(),
      timestamp: Number(sent.headers.get('x-tc-timestamp')),
      service: 'scf',
      secretId: credentials.secretId,
      secretKey: credentials.secretKey,
    });
    expect(sent.headers.get('authorization')).toBe(authorization);
  });

  it('sends the API 3.0 headers: action, version, timestamp, region, language and token', async () => {
    const { fetch, requests } = fakeFetch(json(successExample()));
    await client(fetch, { language: 'en-US', credentials: { ...credentials, token: 'TOKEN-0123456789' } }).getLayerVersion(input);
    const headers = requests[0]!.headers;
    expect(headers.get('x-tc-action')).toBe('GetLayerVersion');
    expect(headers.get('x-tc-version')).toBe('2018-04-16');
    expect(Math.abs(Number(headers.get('x-tc-timestamp')) - Date.now() / 1000)).toBeLessThan(60);
    expect(headers.get('x-tc-region')).toBe('ap-guangzhou');
    expect(headers.get('x-tc-language')).toBe('en-US');
    expect(headers.get('x-tc-token')).toBe('TOKEN-0123456789');
  });

  it('exposes the typed openapi-fetch POST with signing', async () => {
    const { fetch, requests } = fakeFetch(json(successExample()));
    const { data } = await client(fetch).POST('/#GetLayerVersion', {
      params: { header: { 'X-TC-Action': 'GetLayerVersion', 'X-TC-Version': '2018-04-16', 'X-TC-Timestamp': 0 } },
      body: input,
    });
    expect(data?.Response.RequestId).toBe(successExample().Response.RequestId);
    expect(Number(requests[0]!.headers.get('x-tc-timestamp'))).toBeGreaterThan(0);
    expect(requests[0]!.headers.get('authorization')).toMatch(/^TC3-HMAC-SHA256 /);
  });
});

describe('every documented error code reaches the caller as TencentCloudError', () => {
  const schemas = spec.components.schemas;
  const codes: string[] = [...new Set<string>([...schemas.ActionErrorCode.enum, ...schemas.CommonErrorCode.enum])];

  it('covers the four codes of the action and the common codes', () => {
    expect(codes).toEqual(expect.arrayContaining(['ResourceNotFound.LayerVersion', 'UnauthorizedOperation.CAM', 'AuthFailure.SignatureFailure', 'RequestLimitExceeded']));
  });

  for (const code of codes) {
    it(code, async () => {
      const { fetch } = fakeFetch(errorEnvelope(code, `message of ${code}`));
      const error = await client(fetch, { maxAttempts: 1 })
        .getLayerVersion(input)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TencentCloudError);
      expect(error).toMatchObject({ name: 'TencentCloudError', code, message: `message of ${code}`, requestId: `req-${code}` });
    });
  }

  it('every error example of the spec is an error, never data, with HTTP 200', async () => {
    const errors = envelopes().filter((e) => e.Response.Error);
    expect(errors.length).toBeGreaterThan(10);
    for (const example of errors) {
      const error = await client(fakeFetch(json(example)).fetch, { maxAttempts: 1 })
        .getLayerVersion(input)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TencentCloudError);
      expect(error).toMatchObject({ code: example.Response.Error.Code, message: example.Response.Error.Message, requestId: example.Response.RequestId });
    }
  });

  it('an undocumented code still arrives with its code', async () => {
    const error = await client(fakeFetch(errorEnvelope('FailedOperation.Brand.New')).fetch)
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FailedOperation.Brand.New' });
  });
});

describe('retries', () => {
  beforeEach(() => {
    // Only timers: Web Crypto and body streams need the real event loop.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const code of ['RequestLimitExceeded', 'RequestLimitExceeded.UinLimitExceeded', 'InternalError', 'InternalError.System']) {
    it(`retries ${code} with backoff, then succeeds`, async () => {
      const { fetch, requests } = fakeFetch(errorEnvelope(code), json(successExample()));
      const pending = client(fetch, { retry: { random: () => 0.5, baseDelayMs: 100 } }).getLayerVersion(input);
      await until(() => vi.getTimerCount() === 1);
      await vi.advanceTimersByTimeAsync(49);
      expect(requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await until(() => requests.length === 2);
      await expect(pending).resolves.toMatchObject({ LayerName: 'layer3' });
      // A retry is signed afresh.
      expect(requests[1]!.headers.get('authorization')).toMatch(/^TC3-HMAC-SHA256 /);
    });
  }

  it('stops after maxAttempts (default 3) with the typed error', async () => {
    const { fetch, requests } = fakeFetch(errorEnvelope('RequestLimitExceeded'));
    const error = await drain(
      client(fetch)
        .getLayerVersion(input)
        .catch((e: unknown) => e),
    );
    expect(requests).toHaveLength(3);
    expect(error).toMatchObject({ code: 'RequestLimitExceeded' });
  });

  it('never retries other errors', async () => {
    for (const code of ['ResourceNotFound.LayerVersion', 'AuthFailure.SignatureFailure', 'InvalidParameterValue', 'UnauthorizedOperation.CAM']) {
      const { fetch, requests } = fakeFetch(errorEnvelope(code));
      const error = await drain(
        client(fetch)
          .getLayerVersion(input)
          .catch((e: unknown) => e),
      );
      expect(requests).toHaveLength(1);
      expect(error).toMatchObject({ code });
    }
  });

  it('retries a 5xx from a proxy and honours Retry-After', async () => {
    const { fetch, requests } = fakeFetch(new Response('<html>502</html>', { status: 502, headers: { 'Retry-After': '3' } }), json(successExample()));
    const pending = client(fetch).getLayerVersion(input);
    await until(() => vi.getTimerCount() === 1);
    await vi.advanceTimersByTimeAsync(2999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => requests.length === 2);
    await expect(pending).resolves.toBeTruthy();
  });

  it('retries network errors, then rejects with NetworkError', async () => {
    const { fetch, requests } = fakeFetch(new TypeError('fetch failed'));
    const error = await drain(
      client(fetch)
        .getLayerVersion(input)
        .catch((e: unknown) => e),
    );
    expect(requests).toHaveLength(3);
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('rejects with TimeoutError when every attempt times out', async () => {
    const { fetch, requests } = fakeFetch(hang);
    const error = await drain(
      client(fetch, { timeoutMs: 300 })
        .getLayerVersion(input)
        .catch((e: unknown) => e),
    );
    expect(requests).toHaveLength(3);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("the caller's signal aborts everything at once", async () => {
    const { fetch, requests } = fakeFetch(errorEnvelope('RequestLimitExceeded'));
    const controller = new AbortController();
    const pending = client(fetch)
      .getLayerVersion(input, { signal: controller.signal })
      .catch((e: unknown) => e);
    await until(() => vi.getTimerCount() === 1);
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
    expect(requests).toHaveLength(1);
  });
});

describe('answers that break the contract', () => {
  it('a cut-off body is an InvalidResponseError with the cause', async () => {
    const error = await client(fakeFetch(new Response('{"Response": {"Lay')).fetch)
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('an answer without the envelope is an InvalidResponseError', async () => {
    const error = await client(fakeFetch(json({ LayerName: 'x' })).fetch)
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it('a body that breaks the schema is rejected only with validateResponses', async () => {
    const bad = structuredClone(successExample());
    bad.Response.CodeSha256 = 'NOT-HEX';
    await expect(client(fakeFetch(json(bad)).fetch).getLayerVersion(input)).resolves.toMatchObject({ CodeSha256: 'NOT-HEX' });
    const error = await client(fakeFetch(json(bad)).fetch, { validateResponses: true })
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('CodeSha256');
  });

  it('every success example of the spec passes validateResponses', async () => {
    for (const example of envelopes().filter((e) => !e.Response.Error)) {
      await expect(client(fakeFetch(json(example)).fetch, { validateResponses: true }).getLayerVersion(input)).resolves.toEqual(example.Response);
    }
  });
});

describe('input checks (nothing is sent)', () => {
  const bad: Array<[unknown, string, RegExp]> = [
    [{ LayerName: '', LayerVersion: 1 }, 'LayerName', /at least 1 characters long/],
    [{ LayerName: '1layer', LayerVersion: 1 }, 'LayerName', /must match the pattern/],
    [{ LayerName: 'layer-', LayerVersion: 1 }, 'LayerName', /must match the pattern/],
    [{ LayerName: 'a/../b', LayerVersion: 1 }, 'LayerName', /must match the pattern/],
    [{ LayerName: 'a'.repeat(65), LayerVersion: 1 }, 'LayerName', /at most 64/],
    [{ LayerVersion: 1 }, 'LayerName', /is required/],
    [{ LayerName: 'layer3', LayerVersion: -1 }, 'LayerVersion', /at least 0/],
    [{ LayerName: 'layer3', LayerVersion: 0.5 }, 'LayerVersion', /must be an integer/],
    [{ LayerName: 'layer3', LayerVersion: Infinity }, 'LayerVersion', /must be an integer/],
    [{ LayerName: 'layer3', LayerVersion: 2 ** 60 }, 'LayerVersion', /safe integer/],
    [{ LayerName: 'layer3' }, 'LayerVersion', /is required/],
  ];
  for (const [value, field, rule] of bad) {
    it(`rejects ${JSON.stringify(value)} naming ${field}`, async () => {
      const { fetch, requests } = fakeFetch(json(successExample()));
      const error = await client(fetch)
        .getLayerVersion(value as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ field });
      expect((error as InvalidInputError).rule).toMatch(rule);
      expect(requests).toHaveLength(0);
    });
  }

  it('accepts version 0, which the spec allows', async () => {
    await expect(client(fakeFetch(json(successExample())).fetch).getLayerVersion({ LayerName: 'abc', LayerVersion: 0 })).resolves.toBeTruthy();
  });

  it('rejects bad client options naming the option', () => {
    expect(() => createScfClient({ region: 'Guangzhou!', credentials })).toThrow(/^region /);
    expect(() => createScfClient({ credentials, language: 'fr-FR' as never })).toThrow(/^language /);
    expect(() => createScfClient({ credentials, maxAttempts: 1.5 })).toThrow(/^maxAttempts /);
  });

  describeRefusedOptions({ create: (options) => createScfClient({ region: 'ap-guangzhou', credentials, ...options }), input, keys: credentials, ok: successExample() });
});

describe('credentials', () => {
  it('a failing credentials provider ends the call at once with CredentialsError and its cause', async () => {
    const { fetch, requests } = fakeFetch(json(successExample()));
    const client = createScfClient({
      region: 'ap-guangzhou',
      fetch,
      credentials: async () => {
        throw new Error('metadata service unreachable');
      },
    });
    const error = await client.getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CredentialsError', message: 'the credentials provider failed' });
    // The provider's message may quote a secret the client has not seen yet: only its name is kept.
    expect((error as Error).cause).toMatchObject({ name: 'Error', message: '(message withheld: it may quote a secret)' });
    expect(requests).toHaveLength(0);
  });

  it('credentials without a secret are an InvalidInputError naming credentials, and nothing is sent', async () => {
    const { fetch, requests } = fakeFetch(json(successExample()));
    const client = createScfClient({ region: 'ap-guangzhou', fetch, credentials: () => ({ secretId: 'AKID0000000000001', secretKey: '' }) });
    await expect(client.getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 })).rejects.toMatchObject({ name: 'InvalidInputError', field: 'credentials' });
    expect(requests).toHaveLength(0);
  });
});
