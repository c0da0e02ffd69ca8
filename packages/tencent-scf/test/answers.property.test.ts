// Random answers under the client: whatever status and body arrive, the call either resolves to
// the `Response` of a 2xx envelope without `Error` (with validateResponses, only one matching the
// spec) or rejects with one of the client's typed errors. An `Error` envelope is never data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClientError, TencentCloudError, createScfClient } from '../src/index.js';
import { credentials, envelopes } from './helpers.js';

const RUNS = 1000;
const statuses = fc.oneof(fc.constantFrom(200, 200, 200, 204, 400, 429, 500, 502), fc.integer({ min: 200, max: 599 }));
const responses = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.record(
    { Error: fc.record({ Code: fc.oneof(fc.string(), fc.anything()), Message: fc.anything() }, { requiredKeys: [] }), RequestId: fc.anything() },
    { requiredKeys: [] },
  ),
  fc.constantFrom(...envelopes().map((e) => e.Response)),
);
const bodies = fc.oneof(
  responses.map((Response) => JSON.stringify({ Response }) ?? ''),
  fc.json(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('', '{', 'null', '{"Response": null}', '{"Response": []}', '<html>502</html>'),
);

describe('the client under random answers', () => {
  for (const validateResponses of [false, true]) {
    it(`${RUNS} answers, validateResponses ${validateResponses}: typed outcome only`, async () => {
      await fc.assert(
        fc.asyncProperty(statuses, bodies, async (status, body) => {
          const answer = () => new Response([204, 205, 304].includes(status) ? null : body, { status, headers: { 'content-type': 'application/json' } });
          const client = createScfClient({ credentials, maxAttempts: 1, validateResponses, fetch: async () => answer() });
          const outcome = await client.getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 }).then(
            (data) => ({ data }),
            (error: unknown) => ({ error }),
          );
          if ('data' in outcome) {
            expect(status >= 200 && status < 300).toBe(true);
            const sent = JSON.parse(body).Response;
            expect(sent.Error).toBeUndefined();
            expect(outcome.data).toEqual(sent);
          } else {
            expect(outcome.error).toBeInstanceOf(ClientError);
            let parsed: any;
            try {
              parsed = JSON.parse(body);
            } catch {
              parsed = undefined;
            }
            const isErrorEnvelope = status === 200 && parsed?.Response?.Error !== undefined && typeof parsed.Response === 'object' && !Array.isArray(parsed.Response);
            if (isErrorEnvelope) expect(outcome.error).toBeInstanceOf(TencentCloudError);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});
