// toLayerVersion: a provider's GetLayerVersion answer as one LayerVersion. Which answer field
// feeds which neutral field comes from the generated mapping; this file holds only the
// conversion of each neutral field.
import type { GetLayerVersionOutput as LambdaAnswer } from '@layerspec/aws-lambda';
import type { GetLayerVersionOutput as ScfAnswer } from '@layerspec/tencent-scf';
import { readLayerVersionArn } from './arns.js';
import { readDate } from './dates.js';
import { type Sha256, sha256From } from './digest.js';
import { LayerConversionError } from './errors.js';
import { mapping } from './generated/mapping.js';
import { exactInteger } from './integers.js';
import { runtimeOf, type Runtime } from './runtimes.js';
import { type LayerStatus, statusTables, statusWithoutField } from './status.js';
import { shown } from './shown.js';

/** A provider this package maps. */
export type Provider = keyof typeof mapping;

/** The answer of each provider's GetLayerVersion, as its client returns it (the result, without Tencent's `Response` envelope). */
export interface Answers {
  'aws-lambda': LambdaAnswer;
  'tencent-scf': ScfAnswer;
}

/**
 * What toLayerVersion accepts: the answer's shape with every field optional and enums and
 * integers widened, so that an official SDK's output (`Status: string`, optional members, extra
 * `$metadata`) is accepted as it is typed; the values are checked when converted.
 */
export type AnswerOf<P extends Provider> = Loose<Answers[P]>;
type Loose<T> = T extends string
  ? string
  : T extends number
    ? number | bigint | string
    : T extends readonly (infer I)[]
      ? readonly Loose<I>[]
      : T extends object
        ? { readonly [K in keyof T]?: Loose<T[K]> | undefined }
        : T;

/** One version of a function layer, whichever cloud it lives in. */
export interface LayerVersion<P extends Provider = Provider, A = Answers[P]> {
  readonly provider: P;
  readonly name?: string;
  /** Exact: a number while it is a safe integer, a bigint beyond. */
  readonly version?: number | bigint;
  /** The version's ARN (AWS). */
  readonly arn?: string;
  /** The region, where the answer or the caller knows it. */
  readonly region?: string;
  readonly description?: string;
  readonly license?: string;
  /** The instant the version was created. */
  readonly createdAt?: Date;
  readonly runtimes: readonly Runtime[];
  /** The instruction set architectures, where the provider has them. */
  readonly architectures?: readonly string[];
  readonly status: LayerStatus;
  readonly archive: {
    readonly location?: string;
    /** In bytes, where the provider gives it; exact like `version`. */
    readonly size?: number | bigint;
    readonly sha256?: Sha256;
  };
  /** The provider's answer, untouched, as it was given. */
  readonly raw: A;
}

/** What the caller knows beyond the answer (the client's region). */
export interface LayerContext {
  readonly region?: string;
}

type FieldMapping = (typeof mapping)[Provider]['fields'][number];

function valueAt(answer: unknown, path: readonly string[]): unknown {
  let value = answer;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The neutral value of one answer field, by the neutral field it feeds. */
function convert(provider: Provider, entry: FieldMapping, value: unknown): unknown {
  const at = entry.from.join('.');
  const fail = (rule: string) => new LayerConversionError(provider, at, rule);
  const text = () => {
    if (typeof value !== 'string') throw fail(`${shown(value)} is not a string`);
    return value;
  };
  const checked = <T>(result: T | string): T => {
    if (typeof result === 'string') throw fail(result);
    return result;
  };
  switch (entry.field) {
    case 'version':
    case 'archive.size': {
      const integer = checked<number | bigint>(exactInteger(value));
      if ('minimum' in entry && BigInt(integer) < BigInt(entry.minimum)) throw fail(`${integer} is below the minimum ${entry.minimum}`);
      if ('maximum' in entry && BigInt(integer) > BigInt(entry.maximum)) throw fail(`${integer} is above the maximum ${entry.maximum}`);
      return integer;
    }
    case 'createdAt':
      return checked(readDate(text(), entry.date));
    case 'archive.sha256':
      return checked(sha256From(text(), entry.encoding.as));
    case 'status': {
      const table: Readonly<Record<string, LayerStatus>> | undefined = (statusTables as Record<string, Readonly<Record<string, LayerStatus>>>)[provider];
      const status = table && Object.hasOwn(table, text()) ? table[text()] : undefined;
      if (status === undefined) throw fail(`${shown(value)} is not one of the statuses ${Object.keys(table ?? {}).join(', ')}`);
      return status;
    }
    case 'runtimes':
    case 'architectures': {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw fail(`${shown(value)} is not a list of strings`);
      return entry.field === 'runtimes' ? value.map((name) => runtimeOf(provider, name)) : [...value];
    }
    default:
      return text();
  }
}

function setAt(target: Record<string, unknown>, field: string, value: unknown): void {
  const [head, ...rest] = field.split('.');
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  target[head] ??= {};
  setAt(target[head] as Record<string, unknown>, rest.join('.'), value);
}

/**
 * A provider's GetLayerVersion answer (from a layerspec client or the provider's SDK) as a
 * LayerVersion. Throws LayerConversionError naming the field when a value breaks its spec.
 */
export function toLayerVersion<P extends Provider, A extends AnswerOf<P>>(provider: P, answer: A, context: LayerContext = {}): LayerVersion<P, A> {
  const fields = mapping[provider]?.fields as readonly FieldMapping[] | undefined;
  if (fields === undefined) throw new TypeError(`provider must be one of ${Object.keys(mapping).join(', ')}; got ${shown(provider)}`);
  if (answer === null || typeof answer !== 'object') throw new LayerConversionError(provider, '(answer)', 'is not an object');
  const layer: Record<string, unknown> = { provider, runtimes: [], status: statusWithoutField, archive: {} };
  for (const entry of fields) {
    const value = valueAt(answer, entry.from);
    if (value === undefined || value === null) {
      if (entry.required) throw new LayerConversionError(provider, entry.from.join('.'), 'is required and missing');
      continue;
    }
    setAt(layer, entry.field, convert(provider, entry, value));
  }
  const arn = readLayerVersionArn(layer.arn);
  if (layer.name === undefined && arn !== undefined) layer.name = arn.name;
  const region = context.region ?? arn?.region;
  if (region !== undefined) layer.region = region;
  layer.raw = answer;
  return layer as unknown as LayerVersion<P, A>;
}
