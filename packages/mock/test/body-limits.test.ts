// Bodies that would cost the mock far more than they cost the sender are refused before they are
// parsed: Tencent's documented codes, in its envelope, naming the bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';
import { TENCENT_HEADERS } from './spec-examples.js';

let tencent: RunningMock;
beforeAll(async () => {
  tencent = await startMock({ provider: 'tencent-scf' });
});
afterAll(async () => {
  await tencent.close();
});

async function post(body: string) {
  const response = await fetch(tencent.url, { method: 'POST', headers: TENCENT_HEADERS, body });
  expect(response.status).toBe(200);
  return (await response.json()).Response;
}

/** `{"k0":1,"k1":1,...}` of about `bytes` bytes. */
function manyKeys(bytes: number): string {
  const parts: string[] = [];
  for (let i = 0, size = 2; size < bytes; i++) {
    const part = `"k${i}":1`;
    parts.push(part);
    size += part.length + 1;
  }
  return `{${parts.join(',')}}`;
}

describe('Tencent SCF body bounds', () => {
  it('refuses 10 MB of unknown keys as UnknownParameter naming the first one and the bound, unread', async () => {
    const response = await post(manyKeys(10 * 1024 * 1024 - 100));
    expect(response.Error.Code).toBe('UnknownParameter');
    expect(response.Error.Message).toContain('`k0`');
    expect(response.Error.Message).toMatch(/more than \d+ parameters/);
  });

  it('refuses many repeats of the declared keys as InvalidParameter naming the bound', async () => {
    const body = `{${Array.from({ length: 5000 }, () => '"LayerName":"a","LayerVersion":1').join(',')}}`;
    const response = await post(body);
    expect(response.Error.Code).toBe('InvalidParameter');
    expect(response.Error.Message).toMatch(/more than \d+ parameters/);
  });

  it('refuses nesting deeper than the bound as InvalidParameter, not as invalid JSON', async () => {
    const response = await post(`{"LayerName":"a","LayerVersion":${'['.repeat(200_000)}1${']'.repeat(200_000)}}`);
    expect(response.Error.Code).toBe('InvalidParameter');
    expect(response.Error.Message).toMatch(/nested deeper than \d+ levels/);
  });

  it('answers a body over 10 MB with RequestSizeLimitExceeded', async () => {
    const response = await post(`{"LayerName":"${'a'.repeat(10 * 1024 * 1024)}","LayerVersion":1}`);
    expect(response.Error.Code).toBe('RequestSizeLimitExceeded');
    expect(response.Error.Message).toContain('10485760');
  });

  it('still reads a well-formed body with a few unknown keys in the usual order', async () => {
    const response = await post('{"LayerName":"layer3","LayerVersion":1,"Extra":true}');
    expect(response.Error).toEqual({ Code: 'UnknownParameter', Message: 'The parameter `Extra` is not recognized.' });
  });
});
