// Random answers under the client: whatever status, headers and body arrive, the call either
// resolves to a JSON object (2xx only; with validateResponses only one that matches the spec)
// or rejects with one of the client's typed errors. Never a stray TypeError, never a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClientError, InvalidResponseError, LambdaError, createLambdaClient } from '../src/index.js';
import { credentials, successExample } from './helpers.js';

const RUNS = 1000;
const statuses = fc.oneof(fc.constantFrom(200, 201, 204, 400, 403, 404, 429, 500, 502, 503), fc.integer({ min: 200, max: 599 }));
const bodies = fc.oneof(
  fc.json().map((text) => text),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('', '{', 'null', '[]', '"text"', '<html>502</html>', '{"Version": "one"}', JSON.stringify(successExample())),
  fc
    .record({ message: fc.oneof(fc.string(), fc.integer()), Message: fc.anything(), Reason: fc.anything(), Type: fc.anything(), __type: fc.string() })
    .map((b) => JSON.stringify(b)),
);
const errorTypes = fc.option(
  fc.oneof(
    fc.constantFrom('InvalidParameterValueException', 'ResourceNotFoundException', 'TooManyRequestsException', 'ServiceException', 'InvalidSignatureException'),
    fc.string({ maxLength: 40 }),
  ),
  { nil: undefined },
);
const retryAfter = fc.option(fc.oneof(fc.constantFrom('0', '1', 'soon', '-1', '99999'), fc.string({ maxLength: 10 })), { nil: undefined });

describe('the client under random answers', () => {
  for (const validateResponses of [false, true]) {
    it(`${RUNS} answers, validateResponses ${validateResponses}: typed outcome only`, async () => {
      await fc.assert(
        fc.asyncProperty(statuses, bodies, errorTypes, retryAfter, async (status, body, errorType, after) => {
          const headers = new Headers({ 'content-type': 'application/json' });
          // Header values must be ISO-8859-1 text without newlines to exist at all.
          const safe = (v: string) => /^[\x20-\x7e]*$/.test(v);
          if (errorType !== undefined && safe(errorType)) headers.set('x-amzn-ErrorType', errorType);
          if (after !== undefined && safe(after)) headers.set('Retry-After', after);
          const answer = () => new Response([204, 205, 304].includes(status) ? null : body, { status, headers });
          const client = createLambdaClient({ region: 'us-east-1', credentials, maxAttempts: 1, validateResponses, fetch: async () => answer() });
          const outcome = await client.getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 }).then(
            (data) => ({ data }),
            (error: unknown) => ({ error }),
          );
          if ('data' in outcome) {
            expect(status >= 200 && status < 300).toBe(true);
            expect(typeof outcome.data).toBe('object');
            expect(Array.isArray(outcome.data)).toBe(false);
            expect(outcome.data).toEqual(JSON.parse(body));
          } else {
            expect(outcome.error).toBeInstanceOf(ClientError);
            // A redirect is refused before its body is read; every other error answer is a LambdaError.
            const redirect = status >= 300 && status < 400 && status !== 304;
            if (status >= 300) expect(outcome.error).toBeInstanceOf(redirect ? InvalidResponseError : LambdaError);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});
