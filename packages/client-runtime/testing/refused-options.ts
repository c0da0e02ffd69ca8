// Test support: what both clients refuse before anything is sent, whichever entry: an endpoint
// that is not http: or https:, and a header that HTTP cannot carry (its name not a token, its
// value holding CR, LF, NUL or another character outside a field value). fetch and node:http
// refuse such a request only when sending it, which would be retried as a network failure.
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '@layerspec/client-runtime/errors';
import { fakeFetch, json } from './fake-fetch.js';

type AnyClient = { getLayerVersion(input: never, call?: { headers?: Record<string, string> }): Promise<unknown> };

export interface RefusalAdapter {
  /** Creates the client with these options besides region and the provider's own. */
  create(options: Record<string, unknown>): AnyClient;
  /** A valid input for getLayerVersion. */
  input: unknown;
  /** Valid credentials. */
  keys: object;
  /** A success body. */
  ok: unknown;
}

/** A string as a test name shows it: quoted, every character outside printable ASCII escaped. */
const shown = (text: string) => JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const thrownBy = (act: () => unknown): unknown => {
  try {
    act();
  } catch (error) {
    return error;
  }
  return new Error('did not throw');
};

const expectRefusal = (error: unknown, field: string, rule: RegExp) => {
  expect(error).toBeInstanceOf(InvalidInputError);
  expect(error).toMatchObject({ field, kind: 'invalid-input' });
  expect((error as InvalidInputError).rule).toMatch(rule);
  expect((error as Error).message).toBe(`${field} ${(error as InvalidInputError).rule}`);
};

export function describeRefusedOptions(adapter: RefusalAdapter): void {
  /** A client over a fake fetch, its credentials provider counting attempts (it is asked before each one). */
  const counted = (options: Record<string, unknown> = {}) => {
    const { fetch, requests } = fakeFetch(json(adapter.ok));
    let attempts = 0;
    const credentials = () => {
      attempts++;
      return adapter.keys;
    };
    const create = () => adapter.create({ fetch, credentials, retry: { random: () => 0 }, ...options });
    return { create, sent: () => ({ requests: requests.length, attempts }) };
  };
  const nothingSent = { requests: 0, attempts: 0 };

  describe('an endpoint that is not http: or https:', () => {
    for (const endpoint of ['file:///etc/passwd', 'data:text/plain,hi', 'javascript:alert(1)', 'ftp://127.0.0.1/layers']) {
      it(`${endpoint} is refused at creation with InvalidInputError naming endpoint and its scheme; nothing is sent`, () => {
        const { create, sent } = counted({ endpoint });
        const error = thrownBy(create);
        expectRefusal(error, 'endpoint', /^must be an https: or http: URL, got "[a-z]+:"$/);
        // Only the scheme is quoted: the rest of a URL may carry a token.
        expect((error as Error).message).toBe(`endpoint must be an https: or http: URL, got "${new URL(endpoint).protocol}"`);
        expect(sent()).toEqual(nothingSent);
      });
    }

    it('a user name or password in the endpoint is refused whatever the scheme, the password quoted nowhere', () => {
      for (const endpoint of ['https://user:pw-do-not-show@127.0.0.1/', 'ftp://user:pw-do-not-show@127.0.0.1/']) {
        const { create, sent } = counted({ endpoint });
        const error = thrownBy(create);
        expect(error).toBeInstanceOf(InvalidInputError);
        expect(error).toMatchObject({ field: 'endpoint' });
        expect(String(error)).not.toContain('pw-do-not-show');
        expect(sent()).toEqual(nothingSent);
      }
    });

    it('http: (a local mock) and https: are taken, in any case', async () => {
      for (const endpoint of ['http://127.0.0.1:1', 'HTTPS://example.invalid/base/']) expect(() => counted({ endpoint }).create()).not.toThrow();
    });
  });

  describe('a header HTTP cannot carry', () => {
    // One rule for a header's name and value, as RFC 9110 states them.
    const rule = /^must have a token name and a value free of CR, LF, NUL and other controls \(RFC 9110\)$/;
    for (const value of ['a\r\nx-injected: 1', 'a\rb', 'a\nb', 'a\0b', 'a\u0001b', 'a\u007fb', 'a\u2028b']) {
      it(`a per-call header valued ${shown(value)} is an InvalidInputError naming it; no attempt is made`, async () => {
        const { create, sent } = counted();
        const error = await create()
          .getLayerVersion(adapter.input as never, { headers: { 'x-a': value } })
          .catch((e: unknown) => e);
        expectRefusal(error, 'headers["x-a"]', rule);
        expect(sent()).toEqual(nothingSent);
      });

      it(`a client header valued ${shown(value)} is refused at creation, naming it`, () => {
        const { create, sent } = counted({ headers: { 'x-a': value } });
        expectRefusal(thrownBy(create), 'headers["x-a"]', rule);
        expect(sent()).toEqual(nothingSent);
      });
    }

    for (const name of ['x a', 'x:a', 'x\r\ninjected', '', 'é', '(x)']) {
      const field = `headers[${JSON.stringify(name)}]`;
      it(`a per-call header named ${shown(name)} (not an RFC 9110 token) is an InvalidInputError naming it; no attempt is made`, async () => {
        const { create, sent } = counted();
        const error = await create()
          .getLayerVersion(adapter.input as never, { headers: { [name]: 'v' } })
          .catch((e: unknown) => e);
        expectRefusal(error, field, rule);
        expect(sent()).toEqual(nothingSent);
      });

      it(`a client header named ${shown(name)} is refused at creation, naming it`, () => {
        const { create, sent } = counted({ headers: { [name]: 'v' } });
        expectRefusal(thrownBy(create), field, rule);
        expect(sent()).toEqual(nothingSent);
      });
    }

    it('a header of tab, space, visible ASCII and obs-text is sent', async () => {
      const { create, sent } = counted({ headers: { "x-b!#$%&'*+.^_`|~9": 'b' } });
      await expect(create().getLayerVersion(adapter.input as never, { headers: { 'x-a': 'a\tb c~\u00e9' } })).resolves.toBeDefined();
      expect(sent()).toEqual({ requests: 1, attempts: 1 });
    });
  });
}
