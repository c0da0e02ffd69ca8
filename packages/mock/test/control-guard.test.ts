// Who may reach the control API, probed as an attacker would: raw sockets with foreign Host values
// (DNS rebinding), cross-site simple requests (Origin, text/plain bodies), a flood of faults, a
// body nested thousands deep, and a mock bound beyond loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_TOKEN_HEADER, type RunningMock, startMock } from '../src/index.js';
import { isLoopback, isOwnHost, sameSecret } from '../src/state/control-guard.js';
import { MAX_FAULTS } from '../src/state/faults.js';
import { sendRaw } from './raw-http.js';

let aws: RunningMock;
let port: string;

beforeAll(async () => {
  aws = await startMock({ provider: 'aws-lambda' });
  port = new URL(aws.url).port;
});
afterAll(async () => {
  await aws.close();
});

/** A raw HTTP/1.1 request, headers as given: fetch would set Host and Origin itself. */
function raw(method: string, path: string, headers: Record<string, string>, body = '') {
  const head = [`${method} ${path} HTTP/1.1`, ...Object.entries({ ...headers, 'content-length': String(Buffer.byteLength(body)) }).map(([k, v]) => `${k}: ${v}`)];
  return sendRaw(aws.url, `${head.join('\r\n')}\r\nconnection: close\r\n\r\n${body}`);
}

const faultsInForce = async () => (await (await fetch(`${aws.controlUrl}faults`)).json()) as unknown[];

describe('the Host a control request names', () => {
  // `:PORT` stands for the mock's own port, known only once it runs.
  it.each(['evil.test', 'evil.test:PORT', 'attacker.example:80', '127.0.0.1.evil.test:PORT'])('refuses %s, as a DNS-rebinding page sends it', async (host) => {
    const answer = await raw('GET', '/__layerspec/requests', { host: host.replace('PORT', port) });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error).toMatch(/Host names this mock/);
  });

  it('answers the mock by its loopback names and addresses', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'localhost']) {
      expect((await raw('GET', '/__layerspec/requests', { host })).status, host).toBe(200);
    }
  });

  it('refuses a request with no Host', async () => {
    expect((await raw('GET', '/__layerspec/faults', {})).status).toBe(403);
  });

  it('does not serve a fixture archive to a rebound name', async () => {
    await aws.setFixtures({ layers: [{ name: 'zip', version: 1, archive: { base64: Buffer.from('secret bytes').toString('base64') } }] });
    const path = '/__layerspec/archives/zip/1.zip';
    expect((await raw('GET', path, { host: `127.0.0.1:${port}` })).body).toBe('secret bytes');
    const rebound = await raw('GET', path, { host: `evil.test:${port}` });
    expect(rebound.body).not.toContain('secret bytes');
    aws.reset();
  });
});

describe('a control request from another site', () => {
  it('is refused when its Origin is another site, and sets no fault', async () => {
    aws.clearFaults();
    const answer = await raw(
      'POST',
      '/__layerspec/faults',
      { host: `127.0.0.1:${port}`, origin: 'http://evil.test', 'content-type': 'text/plain' },
      '{"kind":"throttle","times":"all"}',
    );
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error).toMatch(/Origin "http:\/\/evil.test"/);
    expect(await faultsInForce()).toEqual([]);
  });

  it('is refused when the browser says it is cross-site, even with the mock as Origin', async () => {
    const headers = { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'cross-site' };
    expect((await raw('POST', '/__layerspec/reset', headers)).status).toBe(403);
  });

  it('is refused with an opaque Origin (a sandboxed page, a data: URL)', async () => {
    expect((await raw('POST', '/__layerspec/reset', { host: `127.0.0.1:${port}`, origin: 'null' })).status).toBe(403);
  });

  it('refuses a body that is not sent as JSON, so a browser must preflight it (and gets no CORS grant)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const headers: Record<string, string> = { host: `127.0.0.1:${port}` };
      if (type) headers['content-type'] = type;
      const answer = await raw('POST', '/__layerspec/faults', headers, '{"kind":"throttle"}');
      expect(answer.status, type).toBe(415);
      expect(JSON.parse(answer.body).error).toMatch(/Content-Type must be application\/json/);
    }
    expect(await faultsInForce()).toEqual([]);
  });

  it('takes a same-origin JSON request, as curl or a test sends it', async () => {
    const headers = { host: `localhost:${port}`, origin: `http://localhost:${port}`, 'content-type': 'application/json; charset=utf-8' };
    expect((await raw('POST', '/__layerspec/faults', headers, '{"kind":"throttle"}')).status).toBe(201);
    aws.clearFaults();
  });
});

