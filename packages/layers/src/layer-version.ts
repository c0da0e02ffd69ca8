// toLayerVersion: a provider's GetLayerVersion answer as one LayerVersion. Which answer field
// feeds which neutral field comes from the generated mapping; this file holds only the
// conversion of each neutral field.
import type { GetLayerVersionOutput as LambdaAnswer, Operations as LambdaOperations } from '@layerspec/aws-lambda';
import type { GetLayerVersionOutput as ScfAnswer, Operations as ScfOperations } from '@layerspec/tencent-scf';
import { readLayerVersionArn } from './arns.js';
import { readDate } from './dates.js';
import { type Sha256, sha256From } from './digest.js';
import { LayerConversionError } from './errors.js';
import { exactInteger } from './integers.js';
import { checkProvider, type FieldMapping, type ListMappings, type MappedOperation, operationFor, type Provider } from './operations.js';
import { runtimeOf, type Runtime } from './runtimes.js';
import { type LayerStatus, statusTables, statusWithoutField } from './status.js';
import { shown } from './shown.js';

export type { Provider } from './operations.js';

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

function valueAt(answer: unknown, path: readonly string[]): unknown {
  let value = answer;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The neutral value of one answer field, by the neutral field it feeds; `item` names the list item it is in. */
function convert(provider: Provider, entry: FieldMapping, value: unknown, item: string): unknown {
  const at = item + entry.from.join('.');
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

/** The neutral fields of one answer (or one item of a list) by the operation's field mappings; `item` prefixes the field names of errors. */
function neutralFields(
  provider: Provider,
  fields: readonly FieldMapping[],
  answer: object,
  context: LayerContext,
  item: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const layer: Record<string, unknown> = { provider, runtimes: [], status: statusWithoutField, ...extra };
  for (const entry of fields) {
    const value = valueAt(answer, entry.from);
    if (value === undefined || value === null) {
      if (entry.required) throw new LayerConversionError(provider, item + entry.from.join('.'), 'is required and missing');
      continue;
    }
    setAt(layer, entry.field, convert(provider, entry, value, item));
  }
  const arn = readLayerVersionArn(layer.arn);
  if (layer.name === undefined && arn !== undefined) layer.name = arn.name;
  const region = context.region ?? arn?.region;
  if (region !== undefined) layer.region = region;
  layer.raw = answer;
  return layer;
}

/**
 * A provider's GetLayerVersion answer (from a layerspec client or the provider's SDK) as a
 * LayerVersion. Throws LayerConversionError naming the field when a value breaks its spec.
 */
export function toLayerVersion<P extends Provider, A extends AnswerOf<P>>(provider: P, answer: A, context: LayerContext = {}): LayerVersion<P, A> {
  const { fields } = operationFor(provider, 'getLayerVersion');
  if (answer === null || typeof answer !== 'object') throw new LayerConversionError(provider, '(answer)', 'is not an object');
  return neutralFields(provider, fields, answer, context, '', { archive: {} }) as unknown as LayerVersion<P, A>;
}

/** The answer of each provider's ListLayerVersions (one page), as its client returns it; the operation is the one the mapping gives listLayerVersions. */
export interface ListAnswers {
  'aws-lambda': LambdaOperations[ListMappings['aws-lambda']['id']]['output'];
  'tencent-scf': ScfOperations[ListMappings['tencent-scf']['id']]['output'];
}

/** One item of a provider's ListLayerVersions answer, as its client returns it: an item of the list the mapping's `items` names. */
export type ListItem<P extends Provider = Provider> = P extends Provider
  ? NonNullable<ListAnswers[P][ListMappings[P]['items'][0] & keyof ListAnswers[P]]> extends readonly (infer I)[]
    ? I
    : never
  : never;

/**
 * A version of a layer as a list names it: the fields of a LayerVersion that a list item carries
 * (no archive: only reading one version gives its location and digest), with the item as `raw`.
 */
export type LayerVersionSummary<P extends Provider = Provider, I = ListItem<P>> = Omit<LayerVersion<P, I>, 'archive'>;

/** The list of items of a list answer, at the path the mapping gives; `(answer)` errors when it is not a list. */
function itemsOf(provider: Provider, operation: MappedOperation, answer: unknown): readonly unknown[] {
  const path = operation.items ?? [];
  if (answer === null || typeof answer !== 'object') throw new LayerConversionError(provider, '(answer)', 'is not an object');
  const items = valueAt(answer, path);
  // AWS leaves the list out when it is empty; Tencent's client has checked its required list already.
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) throw new LayerConversionError(provider, path.join('.'), `${shown(items)} is not a list`);
  return items;
}

/**
 * The items of a provider's ListLayerVersions answer (one page, from a layerspec client or the
 * provider's SDK) as LayerVersionSummaries, in the answer's order. Throws LayerConversionError
 * naming the item and field (`LayerVersions[2].Version`) when a value breaks its spec.
 */
export function toLayerVersionSummaries<P extends Provider>(provider: P, answer: object, context: LayerContext = {}): LayerVersionSummary<P>[] {
  checkProvider(provider);
  const operation = operationFor(provider, 'listLayerVersions');
  const at = (operation.items ?? []).join('.');
  return itemsOf(provider, operation, answer).map((item, i) => {
    if (item === null || typeof item !== 'object') throw new LayerConversionError(provider, `${at}[${i}]`, 'is not an object');
    return neutralFields(provider, operation.fields, item, context, `${at}[${i}].`) as unknown as LayerVersionSummary<P>;
  });
}
