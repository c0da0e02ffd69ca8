// The client core against rules made up for the test: what an error answer means (its code,
// kind, retryability and details) comes from the rules the model generates, and only an answer
// the rules say nothing of falls back to what HTTP itself says of its status.
import { describe, expect, it } from 'vitest';
import { createClient, requestParts, type ApiRules, type ErrorAnswer, type OperationRules } from '../src/core.js';
import { ApiError } from '../src/errors.js';
import { fakeFetch, json } from '../testing/fake-fetch.js';

const baseRules: ApiRules = {
  operations: {
    GetThing: {
      method: 'GET',
      path: '/things/{Name}',
      inputs: { Name: { in: 'path', type: 'string' } },
      result: [],
      download: { location: ['Location'], sha256: ['Sha'], encoding: 'hex' },
    },
  },
  errorAt: { code: { in: 'header', name: 'x-error' }, message: [{ in: 'body', path: ['message'] }] },
  retryableCodes: ['Busy'],
  statusRules: {},
};

/** The answers the core handed to the provider's error maker, and a client over `fetch`. */
function clientWith(rules: ApiRules, fetch: (request: Request) => Promise<Response>) {
  const answers: ErrorAnswer[] = [];
  const { api } = createClient<Record<string, never>, { id: string; secret: string }, { GetThing: { input: { Name: string }; output: unknown } }>(
    {
      rules,
      signer: { keys: { required: ['id', 'secret'], secrets: ['secret'] }, sign: async (request) => request },
      errors: {
        toError: (answer) => {
          answers.push(answer);
          return new ApiError(answer.code ?? 'UnknownError', answer.message ?? '', answer);
        },
      },
      errorKinds: async () => ({ errorKinds: { Busy: 'throttled', Gone: 'not-found' } }),
      successSchemas: async () => ({ successSchemas: {} }),
    },
    { baseUrl: 'https://api.test', credentials: { id: 'id', secret: 'secret' }, fetch, maxAttempts: 2, retry: { baseDelayMs: 1, maxDelayMs: 1 } },
  );
  return { api, answers };
}

const fail = (promise: Promise<unknown>) =>
  promise.then(
    () => new Error('resolved, but should have failed'),
    (error: unknown) => error,
  );

describe('an error answer whose code the model does not list', () => {
  it("gets the kind and retryability the model's status rules give its status, over HTTP's", async () => {
    const rules = { ...baseRules, statusRules: { 404: { kind: 'invalid-input', retryable: false }, 418: { kind: 'throttled', retryable: true } } } as const;
    const notFound = clientWith(rules, fakeFetch(json({ message: 'no route' }, 404, { 'x-error': 'NoRoute' })).fetch);
    expect(await fail(notFound.api.call('GetThing', { Name: 'a' }))).toMatchObject({ code: 'NoRoute', status: 404, kind: 'invalid-input', retryable: false });

    const { fetch, requests } = fakeFetch(json({ message: 'slow down' }, 418, { 'x-error': 'Teapot' }));
    const teapot = clientWith(rules, fetch);
    expect(await fail(teapot.api.call('GetThing', { Name: 'a' }))).toMatchObject({ code: 'Teapot', status: 418, kind: 'throttled', retryable: true });
    expect(requests).toHaveLength(2);
  });

  it('keeps the kind and retryability the model gives a listed code, whatever the status', async () => {
    const rules = { ...baseRules, statusRules: { 400: { kind: 'invalid-input', retryable: false } } } as const;
    const { fetch, requests } = fakeFetch(json({ message: 'busy' }, 400, { 'x-error': 'Busy' }));
    expect(await fail(clientWith(rules, fetch).api.call('GetThing', { Name: 'a' }))).toMatchObject({ code: 'Busy', kind: 'throttled', retryable: true });
    expect(requests).toHaveLength(2);
  });

  it('at a status the model does not document: a 5xx (a proxy page) is a service error worth retrying, a 4xx is not retried', async () => {
    const proxy = fakeFetch(new Response('<html>Bad Gateway</html>', { status: 502 }));
    expect(await fail(clientWith(baseRules, proxy.fetch).api.call('GetThing', { Name: 'a' }))).toMatchObject({ code: 'UnknownError', kind: 'service', retryable: true });
    expect(proxy.requests).toHaveLength(2);

    const teapot = fakeFetch(json({ message: 'no' }, 418, { 'x-error': 'Teapot' }));
    expect(await fail(clientWith(baseRules, teapot.fetch).api.call('GetThing', { Name: 'a' }))).toMatchObject({ kind: 'invalid-input', retryable: false });
    expect(teapot.requests).toHaveLength(1);
  });

  it('in a 200 answer (an API that sends its errors with 200) is an error, but not one to retry', async () => {
    const rules: ApiRules = { ...baseRules, errorAt: { code: { in: 'body', path: ['Error', 'Code'] }, message: [{ in: 'body', path: ['Error', 'Message'] }] } };
    const { fetch, requests } = fakeFetch(json({ Error: { Code: 'Strange', Message: 'odd' } }, 200));
    expect(await fail(clientWith(rules, fetch).api.call('GetThing', { Name: 'a' }))).toMatchObject({ code: 'Strange', status: 200, kind: 'service', retryable: false });
    expect(requests).toHaveLength(1);
  });
});

