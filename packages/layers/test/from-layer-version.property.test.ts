// Properties of fromLayerVersion over random layers in neutral fields: each is written as an
// answer the spec's success schema accepts, and toLayerVersion reads the same neutral values back;
// any value at any of the layer's fields is written or refused naming that field, never a crash.
import { Buffer } from 'node:buffer';
import { type ApiModel, models } from '@layerspec/specs/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerStatuses } from '../src/generated/mapping.js';
import { type Answers, fromLayerVersion, LayerConversionError, type LayerVersionInput, mapping, type Provider, runtimeTables, toLayerVersion } from '../src/index.js';
import { getMapping, getOperation, resultValidator } from './helpers.js';

const RUNS = 200;

type Entry = ReturnType<typeof getMapping>['fields'][number];
const entryOf = (provider: Provider, field: string): (Entry & Record<string, unknown>) | undefined =>
  (getMapping(provider).fields as readonly Entry[]).find((f) => f.field === field);
const outputOf = (provider: Provider, name: string) => getOperation(provider).outputs.find((o) => o.name === name);

// Names valid on both providers: Tencent's LayerName rule, whose names AWS's ARN pattern takes too.
const layerName = outputOf('tencent-scf', 'LayerName');
const names = fc.stringMatching(new RegExp(layerName?.pattern as string)).filter((name) => name.length <= (layerName?.maxLength as number));
// AWS regions as the endpoint's region variable takes them, kept short so the ARN stays within its length.
const regions = fc.stringMatching(new RegExp((models['aws-lambda'] as ApiModel).servers[0]?.variables.region?.pattern as string)).filter((region) => region.length <= 20);
const accounts = fc.stringMatching(/^\d{12}$/);
// The years both date patterns take (2000 to 2099), away from their ends so +08:00 stays inside.
const instants = fc.date({ min: new Date('2000-01-02T00:00:00Z'), max: new Date('2099-12-30T23:59:59.999Z'), noInvalidDate: true });
const digests = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes));

/** A safe integer within the provider's bounds for the field, as a number or a bigint. */
function integers(provider: Provider, field: string): fc.Arbitrary<number | bigint> {
  const entry = entryOf(provider, field);
  const min = BigInt((entry?.minimum as string | undefined) ?? 0);
  const max = BigInt((entry?.maximum as string | undefined) ?? Number.MAX_SAFE_INTEGER);
  return fc
    .bigInt({ min, max: max < BigInt(Number.MAX_SAFE_INTEGER) ? max : BigInt(Number.MAX_SAFE_INTEGER) })
    .chain((value) => fc.constantFrom<number | bigint>(value, Number(value)));
}

/** A field the provider's answer requires is always given; any other field now and then. */
function maybe<T>(provider: Provider, field: string, values: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return entryOf(provider, field)?.required ? values : fc.option(values, { nil: undefined });
}

function layers(provider: Provider): fc.Arbitrary<LayerVersionInput> {
  const table: readonly (readonly [string, string, string?])[] = runtimeTables[provider];
  const runtime = fc.constantFrom(...table).chain(([name, language, version]) => fc.constantFrom({ name }, version === undefined ? { language } : { language, version }));
  const architectures = entryOf(provider, 'architectures')?.itemsEnum as readonly string[] | undefined;
  const maxLength = (field: string) => outputOf(provider, entryOf(provider, field)?.from.join('.') ?? '')?.maxLength;
  return fc.record({
    name: names,
    version: integers(provider, 'version'),
    region: regions,
    account: accounts,
    description: maybe(provider, 'description', fc.string({ maxLength: maxLength('description') ?? 100 })),
    license: maybe(provider, 'license', fc.string({ maxLength: maxLength('license') ?? 100 })),
    createdAt: maybe(
      provider,
      'createdAt',
      fc.oneof(
        instants,
        instants.map((instant) => instant.toISOString()),
      ),
    ),
    runtimes: maybe(provider, 'runtimes', fc.array(runtime, { maxLength: 5 })),
    architectures: fc.option(fc.subarray([...(architectures ?? ['x86_64'])]), { nil: undefined }),
    status: fc.option(fc.constantFrom(...layerStatuses), { nil: undefined }),
    archive: fc.record({
      location: maybe(provider, 'archive.location', fc.webUrl()),
      size: maybe(provider, 'archive.size', integers(provider, 'archive.size')),
      sha256: maybe(
        provider,
        'archive.sha256',
        digests.chain((bytes) => fc.constantFrom(bytes.toString('hex'), bytes.toString('base64'), { hex: bytes.toString('hex'), base64: bytes.toString('base64') })),
      ),
    }),
  });
}

