// Properties of the conversions over random values: both digest forms agree with node:buffer,
// every instant written in a spec's date shape reads back to itself, integers stay exact, and
// random answers built from the generated mapping always convert to the values they were built from.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DateShape,
  exactInteger,
  LayerConversionError,
  layerVersionJson,
  mapping,
  type Provider,
  readDate,
  sha256From,
  toLayerVersion,
  writeDate,
} from '../src/index.js';
import { getMapping, newAjv } from './helpers.js';

const RUNS = 300;
const digests = fc.uint8Array({ minLength: 32, maxLength: 32 });
const instants = fc.date({ min: new Date('2000-01-02T00:00:00Z'), max: new Date('2099-12-30T23:59:59.999Z'), noInvalidDate: true });
const int64s = fc.bigInt({ min: 0n, max: 2n ** 63n - 1n });

/** Minutes east of UTC of `+08:00` or `-0330`. */
const minutesOf = (offset: string) => {
  const [, sign, hh, mm] = /^([+-])(\d{2}):?(\d{2})$/.exec(offset) ?? [];
  return (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm));
};
const written = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${String(Math.trunc(Math.abs(minutes) / 60)).padStart(2, '0')}${String(Math.abs(minutes) % 60).padStart(2, '0')}`;

/** An instant written in a date shape at an offset (the shape's own offset literal replaced by it). */
function format(instant: Date, { shape }: DateShape, offsetMinutes: number): string {
  const wall = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString();
  const parts: Record<string, string> = {
    YYYY: wall.slice(0, 4),
    MM: wall.slice(5, 7),
    DD: wall.slice(8, 10),
    hh: wall.slice(11, 13),
    mm: wall.slice(14, 16),
    ss: wall.slice(17, 19),
    sss: wall.slice(20, 23),
  };
  return shape.replace(/YYYY|sss|MM|DD|hh|mm|ss|[+-]\d{2}:?\d{2}/g, (token) => parts[token] ?? written(offsetMinutes));
}

const dateShape = (provider: Provider) => {
  const field = getMapping(provider).fields.find((f) => f.field === 'createdAt');
  if (field === undefined || !('date' in field)) throw new Error(`${provider} has no date shape`);
  return field.date;
};
const hasMilliseconds = (shape: DateShape) => shape.shape.includes('sss');
const hasOffset = (shape: DateShape) => /[+-]\d{2}:?\d{2}/.test(shape.shape);

describe('conversion properties', () => {
  it('a digest in hex and in base64 converts to the same pair as node:buffer writes it', () => {
    fc.assert(
      fc.property(digests, (bytes) => {
        const expected = { hex: Buffer.from(bytes).toString('hex'), base64: Buffer.from(bytes).toString('base64') };
        expect(sha256From(expected.hex, 'hex')).toEqual(expected);
        expect(sha256From(expected.base64, 'base64')).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  for (const provider of Object.keys(mapping) as Provider[]) {
    const shape = dateShape(provider);
    it(`${provider}: every instant written in the shape ${shape.shape} reads back to itself`, () => {
      const offsets = hasOffset(shape) ? fc.integer({ min: -12 * 60, max: 14 * 60 }) : fc.constant(minutesOf(shape.utcOffset));
      fc.assert(
        fc.property(instants, offsets, (instant, offset) => {
          const exact = hasMilliseconds(shape) ? instant : new Date(Math.floor(instant.getTime() / 1000) * 1000);
          expect(readDate(format(exact, shape, offset), shape)).toEqual(exact);
        }),
        { numRuns: RUNS },
      );
    });
  }

  for (const provider of Object.keys(mapping) as Provider[]) {
    const shape = dateShape(provider);
    it(`${provider}: writeDate writes every instant as the test's own formatter does at ${shape.utcOffset}, and readDate reads it back`, () => {
      fc.assert(
        fc.property(instants, (instant) => {
          const text = writeDate(instant, shape);
          const exact = hasMilliseconds(shape) ? instant : new Date(Math.floor(instant.getTime() / 1000) * 1000);
          expect(text).toBe(format(exact, shape, minutesOf(shape.utcOffset)));
          expect(readDate(text, shape)).toEqual(exact);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('every int64, as decimal text or bigint, stays exact: a number while safe', () => {
    fc.assert(
      fc.property(int64s, fc.boolean(), (value, asText) => {
        const result = exactInteger(asText ? String(value) : value);
        expect(typeof result).toBe(value <= BigInt(Number.MAX_SAFE_INTEGER) ? 'number' : 'bigint');
        expect(BigInt(result as number | bigint)).toBe(value);
      }),
      { numRuns: RUNS },
    );
  });
});

type Entry = {
  field: string;
  from: readonly string[];
  required: boolean;
  type: string;
  format?: string;
  minimum?: string;
  maximum?: string;
  encoding?: { as: 'hex' | 'base64' };
  date?: DateShape;
  enum?: readonly string[];
  itemsEnum?: readonly string[];
};
type Built = { value: unknown; expect: (layer: Record<string, unknown>) => void };

const neutralAt = (layer: Record<string, unknown>, field: string) => field.split('.').reduce<unknown>((inner, key) => (inner as Record<string, unknown>)?.[key], layer);

/** A random valid value of one mapped output, with what its neutral field must then be. */
function randomValue(entry: Entry): fc.Arbitrary<Built> {
  const is = (expected: unknown) => (layer: Record<string, unknown>) => expect(neutralAt(layer, entry.field)).toEqual(expected);
  if (entry.date) {
    const shape = entry.date;
    return instants.map((instant) => {
      const exact = hasMilliseconds(shape) ? instant : new Date(Math.floor(instant.getTime() / 1000) * 1000);
      return { value: format(exact, shape, minutesOf(shape.utcOffset)), expect: is(exact) };
    });
  }
  if (entry.encoding) {
    const as = entry.encoding.as;
    return digests.map((bytes) => ({
      value: Buffer.from(bytes).toString(as),
      expect: (layer) => expect(neutralAt(layer, entry.field)).toMatchObject({ hex: Buffer.from(bytes).toString('hex') }),
    }));
  }
  if (entry.type === 'integer')
    return fc.bigInt({ min: BigInt(entry.minimum ?? 0), max: BigInt(entry.maximum ?? 2n ** 63n - 1n) }).map((value) => ({
      value: value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value,
      expect: (layer) => expect(BigInt(neutralAt(layer, entry.field) as bigint)).toBe(value),
    }));
  if (entry.enum) return fc.constantFrom(...entry.enum).map((value) => ({ value, expect: (layer) => expect(typeof neutralAt(layer, entry.field)).toBe('string') }));
  if (entry.type === 'array') {
    const items = entry.itemsEnum ? fc.constantFrom(...entry.itemsEnum) : fc.string({ minLength: 1, maxLength: 20 });
    return fc.array(items, { maxLength: 5 }).map((value) => ({
      value,
      expect: (layer) =>
        expect((neutralAt(layer, entry.field) as unknown[]).map((item) => (typeof item === 'string' ? item : (item as { name: string }).name))).toEqual(value),
    }));
  }
  // A valid answer's uri (the location) is a URL, as its spec's format says.
  const strings = entry.format === 'uri' ? fc.webUrl() : fc.string({ maxLength: 40 });
  return strings.map((value) => ({ value, expect: is(value) }));
}

function answers(provider: Provider): fc.Arbitrary<{ answer: Record<string, unknown>; checks: Built[] }> {
  const entries = getMapping(provider).fields as readonly Entry[];
  return fc.tuple(...entries.map((entry) => (entry.required ? randomValue(entry) : fc.option(randomValue(entry), { nil: undefined })))).map((built) => {
    const answer: Record<string, unknown> = {};
    const checks: Built[] = [];
    built.forEach((b, i) => {
      const from = entries[i]?.from ?? [];
      if (b === undefined) return;
      let target = answer;
      for (const key of from.slice(0, -1)) {
        target[key] ??= {};
        target = target[key] as Record<string, unknown>;
      }
      target[from.at(-1) as string] = b.value;
      checks.push(b);
    });
    return { answer, checks };
  });
}

const ajv = newAjv();
const validLayerVersion = ajv.compile(JSON.parse(readFileSync(new URL('../layer-version.schema.json', import.meta.url), 'utf8')));

describe('random answers built from the mapping', () => {
  for (const provider of Object.keys(mapping) as Provider[]) {
    it(`${provider}: always convert, to the values they were built from, as JSON the shipped schema accepts`, () => {
      fc.assert(
        fc.property(answers(provider), ({ answer, checks }) => {
          const layer = toLayerVersion(provider, answer as never);
          expect(layer.raw).toBe(answer);
          expect(layer.provider).toBe(provider);
          for (const check of checks) check.expect(layer as unknown as Record<string, unknown>);
          expect(validLayerVersion(JSON.parse(layerVersionJson(layer))), ajv.errorsText(validLayerVersion.errors)).toBe(true);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('random values at the mapped fields', () => {
  for (const provider of Object.keys(mapping) as Provider[]) {
    it(`${provider}: convert, or throw LayerConversionError naming a mapped field; nothing else`, () => {
      const paths = getMapping(provider).fields.map((f) => f.from);
      const fields = new Set(paths.map((from) => from.join('.')));
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.constantFrom(...paths), fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true })), { maxLength: 8 }),
          (assignments) => {
            const answer: Record<string, unknown> = {};
            for (const [from, value] of assignments) {
              let target = answer;
              for (const key of from.slice(0, -1)) {
                if (target[key] === null || typeof target[key] !== 'object') target[key] = {};
                target = target[key] as Record<string, unknown>;
              }
              target[from.at(-1) as string] = value;
            }
            try {
              toLayerVersion(provider, answer as never);
            } catch (error) {
              expect(error).toBeInstanceOf(LayerConversionError);
              expect(fields.has((error as LayerConversionError).field)).toBe(true);
            }
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});