describe('the code within the value at errorAt.code', () => {
  const rules: ApiRules = { ...baseRules, errorAt: { ...baseRules.errorAt, codeFormat: '^(?:[^:#]*#)?(?<code>[^:]+)' } };

  it("is the format's group `code`, so the model's kind and retryability apply to it", async () => {
    const { fetch } = fakeFetch(json({ message: 'gone' }, 410, { 'x-error': 'com.example#Gone:http://example.test/why' }));
    expect(await fail(clientWith(rules, fetch).api.call('GetThing', { Name: 'a' }))).toMatchObject({ code: 'Gone', kind: 'not-found' });

    const busy = fakeFetch(json({ message: 'busy' }, 400, { 'x-error': 'ns#Busy' }));
    await fail(clientWith(rules, busy.fetch).api.call('GetThing', { Name: 'a' }));
    expect(busy.requests).toHaveLength(2);
  });

  it('is the whole value where the format does not match it, and the whole value without a format', async () => {
    const odd = fakeFetch(json({ message: 'odd' }, 400, { 'x-error': ':odd' }));
    expect(await fail(clientWith(rules, odd.fetch).api.call('GetThing', { Name: 'a' }))).toMatchObject({ code: ':odd' });
    const plain = fakeFetch(json({ message: 'gone' }, 410, { 'x-error': 'ns#Gone' }));
    expect(await fail(clientWith(baseRules, plain.fetch).api.call('GetThing', { Name: 'a' }))).toMatchObject({ code: 'ns#Gone' });
  });
});

it('reads each detail where the model says, by concept, the first location that has it', async () => {
  const rules: ApiRules = {
    ...baseRules,
    errorAt: {
      ...baseRules.errorAt,
      details: {
        'throttle-reason': [{ in: 'body', path: ['Why'] }],
        'retry-after': [
          { in: 'header', name: 'Retry-After' },
          { in: 'body', path: ['wait'] },
        ],
        'error-origin': [{ in: 'body', path: ['Who'] }],
      },
    },
  };
  const { fetch } = fakeFetch(
    json({ message: 'busy', Why: 'TooFast', wait: '7' }, 400, { 'x-error': 'Nope' }),
    json({ message: 'busy', wait: '7' }, 400, { 'x-error': 'Nope', 'Retry-After': '3' }),
  );
  const { api, answers } = clientWith(rules, fetch);
  await fail(api.call('GetThing', { Name: 'a' }));
  await fail(api.call('GetThing', { Name: 'a' }));
  expect(answers.map((answer) => answer.details)).toEqual([
    { 'throttle-reason': 'TooFast', 'retry-after': '7', 'error-origin': undefined },
    { 'throttle-reason': undefined, 'retry-after': '3', 'error-origin': undefined },
  ]);
});

describe('requestParts', () => {
  const operation: OperationRules = {
    method: 'GET',
    path: '/things/{Name}',
    inputs: { Name: { in: 'path', type: 'string' }, Tag: { in: 'query', type: 'array', optional: true }, Max: { in: 'query', type: 'integer', optional: true } },
    result: [],
  };

  it('writes an array query input as repeated keys, in the spec order, RFC 3986-encoded, and leaves out what is not given', () => {
    expect(requestParts(operation, { Max: 5, Tag: ['a b', "it's"], Name: 'x/y', Other: 1 })).toEqual({
      path: '/things/x%2Fy?Tag=a%20b&Tag=it%27s&Max=5',
      body: undefined,
    });
    expect(requestParts(operation, { Name: 'x' })).toEqual({ path: '/things/x', body: undefined });
  });

  it('writes body inputs as one JSON object', () => {
    const rpc: OperationRules = {
      method: 'POST',
      path: '/',
      inputs: { A: { in: 'body', type: 'string' }, B: { in: 'body', type: 'array', optional: true } },
      result: [],
    };
    expect(requestParts(rpc, { A: 'a', C: 'c' })).toEqual({ path: '/', body: '{"A":"a"}' });
  });
});
