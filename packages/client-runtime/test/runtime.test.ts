// Direct checks of the shared pieces; the clients' own suites test them end to end.
import { describe, expect, it } from 'vitest';
import { backoffDelay, checkInput, findSchemaViolation, makeRedactor, parseRetryAfter, safeCause, toBase64, toHex, sha256 } from '../src/index.js';

describe('backoffDelay', () => {
  it('is full jitter below a capped exponential bound', () => {
    const policy = (random: number) => ({ baseDelayMs: 100, maxDelayMs: 1000, random: () => random });
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy(0.999)))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelay(3, policy(0))).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('redaction', () => {
  it('removes known secrets and any signature, and keeps the rest', () => {
    const redact = makeRedactor(() => ['super-secret-key', undefined, 'short']);
    expect(redact('key super-secret-key, Signature=0123456789abcdef0123456789abcdef, short word')).toBe('key [redacted], Signature=[redacted], short word');
  });

  it('copies a thrown value into a plain error without its secrets or extra properties', () => {
    const thrown = Object.assign(new Error('failed with super-secret-key'), { request: { headers: { authorization: 'super-secret-key' } }, code: 'ECONNRESET' });
    const copy = safeCause(
      thrown,
      makeRedactor(() => ['super-secret-key']),
    );
    expect(copy.message).toBe('failed with [redacted]');
    expect({ ...copy }).toEqual({ name: 'Error', code: 'ECONNRESET' });
    expect(copy.stack).not.toContain('super-secret-key');
  });

  it('copies a thrown value that has no text form (a parsed body such as [{"toString":0}])', () => {
    for (const thrown of [
      JSON.parse('[{"toString":0}]'),
      Object.create(null),
      {
        toString: () => {
          throw new Error('no');
        },
      },
    ]) {
      const copy = safeCause(
        thrown,
        makeRedactor(() => []),
      );
      expect(copy).toBeInstanceOf(Error);
      expect(copy.message).toMatch(/^\[object (Array|Object)\]$/);
    }
  });
});

describe('checkInput', () => {
  it('names the field and the rule', () => {
    const rules = { Name: { type: 'string', minLength: 1, maxLength: 3, pattern: '^[a-z]+$' }, N: { type: 'integer', minimum: 1 } };
    expect(() => checkInput({ Name: 'ab', N: 1 }, rules)).not.toThrow();
    expect(() => checkInput({ Name: 'abcd', N: 1 }, rules)).toThrow(/^Name must be at most 3 characters long$/);
    expect(() => checkInput({ Name: 'AB', N: 1 }, rules)).toThrow(/^Name must match the pattern/);
    expect(() => checkInput({ Name: 'ab', N: 0 }, rules)).toThrow(/^N must be at least 1$/);
    expect(() => checkInput([], rules)).toThrow(/^input must be an object$/);
  });
});

describe('findSchemaViolation', () => {
  const schema = { type: 'object', required: ['a'], properties: { a: { type: 'integer', minimum: 0 }, b: { type: 'array', items: { enum: ['x'] } } } };
  it('reports the path of the first violation', () => {
    expect(findSchemaViolation(schema, { a: 1, b: ['x'] })).toBeUndefined();
    expect(findSchemaViolation(schema, { a: -1 })).toBe('at $.a: must be at least 0');
    expect(findSchemaViolation(schema, { a: 1, b: ['y'] })).toBe('at $.b[0]: must be one of the documented values');
    expect(findSchemaViolation(schema, {})).toBe('at $: must have a');
  });
});

describe('bytes', () => {
  it('hashes with Web Crypto and encodes as hex and base64', async () => {
    const digest = await sha256('abc');
    expect(toHex(digest)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toBase64(digest)).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
  });
});