describe('what a caller can make the control API hold', () => {
  it(`keeps at most ${MAX_FAULTS} faults, refusing the next with 400`, async () => {
    aws.clearFaults();
    const post = () => fetch(`${aws.controlUrl}faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kind":"delay","delayMs":1}' });
    for (let i = 0; i < MAX_FAULTS; i++) expect((await post()).status).toBe(201);
    const refused = await post();
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/at most 100 faults/);
    aws.clearFaults();
  });

  it('answers a body nested 20,000 deep with 400, and keeps the connection and the mock', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    for (const path of ['fixtures', 'faults']) {
      const answer = await raw(path === 'fixtures' ? 'PUT' : 'POST', `/__layerspec/${path}`, { host: `127.0.0.1:${port}`, 'content-type': 'application/json' }, deep);
      expect(answer.status, path).toBe(400);
      expect(JSON.parse(answer.body).error).toMatch(/nested deeper than 64 levels/);
    }
    expect((await fetch(`${aws.controlUrl}faults`)).status).toBe(200);
  });
});

describe('a mock bound beyond loopback', () => {
  it('asks for its control token, compares it whole, and tells why', async () => {
    // Bound to every interface for a moment; the test itself calls it on 127.0.0.1.
    const exposed = await startMock({ provider: 'tencent-scf', host: '0.0.0.0' });
    try {
      expect(exposed.controlToken).toMatch(/^[0-9a-f]{32}$/);
      const local = `http://127.0.0.1:${new URL(exposed.url).port}/__layerspec/requests`;
      const without = await fetch(local);
      expect(without.status).toBe(401);
      expect(((await without.json()) as { error: string }).error).toMatch(/listens on 0\.0\.0\.0, beyond this machine/);
      const token = exposed.controlToken!;
      for (const wrong of [token.slice(0, -1), `${token}0`, token.toUpperCase(), '']) {
        expect((await fetch(local, { headers: { [CONTROL_TOKEN_HEADER]: wrong } })).status, wrong).toBe(401);
      }
      expect((await fetch(local, { headers: { [CONTROL_TOKEN_HEADER]: token } })).status).toBe(200);
    } finally {
      await exposed.close();
    }
  });

  it('needs no token on loopback, where only this machine reaches it', async () => {
    expect(aws.controlToken).toBeUndefined();
    for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'example.test']) expect(isLoopback(host), host).toBe(false);
  });
});

describe('the guard functions', () => {
  it('accept IP literals and localhost, and a name only when the mock is bound to it', () => {
    expect(isOwnHost('10.0.0.5:4010', '0.0.0.0')).toBe(true);
    expect(isOwnHost('[fe80::1]:4010', '0.0.0.0')).toBe(true);
    expect(isOwnHost('app.localhost:4010', '127.0.0.1')).toBe(true);
    expect(isOwnHost('mock.internal:4010', 'mock.internal')).toBe(true);
    expect(isOwnHost('mock.internal:4010', '127.0.0.1')).toBe(false);
    expect(isOwnHost('evil.test@127.0.0.1', '127.0.0.1')).toBe(false);
    expect(isOwnHost(undefined, '127.0.0.1')).toBe(false);
  });

  it('compare secrets of any length without throwing', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abd', 'abc')).toBe(false);
    expect(sameSecret('a', 'abc')).toBe(false);
    expect(sameSecret(undefined, 'abc')).toBe(false);
  });
});
