// getLayerVersion with an injected fetch: success, every documented error, retries and
// backoff (fake timers), timeouts, abort and input checks.
import lambdaModel from '@layerspec/specs/model/aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  InvalidInputError,
  InvalidParameterValueException,
  InvalidResponseError,
  LambdaError,
  NetworkError,
  ResourceNotFoundException,
  ServiceException,
  TimeoutError,
  TooManyRequestsException,
  createLambdaClient,
  type LambdaClientOptions,
} from '../src/index.js';
import { rules } from '../src/generated/rules.js';
import { describeRefusedOptions } from '../../client-runtime/testing/refused-options.js';
import { credentials, deref, drain as drainWith, fakeFetch, hang, json, spec, successExample, until } from './helpers.js';

const drain = <T>(promise: Promise<T>) =>
  drainWith(
    promise,
    () => vi.runOnlyPendingTimersAsync(),
    () => vi.getTimerCount(),
  );

const input = { LayerName: 'my-layer', VersionNumber: 1 };
const client = (fetch: LambdaClientOptions['fetch'], extra: Partial<LambdaClientOptions> = {}) =>
  createLambdaClient({ region: 'us-east-1', credentials, fetch, retry: { random: () => 0.5 }, ...extra });

describe('getLayerVersion', () => {
  it('resolves to the typed body of a success', async () => {
    const body = successExample();
    const { fetch, requests } = fakeFetch(json(body, 200, { 'x-amzn-RequestId': 'req-1' }));
    await expect(client(fetch).getLayerVersion(input)).resolves.toEqual(body);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
    expect(requests[0]!.url).toBe('https://lambda.us-east-1.amazonaws.com/2018-10-31/layers/my-layer/versions/1');
  });

  it('passes per-call headers along, signed', async () => {
    const { fetch, requests } = fakeFetch(json(successExample()));
    await client(fetch).getLayerVersion(input, { headers: { 'x-trace': 'abc' } });
    expect(requests[0]!.headers.get('x-trace')).toBe('abc');
    expect(requests[0]!.headers.get('authorization')).toContain('x-trace');
  });

  it('exposes the typed openapi-fetch GET with signing', async () => {
    const { fetch, requests } = fakeFetch(json(successExample()));
    const { data, error } = await client(fetch).GET('/2018-10-31/layers/{LayerName}/versions/{VersionNumber}', {
      params: { path: input },
    });
    expect(error).toBeUndefined();
    expect(data?.Version).toBe(1);
    expect(requests[0]!.headers.get('authorization')).toMatch(/^AWS4-HMAC-SHA256 /);
  });
});

