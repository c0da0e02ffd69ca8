// The control API (JSON under /__layerspec/ on the mock's own port) and the faults it sets, as a
// team in another language drives them with plain HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_TOKEN_HEADER, type RunningMock, defaultTestCredentials, startMock } from '../src/index.js';
import { GetLayerVersionCommand, LambdaClient } from '@aws-sdk/client-lambda';

const AUTH = { authorization: 'AWS4-HMAC-SHA256 Credential=test' };
let aws: RunningMock;

beforeAll(async () => {
  aws = await startMock({ provider: 'aws-lambda' });
});
afterAll(async () => {
  await aws.close();
});

async function control(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${aws.controlUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

const layerUrl = (name: string, version: number) => `${aws.url}/2018-10-31/layers/${name}/versions/${version}`;
const get = (name = 'shared-deps', version = 3) => fetch(layerUrl(name, version), { headers: AUTH });

describe('the control API', () => {
  it('starts in example mode, takes fixtures by PUT, and reset empties them', async () => {
    expect(await control('GET', 'fixtures')).toEqual({ status: 200, body: { mode: 'examples', fixtures: null } });
    expect((await get('nope', 99)).status).toBe(200);
    const put = await control('PUT', 'fixtures', { layers: [{ name: 'shared-deps', version: 3, description: 'from curl' }] });
    expect(put).toEqual({ status: 200, body: { mode: 'fixtures', layers: 1 } });
    expect(await (await get()).json()).toMatchObject({ Description: 'from curl', Version: 3 });
    expect((await get('nope', 99)).status).toBe(404);
    expect((await control('POST', 'reset')).status).toBe(200);
    expect(await control('GET', 'requests')).toEqual({ status: 200, body: [] });
    expect((await control('GET', 'fixtures')).body).toEqual({ mode: 'fixtures', fixtures: { layers: [] } });
    expect((await get()).status).toBe(404);
  });

  it('refuses fixtures that break a rule with 400, the entry and the rule', async () => {
    const answer = await control('PUT', 'fixtures', { layers: [{ name: 'a', version: 'one' }] });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: 'PUT fixtures: layers[0] (a version one) version: must be integer',
      source: 'PUT fixtures',
      entry: 'layers[0] (a version one) version',
      rule: 'must be integer',
    });
    expect((await control('PUT', 'fixtures', '{not json')).body.error).toMatch(/^The body must be JSON/);
  });

  it('reads the journal as JSON and as HAR, and clears it', async () => {
    await control('DELETE', 'requests');
    await get('nope', 1);
    const entries = (await control('GET', 'requests')).body;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ sequence: expect.any(Number), request: { method: 'GET', url: layerUrl('nope', 1) }, signature: { status: 'refused' } });
    const har = (await control('GET', 'requests.har')).body;
    expect(har.log.entries).toHaveLength(1);
    expect(har.log.entries[0].request.url).toBe(layerUrl('nope', 1));
    // Control requests are not in the journal.
    expect((await control('GET', 'requests')).body).toHaveLength(1);
    await control('DELETE', 'requests');
    expect((await control('GET', 'requests')).body).toEqual([]);
  });

  it('sets faults: the next N requests, then answers as before', async () => {
    await control('PUT', 'fixtures', { layers: [{ name: 'shared-deps', version: 3 }] });
    const added = await control('POST', 'faults', { kind: 'throttle', times: 2 });
    expect(added).toEqual({ status: 201, body: { id: expect.any(Number), kind: 'throttle', times: 2, remaining: 2 } });
    for (let i = 0; i < 2; i++) {
      const throttled = await get();
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
      expect(throttled.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect((await get()).status).toBe(200);
    expect((await control('GET', 'faults')).body).toEqual([]);
  });

  it('sets faults for one layer only, for all requests, until cleared', async () => {
    await control('POST', 'faults', { kind: 'service-error', times: 'all', layer: 'shared-deps' });
    expect((await control('GET', 'faults')).body).toMatchObject([{ kind: 'service-error', remaining: 'all', layer: 'shared-deps' }]);
    expect((await get()).status).toBe(500);
    expect((await get()).status).toBe(500);
    expect((await get('other', 1)).status).toBe(404);
    await control('DELETE', 'faults');
    expect((await get()).status).toBe(200);
  });

  it('answers with any named scenario, after a delay, or not at all', async () => {
    await control('POST', 'faults', { kind: 'scenario', scenario: 'signature-expired' });
    const expired = await get();
    expect(expired.status).toBe(403);
    expect(await expired.json()).toEqual({ message: expect.stringContaining('Signature expired') });

    // The delay itself is not timed here (no timing in tests): the request is answered as usual and the journal names the fault.
    await control('POST', 'faults', { kind: 'delay', delayMs: 200 });
    expect((await get()).status).toBe(200);
    expect((await aws.requests()).at(-1)).toMatchObject({ fault: 'delay', answer: { kind: 'answered', status: 200 } });

    await control('POST', 'faults', { kind: 'drop' });
    await expect(get()).rejects.toThrow(/fetch failed/);
    expect((await aws.requests()).at(-1)?.answer).toEqual({ kind: 'dropped' });

    await control('POST', 'faults', { kind: 'cut-off' });
    await expect(get().then((response) => response.text())).rejects.toThrow();
    expect((await aws.requests()).at(-1)?.answer).toMatchObject({ kind: 'cut-off', status: 200, bytesSent: expect.any(Number) });
    expect((await get()).status).toBe(200);
  });

  it('refuses a fault that breaks a rule, naming the field', async () => {
    expect((await control('POST', 'faults', { kind: 'explode' })).body.error).toBe(
      'fault.kind must be one of throttle, service-error, scenario, delay, drop, cut-off, got "explode"',
    );
    expect((await control('POST', 'faults', { kind: 'delay' })).body.error).toMatch(/^fault\.delayMs must be a whole number of milliseconds/);
    expect((await control('POST', 'faults', { kind: 'scenario', scenario: 'nope' })).body.error).toMatch(
      /^fault\.scenario must name a scenario of aws-lambda: python-layer/,
    );
    expect((await control('POST', 'faults', { kind: 'throttle', times: 0 })).body.error).toMatch(/^fault\.times must be a whole number from 1/);
    expect(() => aws.fault({ kind: 'throttle', extra: 1 } as never)).toThrow('fault.extra is not a member of a fault');
  });

  it('lists its endpoints for a path it does not know', async () => {
    const answer = await control('GET', 'nothing');
    expect(answer.status).toBe(404);
    expect(answer.body.endpoints).toContain('PUT /__layerspec/fixtures');
  });
});

describe('the control API of a mock that verifies signatures', () => {
  it("is refused without the mock's control token, and works with it", async () => {
    const mock = await startMock({ provider: 'aws-lambda', verifySignatures: true });
    try {
      expect(mock.controlToken).toMatch(/^[0-9a-f]{32}$/);
      const refused = await fetch(`${mock.controlUrl}requests`);
      expect(refused.status).toBe(401);
      expect((await refused.json()).error).toContain(CONTROL_TOKEN_HEADER);
      const client = new LambdaClient({ endpoint: mock.url, region: 'us-east-1', credentials: defaultTestCredentials['aws-lambda'], maxAttempts: 1 });
      await expect(client.send(new GetLayerVersionCommand({ LayerName: 'my-layer', VersionNumber: 1 }))).resolves.toMatchObject({ Version: 1 });
      const allowed = await fetch(`${mock.controlUrl}requests`, { headers: { [CONTROL_TOKEN_HEADER]: mock.controlToken! } });
      expect(allowed.status).toBe(200);
      const [entry] = await allowed.json();
      expect(entry.signature).toEqual({ status: 'verified' });
      expect(JSON.stringify(entry)).not.toContain(mock.controlToken);
    } finally {
      await mock.close();
    }
  });
});