/** The neutral value toLayerVersion must give back for a field, from the layer that was written. */
function expected(provider: Provider, layer: LayerVersionInput, field: string): unknown {
  const table: readonly (readonly [string, string, string?])[] = runtimeTables[provider];
  const shape = entryOf(provider, 'createdAt')?.date as { shape: string } | undefined;
  switch (field) {
    case 'version':
    case 'archive.size': {
      const value = field === 'version' ? layer.version : layer.archive?.size;
      return value === undefined ? undefined : Number(value);
    }
    case 'createdAt': {
      if (layer.createdAt === undefined) return undefined;
      const time = new Date(layer.createdAt).getTime();
      // A shape without milliseconds keeps the instant to the second.
      return new Date(shape?.shape.includes('sss') ? time : Math.floor(time / 1000) * 1000);
    }
    case 'runtimes':
      // A LayerVersion's runtimes are a list even when the answer gave none.
      return (layer.runtimes ?? []).map((runtime) => {
        const entry = table.find(([name, language, version]) =>
          runtime.name === undefined ? language === runtime.language && version === runtime.version : name === runtime.name,
        );
        return entry?.[2] === undefined ? { name: entry?.[0], language: entry?.[1] } : { name: entry[0], language: entry[1], version: entry[2] };
      });
    case 'status':
      return layer.status ?? 'available';
    case 'archive.sha256': {
      const sha256 = layer.archive?.sha256;
      if (sha256 === undefined) return undefined;
      const bytes = typeof sha256 === 'string' ? Buffer.from(sha256, sha256.length === 64 ? 'hex' : 'base64') : Buffer.from(sha256.hex, 'hex');
      return { hex: bytes.toString('hex'), base64: bytes.toString('base64') };
    }
    case 'arn':
      return `arn:aws:lambda:${layer.region}:${layer.account}:layer:${layer.name}:${layer.version}`;
    default:
      return field.split('.').reduce<unknown>((inner, key) => (inner as Record<string, unknown> | undefined)?.[key], layer);
  }
}

const neutralAt = (layer: object, field: string) => field.split('.').reduce<unknown>((inner, key) => (inner as Record<string, unknown> | undefined)?.[key], layer);

describe('random layers in neutral fields', () => {
  for (const provider of Object.keys(mapping) as Provider[]) {
    it(`${provider}: are written as answers the spec's success schema accepts, which toLayerVersion reads back to the same values`, async () => {
      const validate = await resultValidator(provider);
      fc.assert(
        fc.property(layers(provider), (layer) => {
          const answer = fromLayerVersion(provider, layer);
          const check = validate(answer);
          expect(check.errors).toBe('No errors');
          expect(check.valid).toBe(true);
          const back = toLayerVersion(provider, answer as Answers[Provider], { region: layer.region });
          for (const { field } of getMapping(provider).fields)
            expect({ field, value: neutralAt(back, field) }).toEqual({ field, value: expected(provider, layer, field) });
          expect(back.name).toBe(layer.name);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

const LAYER_FIELDS = ['name', 'version', 'arn', 'region', 'account', 'description', 'license', 'createdAt', 'runtimes', 'architectures', 'status', 'archive'];
const ARCHIVE_FIELDS = ['location', 'size', 'sha256'];

describe("random values at the layer's fields", () => {
  for (const provider of Object.keys(mapping) as Provider[]) {
    it(`${provider}: are written, or refused with LayerConversionError naming the field; nothing else`, () => {
      const anything = fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true, withMap: true, withSet: true });
      const changes = fc.array(fc.tuple(fc.constantFrom(...LAYER_FIELDS, ...ARCHIVE_FIELDS.map((f) => `archive.${f}`)), anything), { minLength: 1, maxLength: 4 });
      fc.assert(
        fc.property(layers(provider), changes, (valid, changed) => {
          const layer: Record<string, unknown> = { ...valid, archive: { ...valid.archive } };
          for (const [field, value] of changed) {
            const [outer, inner] = field.split('.') as [string, string?];
            if (inner === undefined) layer[outer] = value;
            else if (layer.archive !== null && typeof layer.archive === 'object') layer.archive = { ...layer.archive, [inner]: value };
          }
          const named = new Set(changed.map(([name]) => name));
          // The ARN is made of these, so its pattern may be what a change of one of them breaks.
          if (['name', 'version', 'region', 'account'].some((name) => named.has(name))) named.add('arn');
          try {
            fromLayerVersion(provider, layer as unknown as LayerVersionInput);
          } catch (error) {
            expect(error).toBeInstanceOf(LayerConversionError);
            const field = (error as LayerConversionError).field;
            const root = field.split(/[.[]/)[0] as string;
            expect({ field, named: named.has(field) || named.has(root) || (named.has('archive') && field.startsWith('archive.')) }).toEqual({ field, named: true });
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});
