// Thousands of random and adversarial inputs against the input check. Each one
// is either rejected with an InvalidInputError naming the field (and nothing is sent), or sent as
// exactly one correct request. The oracle is the bundled spec itself, read independently.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adversarialStrings } from '../../client-runtime/testing/adversarial.js';
import { InvalidInputError, createLambdaClient } from '../src/index.js';
import { credentials, json, spec, successExample } from './helpers.js';

const RUNS = 2000;
const nameRule = spec.components.schemas.LayerName;
const versionRule = spec.components.schemas.LayerVersionNumber;
const validName = (v: unknown) =>
  typeof v === 'string' && [...v].length >= nameRule.minLength && [...v].length <= nameRule.maxLength && new RegExp(nameRule.pattern, 'u').test(v);
const validVersion = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= versionRule.minimum;

const layerNames = adversarialStrings(
  nameRule.maxLength,
  ['arn:aws:lambda:us-east-1:123456789012:layer:../x'],
  fc.stringMatching(/^[a-zA-Z0-9_-]{1,140}$/),
  fc
    .tuple(fc.stringMatching(/^[a-z0-9-]{1,12}$/), fc.stringMatching(/^\d{12}$/), fc.stringMatching(/^[a-zA-Z0-9_-]{1,60}$/))
    .map(([region, account, name]) => `arn:aws:lambda:${region}:${account}:layer:${name}`),
);
const adversarialNumbers = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double(),
  fc.constantFrom(0, -0, 1, -1, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 2 ** 63, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, 1.5),
);
const anything = fc.anything({ maxDepth: 3, withBigInt: true, withMap: true, withDate: true });

async function attempt(value: unknown) {
  const sent: Request[] = [];
  const client = createLambdaClient({
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
    fetch: async (request) => {
      sent.push(request);
      return json(successExample());
    },
  });
  const outcome = await client.getLayerVersion(value as never).then(
    () => 'sent' as const,
    (error: unknown) => error,
  );
  return { outcome, sent };
}

function checkOutcome(input: unknown, outcome: unknown, sent: Request[]) {
  const fields = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined;
  const shouldSend = fields !== undefined && validName(fields.LayerName) && validVersion(fields.VersionNumber);
  if (!shouldSend) {
    expect(outcome).toBeInstanceOf(InvalidInputError);
    expect(['input', 'LayerName', 'VersionNumber']).toContain((outcome as InvalidInputError).field);
    expect((outcome as Error).message.startsWith(`${(outcome as InvalidInputError).field} `)).toBe(true);
    expect(sent).toHaveLength(0);
    return;
  }
  expect(outcome).toBe('sent');
  expect(sent).toHaveLength(1);
  const segments = new URL(sent[0]!.url).pathname.split('/');
  // One segment for the name, whatever it holds; the exact number after it.
  expect(segments).toHaveLength(6);
  expect(decodeURIComponent(segments[3]!)).toBe(fields!.LayerName);
  expect(segments[5]).toBe(String(fields!.VersionNumber));
}

describe('input check under random and adversarial input', () => {
  it(`LayerName: ${RUNS} strings of every class`, async () => {
    await fc.assert(
      fc.asyncProperty(layerNames, async (LayerName) => {
        const input = { LayerName, VersionNumber: 1 };
        const { outcome, sent } = await attempt(input);
        checkOutcome(input, outcome, sent);
      }),
      { numRuns: RUNS },
    );
  });

  it(`VersionNumber: ${RUNS} numbers at and beyond 2^53, NaN, fractions and wrong types`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(adversarialNumbers, anything), async (VersionNumber) => {
        const input = { LayerName: 'my-layer', VersionNumber };
        const { outcome, sent } = await attempt(input);
        checkOutcome(input, outcome, sent);
      }),
      { numRuns: RUNS },
    );
  });

  it(`whole input: ${RUNS} values of any JSON or JavaScript shape`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anything, fc.record({ LayerName: fc.oneof(layerNames, anything), VersionNumber: fc.oneof(adversarialNumbers, anything) })),
        async (input) => {
          const { outcome, sent } = await attempt(input);
          checkOutcome(input, outcome, sent);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