describe('every documented error reaches the caller as its typed error', () => {
  const expectedClass: Record<string, abstract new (...args: never[]) => LambdaError> = {
    InvalidParameterValueException,
    ResourceNotFoundException,
    TooManyRequestsException,
    ServiceException,
  };
  const op = spec.paths['/2018-10-31/layers/{LayerName}/versions/{VersionNumber}'].get;
  const cases: Array<{ status: number; name: string; example: any; headers: Record<string, string> }> = [];
  for (const [status, ref] of Object.entries<any>(op.responses)) {
    if (status === '200') continue;
    const response = deref(ref);
    const header = deref(response.headers['x-amzn-ErrorType']);
    const schema = deref(header.schema);
    const names: string[] = schema.const ? [schema.const] : schema.enum;
    const examples = Object.values<any>(response.content['application/json'].examples).map((e) => deref(e).value);
    for (const name of names) {
      const headers: Record<string, string> = { 'x-amzn-ErrorType': name, 'x-amzn-RequestId': `req-${name}` };
      if (response.headers['Retry-After']) headers['Retry-After'] = '1';
      cases.push({ status: Number(status), name, example: examples[0], headers });
    }
  }

  it('covers all the spec documents (four operation errors and the authentication errors)', () => {
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(Object.keys(expectedClass)));
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  for (const { status, name, example, headers } of cases) {
    it(`${status} ${name}`, async () => {
      const { fetch } = fakeFetch(json(example, status, headers));
      const error = await client(fetch, { maxAttempts: 1 })
        .getLayerVersion(input)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LambdaError);
      expect(error).toBeInstanceOf(expectedClass[name] ?? LambdaError);
      const lambdaError = error as LambdaError;
      expect(lambdaError.name).toBe(name);
      expect(lambdaError.status).toBe(status);
      expect(lambdaError.requestId).toBe(`req-${name}`);
      expect(lambdaError.message).toBe(example.message ?? example.Message);
      // The one error design: code, and the kind and retryability the model gives the error.
      const entry = lambdaModel.errors.entries.find((e) => e.code === name)!;
      expect(lambdaError).toMatchObject({ code: name, kind: entry.kind, retryable: entry.retryable });
      if (error instanceof TooManyRequestsException) {
        expect(error.reason).toBe(example.Reason);
        expect(error.retryAfterSeconds).toBe(1);
      }
    });
  }

  it('an undocumented error name arrives as LambdaError with that name', async () => {
    const { fetch } = fakeFetch(json({ message: 'nope' }, 400, { 'x-amzn-ErrorType': 'KMSAccessDeniedException:http://internal.amazon.com/coral/' }));
    const error = await client(fetch)
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LambdaError);
    expect(error).not.toBeInstanceOf(InvalidParameterValueException);
    expect(error).toMatchObject({ name: 'KMSAccessDeniedException', message: 'nope', status: 400 });
  });

  it("reads the error name within x-amzn-ErrorType by the model's code format (a namespace before #, a URL after :)", async () => {
    expect(rules.errorAt.codeFormat).toBe(lambdaModel.errors.codeFormat);
    const { fetch } = fakeFetch(json({ Message: 'gone' }, 404, { 'x-amzn-ErrorType': 'com.amazon.coral#ResourceNotFoundException:http://x' }));
    const error = await client(fetch)
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', code: 'ResourceNotFoundException', kind: 'not-found', retryable: false });
  });

  it("reads TooManyRequestsException's reason, wait and origin where the model puts each concept, the header's wait first", async () => {
    const at = (concept: string) => rules.errorAt.details[concept as keyof typeof rules.errorAt.details];
    expect(at('throttle-reason')).toEqual([{ in: 'body', path: ['Reason'] }]);
    expect(at('retry-after')).toEqual([
      { in: 'header', name: 'Retry-After' },
      { in: 'body', path: ['retryAfterSeconds'] },
    ]);
    const body = { message: 'Rate exceeded', Reason: 'CallerRateLimitExceeded', retryAfterSeconds: '5', Type: 'User' };
    const answers = fakeFetch(
      json(body, 429, { 'x-amzn-ErrorType': 'TooManyRequestsException' }),
      json(body, 429, { 'x-amzn-ErrorType': 'TooManyRequestsException', 'Retry-After': '2' }),
    );
    const lambda = client(answers.fetch, { maxAttempts: 1 });
    for (const seconds of [5, 2]) {
      const error = await lambda.getLayerVersion(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TooManyRequestsException);
      expect(error).toMatchObject({ reason: 'CallerRateLimitExceeded', retryAfterSeconds: seconds, type: 'User' });
    }
  });

  it('without x-amzn-ErrorType an error answer is LambdaError named UnknownError', async () => {
    const { fetch } = fakeFetch(new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await client(fetch, { maxAttempts: 1 })
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnknownError', status: 502, message: 'HTTP 502' });
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

  const throttled = () => json({ message: 'Rate exceeded' }, 429, { 'x-amzn-ErrorType': 'TooManyRequestsException' });
  const failed = () => json({ Message: 'boom' }, 500, { 'x-amzn-ErrorType': 'ServiceException' });

  it('backs off exponentially with full jitter between attempts, then succeeds', async () => {
    const { fetch, requests } = fakeFetch(throttled(), failed(), json(successExample()));
    const pending = client(fetch, { maxAttempts: 3, retry: { random: () => 0.5, baseDelayMs: 100 } }).getLayerVersion(input);
    await until(() => vi.getTimerCount() === 1);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(49); // 0.5 * 100
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => vi.getTimerCount() === 1);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(99); // 0.5 * 200
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => requests.length === 3);
    expect(requests).toHaveLength(3);
    await expect(pending).resolves.toMatchObject({ Version: 1 });
  });

  it('caps the backoff at maxDelayMs', async () => {
    const { fetch, requests } = fakeFetch(failed());
    const pending = client(fetch, { maxAttempts: 5, retry: { random: () => 0.999, baseDelayMs: 1000, maxDelayMs: 1500 } })
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    const delays: number[] = [];
    for (let attempt = 1; attempt < 5; attempt++) {
      await until(() => vi.getTimerCount() === 1);
      const before = Date.now();
      await vi.runOnlyPendingTimersAsync();
      delays.push(Date.now() - before);
    }
    expect(delays).toEqual([999, 1498, 1498, 1498]);
    expect(await pending).toBeInstanceOf(ServiceException);
    expect(requests).toHaveLength(5);
  });

  it('honours Retry-After', async () => {
    const { fetch, requests } = fakeFetch(
      json({ message: 'slow down' }, 429, { 'x-amzn-ErrorType': 'TooManyRequestsException', 'Retry-After': '2' }),
      json(successExample()),
    );
    const pending = client(fetch).getLayerVersion(input);
    await until(() => vi.getTimerCount() === 1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => requests.length === 2);
    expect(requests).toHaveLength(2);
    await expect(pending).resolves.toBeTruthy();
  });

  it('stops after maxAttempts (default 3) and surfaces the last typed error', async () => {
    const { fetch, requests } = fakeFetch(throttled());
    const error = await drain(
      client(fetch)
        .getLayerVersion(input)
        .catch((e: unknown) => e),
    );
    expect(requests).toHaveLength(3);
    expect(error).toBeInstanceOf(TooManyRequestsException);
  });

  it('never retries other client errors', async () => {
    for (const [status, name] of [
      [400, 'InvalidParameterValueException'],
      [404, 'ResourceNotFoundException'],
      [403, 'InvalidSignatureException'],
    ] as const) {
      const { fetch, requests } = fakeFetch(json({ message: 'x', Message: 'x' }, status, { 'x-amzn-ErrorType': name }));
      const error = await drain(
        client(fetch)
          .getLayerVersion(input)
          .catch((e: unknown) => e),
      );
      expect(requests).toHaveLength(1);
      expect(error).toMatchObject({ name });
    }
  });

  it('retries network errors and then rejects with NetworkError carrying the cause', async () => {
    const { fetch, requests } = fakeFetch(new TypeError('fetch failed'));
    const error = await drain(
      client(fetch)
        .getLayerVersion(input)
        .catch((e: unknown) => e),
    );
    expect(requests).toHaveLength(3);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).attempts).toBe(3);
    expect(((error as NetworkError).cause as Error).message).toBe('fetch failed');
  });

  it('times out an attempt after timeoutMs and tries again', async () => {
    const { fetch, requests } = fakeFetch(hang, json(successExample()));
    // Each attempt's deadline runs on real time (500 ms here): the runtime takes its timers before any are faked.
    const pending = client(fetch, { timeoutMs: 500, retry: { random: () => 0 } }).getLayerVersion(input);
    await until(() => requests.length === 1);
    await until(() => vi.getTimerCount() === 1, 30_000); // the zero backoff
    await vi.runOnlyPendingTimersAsync();
    await until(() => requests.length === 2);
    expect(requests).toHaveLength(2);
    await expect(pending).resolves.toMatchObject({ Version: 1 });
  });

  it('rejects with TimeoutError when every attempt times out', async () => {
    const { fetch, requests } = fakeFetch(hang);
    const error = await drain(
      client(fetch, { timeoutMs: 500, maxAttempts: 2 })
        .getLayerVersion(input)
        .catch((e: unknown) => e),
    );
    expect(requests).toHaveLength(2);
    expect(error).toMatchObject({ name: 'TimeoutError', attempts: 2, timeoutMs: 500 });
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("the caller's signal aborts a waiting backoff at once and sends nothing more", async () => {
    const { fetch, requests } = fakeFetch(throttled());
    const controller = new AbortController();
    const pending = client(fetch)
      .getLayerVersion(input, { signal: controller.signal })
      .catch((e: unknown) => e);
    await until(() => vi.getTimerCount() === 1);
    expect(requests).toHaveLength(1);
    controller.abort();
    const error = await pending;
    expect((error as Error).name).toBe('AbortError');
    expect(vi.getTimerCount()).toBe(0);
    expect(requests).toHaveLength(1);
  });

  it("the caller's signal aborts an attempt in flight", async () => {
    const { fetch, requests } = fakeFetch(hang);
    const controller = new AbortController();
    const pending = client(fetch)
      .getLayerVersion(input, { signal: controller.signal })
      .catch((e: unknown) => e);
    await until(() => requests.length === 1);
    controller.abort(new Error('caller gave up'));
    expect(await pending).toMatchObject({ message: 'caller gave up' });
    expect(requests).toHaveLength(1);
  });
});

