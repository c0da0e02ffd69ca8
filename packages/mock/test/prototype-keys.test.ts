// Foreign JSON that names `__proto__`, `constructor` or `prototype` (in fixtures, faults, query
// strings, request bodies, headers and Prefer) must never reach Object.prototype: with startMock()
// that prototype is the test runner's own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';
import { sendRaw } from './raw-http.js';
import { AWS_HEADERS, TENCENT_HEADERS } from './spec-examples.js';

let aws: RunningMock;
let tencent: RunningMock;

beforeAll(async () => {
  [aws, tencent] = await Promise.all([startMock({ provider: 'aws-lambda' }), startMock({ provider: 'tencent-scf' })]);
});
afterAll(async () => {
  await Promise.all([aws.close(), tencent.close()]);
});
afterEach(() => {
  // Whatever a test did, the next one starts from a clean prototype; a polluted one fails below.
  for (const key of ['prefer', 'polluted']) delete (Object.prototype as Record<string, unknown>)[key];
});

const pollution = () => ({ prefer: ({} as Record<string, unknown>).prefer, polluted: ({} as Record<string, unknown>).polluted });
const clean = { prefer: undefined, polluted: undefined };
const control = (method: string, path: string, body: string) => fetch(`${aws.controlUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body });

describe('fixtures naming a prototype key', () => {
  it.each([
    ['__proto__', '{"layers":[{"name":"p","version":1,"aws-lambda":{"answer":{"__proto__":{"prefer":"example=internal-error"}}}}]}'],
    ['constructor', '{"layers":[{"name":"p","version":1,"aws-lambda":{"answer":{"constructor":{"prototype":{"polluted":1}}}}}]}'],
    ['__proto__', '{"layers":[{"name":"p","version":1,"aws-lambda":{"answer":{"Content":{"__proto__":{"polluted":1}}}}}]}'],
  ])('are refused through PUT, naming the key %s, and change no prototype', async (key, body) => {
    const answer = await control('PUT', 'fixtures', body);
    expect(answer.status).toBe(400);
    const refused = (await answer.json()) as { entry: string; rule: string };
    expect(refused.entry).toContain(`aws-lambda.answer`);
    expect(refused.entry.endsWith(key)).toBe(true);
    expect(refused.rule).toMatch(/is a key no fixture may hold/);
    expect(pollution()).toEqual(clean);
    // The mock goes on answering from its examples, as before the refused PUT.
    expect((await fetch(`${aws.url}/2018-10-31/layers/p/versions/1`, { headers: AWS_HEADERS })).status).toBe(200);
    expect(await (await fetch(`${aws.controlUrl}fixtures`)).json()).toEqual({ mode: 'examples', fixtures: null });
  });

  it('are refused in a fixture file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerspec-proto-'));
    try {
      const file = join(dir, 'layers.yaml');
      writeFileSync(file, 'layers:\n  - name: p\n    version: 1\n    aws-lambda:\n      answer:\n        __proto__: { polluted: true }\n');
      expect(() => aws.setFixtures(file)).toThrow(/layers\[0\] \(p version 1\) aws-lambda\.answer\.__proto__: is a key no fixture may hold/);
      expect(pollution()).toEqual(clean);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('other foreign JSON', () => {
  it('a fault naming __proto__ is refused, naming it', async () => {
    const answer = await control('POST', 'faults', '{"kind":"throttle","__proto__":{"polluted":1}}');
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: string }).error).toMatch(/^fault\.__proto__ is not a member of a fault/);
    expect(pollution()).toEqual(clean);
    expect((await (await fetch(`${aws.controlUrl}faults`)).json()) as unknown[]).toEqual([]);
  });

  it('a query string naming __proto__ twice is a parameter, not a prototype', async () => {
    const answer = await fetch(`${aws.url}/2018-10-31/layers/a/versions/1?__proto__=x&__proto__=y&constructor=z`, { headers: AWS_HEADERS });
    expect(answer.status).toBe(200);
    expect(pollution()).toEqual(clean);
  });

  it("a Tencent body naming __proto__ gets Tencent's parameter error", async () => {
    const answer = await fetch(tencent.url, {
      method: 'POST',
      headers: TENCENT_HEADERS,
      body: '{"LayerName":"a","LayerVersion":1,"__proto__":{"polluted":1}}',
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { Response: { Error?: { Code: string; Message: string } } };
    expect(body.Response.Error?.Code).toMatch(/^(UnknownParameter|InvalidParameter)/);
    expect(body.Response.Error?.Message).toContain('__proto__');
    expect(pollution()).toEqual(clean);
  });

  it('a header named __proto__ and a Prefer naming it change nothing', async () => {
    const { port } = new URL(aws.url);
    const answer = await sendRaw(
      aws.url,
      `GET /2018-10-31/layers/a/versions/1 HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nauthorization: x\r\n__proto__: polluted\r\nprefer: __proto__=1, constructor=2\r\nconnection: close\r\n\r\n`,
    );
    expect(answer.status).toBe(200);
    expect(pollution()).toEqual(clean);
    const [entry] = (await aws.requests()).slice(-1);
    expect(entry?.request.url).toMatch(/\/layers\/a\/versions\/1$/);
  });
});