describe('answers that break the contract', () => {
  it('a cut-off JSON body is an InvalidResponseError with the cause', async () => {
    const { fetch } = fakeFetch(new Response('{"Version": 1, "Cont', { status: 200, headers: { 'x-amzn-RequestId': 'r9' } }));
    const error = await client(fetch)
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: 'r9' });
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('a body that breaks the schema passes silently by default and is rejected with validateResponses', async () => {
    const bad = { ...successExample(), Version: 'one' };
    await expect(client(fakeFetch(json(bad)).fetch).getLayerVersion(input)).resolves.toMatchObject({ Version: 'one' });
    const error = await client(fakeFetch(json(bad)).fetch, { validateResponses: true })
      .getLayerVersion(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('$.Version');
  });

  it('every success example of the spec passes validateResponses', async () => {
    const ok = spec.paths['/2018-10-31/layers/{LayerName}/versions/{VersionNumber}'].get.responses['200'];
    for (const example of Object.values<any>(ok.content['application/json'].examples)) {
      const body = deref(example).value;
      await expect(client(fakeFetch(json(body)).fetch, { validateResponses: true }).getLayerVersion(input)).resolves.toEqual(body);
    }
  });
});

describe('input checks (nothing is sent)', () => {
  const bad: Array<[unknown, string, RegExp]> = [
    [{ LayerName: '', VersionNumber: 1 }, 'LayerName', /at least 1 characters long/],
    [{ LayerName: 'my layer', VersionNumber: 1 }, 'LayerName', /must match the pattern/],
    [{ LayerName: '../etc', VersionNumber: 1 }, 'LayerName', /must match the pattern/],
    [{ LayerName: 'a'.repeat(141), VersionNumber: 1 }, 'LayerName', /at most 140/],
    [{ LayerName: 42, VersionNumber: 1 }, 'LayerName', /must be a string/],
    [{ VersionNumber: 1 }, 'LayerName', /is required/],
    [{ LayerName: 'my-layer', VersionNumber: 1.5 }, 'VersionNumber', /must be an integer/],
    [{ LayerName: 'my-layer', VersionNumber: -1 }, 'VersionNumber', /at least 1/],
    [{ LayerName: 'my-layer', VersionNumber: 0 }, 'VersionNumber', /at least 1/],
    [{ LayerName: 'my-layer', VersionNumber: Number.NaN }, 'VersionNumber', /must be an integer/],
    [{ LayerName: 'my-layer', VersionNumber: 2 ** 53 }, 'VersionNumber', /safe integer/],
    [{ LayerName: 'my-layer', VersionNumber: '1' }, 'VersionNumber', /must be an integer/],
    [null, 'input', /must be an object/],
  ];
  for (const [value, field, rule] of bad) {
    it(`rejects ${JSON.stringify(value)} naming ${field}`, async () => {
      const { fetch, requests } = fakeFetch(json(successExample()));
      const error = await client(fetch)
        .getLayerVersion(value as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).field).toBe(field);
      expect((error as InvalidInputError).rule).toMatch(rule);
      expect((error as Error).message).toMatch(new RegExp(`^${field} `));
      expect(requests).toHaveLength(0);
    });
  }

  it('uses the pattern of the spec, not a copy', async () => {
    const { operations } = await import('../src/generated/rules.js');
    expect(operations.GetLayerVersion.inputs.LayerName.pattern).toBe(spec.components.schemas.LayerName.pattern);
  });

  it('rejects bad client options naming the option', () => {
    expect(() => createLambdaClient({ region: 'nowhere', credentials })).toThrow(/^region /);
    expect(() => createLambdaClient({ region: 'us-east-1', credentials, maxAttempts: 0 })).toThrow(/^maxAttempts /);
    expect(() => createLambdaClient({ region: 'us-east-1', credentials, timeoutMs: -5 })).toThrow(/^timeoutMs /);
    expect(() => createLambdaClient({ region: 'us-east-1', credentials, endpoint: 'not a url' })).toThrow(/^endpoint /);
  });

  describeRefusedOptions({ create: (options) => createLambdaClient({ region: 'us-east-1', credentials, ...options }), input, keys: credentials, ok: successExample() });
});

describe('credentials', () => {
  it('a failing credentials provider ends the call at once with CredentialsError and its cause', async () => {
    const { fetch, requests } = fakeFetch(json(successExample()));
    const client = createLambdaClient({
      region: 'us-east-1',
      fetch,
      credentials: async () => {
        throw new Error('metadata service unreachable');
      },
    });
    const error = await client.getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CredentialsError', message: 'the credentials provider failed' });
    // The provider's message may quote a secret the client has not seen yet: only its name is kept.
    expect((error as Error).cause).toMatchObject({ name: 'Error', message: '(message withheld: it may quote a secret)' });
    expect(requests).toHaveLength(0);
  });

  it('credentials without a secret are an InvalidInputError naming credentials, and nothing is sent', async () => {
    const { fetch, requests } = fakeFetch(json(successExample()));
    const client = createLambdaClient({ region: 'us-east-1', fetch, credentials: () => ({ accessKeyId: 'AKID0000000000001', secretAccessKey: '' }) });
    await expect(client.getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 })).rejects.toMatchObject({ name: 'InvalidInputError', field: 'credentials' });
    expect(requests).toHaveLength(0);
  });
});
