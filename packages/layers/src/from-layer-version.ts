// fromLayerVersion: a layer in neutral fields written as a provider's GetLayerVersion answer, the
// inverse of toLayerVersion. Which neutral field goes to which answer field, in which date shape
// and digest encoding, is the same generated mapping; each value written is checked against the
// rules the mapping carries from the spec, so the answer is one the spec accepts.
import { defaultPartition, type LayerArnParts, readLayerVersionArn, writeLayerArn, writeLayerVersionArn } from './arns.js';
import { type DateShape, readDate, writeDate } from './dates.js';
import { type Sha256, sha256From } from './digest.js';
import { LayerConversionError } from './errors.js';
import { layerStatuses } from './generated/mapping.js';
import type { Answers } from './layer-version.js';
import { checkProvider, operationFor, type Provider, type GetMappings } from './operations.js';
import { type OutputRules, ruleBroken } from './rules.js';
import { runtimeTables } from './runtimes.js';
import { shown } from './shown.js';
import { type LayerStatus, statusTables, statusWithoutField } from './status.js';

/** A runtime to write: the provider's own `name` as it is, or a `language` and `version` looked up in the provider's runtimeTables entry. */
export interface RuntimeInput {
  readonly name?: string;
  readonly language?: string;
  readonly version?: string;
}

/** A layer version in neutral fields, as fromLayerVersion writes it: a LayerVersion without `provider` and `raw`, every field but `name` and `version` optional. */
export interface LayerVersionInput {
  readonly name: string;
  readonly version: number | bigint;
  /** The version ARN (AWS); when given, it must be the one `name`, `version`, `region` and `account` make. */
  readonly arn?: string;
  readonly region?: string;
  /** The AWS account ID the ARNs carry. */
  readonly account?: string;
  readonly description?: string;
  readonly license?: string;
  /** A Date, or ISO 8601 text with an offset (`2019-11-26T08:15:33Z`, `2019-11-26T16:15:33.000+08:00`). */
  readonly createdAt?: Date | string;
  readonly runtimes?: readonly RuntimeInput[];
  readonly architectures?: readonly string[];
  /** `available` when absent, the status of an answer without one. */
  readonly status?: LayerStatus;
  readonly archive?: {
    readonly location?: string;
    readonly size?: number | bigint;
    /** Hex or base64 (told apart by their form), or both forms, which must agree. */
    readonly sha256?: string | Sha256;
  };
}

/** What the answer needs beyond the layer: the region, account and partition of AWS's ARNs, where the layer does not give them. */
export interface AnswerContext {
  readonly region?: string;
  readonly account?: string;
  /** `aws` unless given (the China and GovCloud regions have their own). */
  readonly partition?: string;
}

type RequestIdFields = { [P in Provider]: Extract<GetMappings[P]['rawOnly'][number], { concept: 'request-id' }>['from'] };

/** A provider's GetLayerVersion answer as its client returns it, less the request ID, which names a call rather than the layer. */
export type LayerAnswer<P extends Provider> = Omit<Answers[P], RequestIdFields[P]>;

interface Entry extends OutputRules {
  readonly field: string;
  readonly from: readonly string[];
  readonly required: boolean;
  readonly date?: DateShape;
  readonly encoding?: { readonly as: 'hex' | 'base64' };
}

interface RawOnlyEntry extends OutputRules {
  readonly from: string;
  readonly concept: string;
}

// ISO 8601 date-times with an offset, read with the date reader: the offset in the shape stands for any offset.
const ISO_SHAPES: readonly DateShape[] = [
  { shape: 'YYYY-MM-DDThh:mm:ss.sss+00:00', utcOffset: '+00:00' },
  { shape: 'YYYY-MM-DDThh:mm:ss+00:00', utcOffset: '+00:00' },
];

const HEX_LENGTH = 64;

/** One writing of a layer: its provider, the layer and the context, and the errors they give. */
class Writer {
  private arnParts?: LayerArnParts;

  constructor(
    readonly provider: Provider,
    readonly layer: LayerVersionInput,
    readonly context: AnswerContext,
  ) {}

  fail(field: string, rule: string): LayerConversionError {
    return new LayerConversionError(this.provider, field, rule, 'invalid-input');
  }

  integer(field: string, value: unknown): number {
    if (typeof value === 'number' && !Number.isInteger(value)) throw this.fail(field, `${value} is not an integer`);
    if (typeof value !== 'number' && typeof value !== 'bigint') throw this.fail(field, `${shown(value)} is not an integer`);
    if (typeof value === 'bigint' ? value < BigInt(Number.MIN_SAFE_INTEGER) || value > BigInt(Number.MAX_SAFE_INTEGER) : !Number.isSafeInteger(value)) {
      throw this.fail(field, `${value} is beyond 2^53 - 1: JSON numbers beyond 2^53 cannot be written exactly`);
    }
    return Number(value);
  }

  text(field: string, value: unknown): string {
    if (typeof value !== 'string') throw this.fail(field, `${shown(value)} is not a string`);
    return value;
  }

  date(value: unknown, shape: DateShape): string {
    let instant: Date | undefined;
    if (value instanceof Date) instant = value;
    else if (typeof value === 'string') instant = ISO_SHAPES.map((iso) => readDate(value, iso)).find((read) => read instanceof Date);
    if (instant === undefined) throw this.fail('createdAt', `${shown(value)} is neither a Date nor ISO 8601 text with an offset (2019-11-26T08:15:33Z)`);
    try {
      return writeDate(instant, shape);
    } catch (error) {
      throw this.fail('createdAt', (error as Error).message);
    }
  }

  sha256(value: unknown, as: 'hex' | 'base64'): string {
    const field = 'archive.sha256';
    const checked = (digest: Sha256 | string) => {
      if (typeof digest === 'string') throw this.fail(field, digest);
      return digest;
    };
    if (typeof value === 'string') return checked(sha256From(value, value.length === HEX_LENGTH ? 'hex' : 'base64'))[as];
    if (value === null || typeof value !== 'object') throw this.fail(field, `${shown(value)} is neither a digest's text nor { hex, base64 }`);
    const { hex, base64 } = value as Partial<Sha256>;
    const fromHex = hex === undefined ? undefined : checked(sha256From(this.text(`${field}.hex`, hex), 'hex'));
    const fromBase64 = base64 === undefined ? undefined : checked(sha256From(this.text(`${field}.base64`, base64), 'base64'));
    if (fromHex && fromBase64 && fromHex.hex !== fromBase64.hex) throw this.fail(field, `its hex ${hex} and its base64 ${base64} are different digests`);
    const digest = fromHex ?? fromBase64;
    if (digest === undefined) throw this.fail(field, 'has neither hex nor base64');
    return digest[as];
  }

  status(value: unknown): string {
    const table: Readonly<Record<string, LayerStatus>> = (statusTables as Record<string, Readonly<Record<string, LayerStatus>>>)[this.provider] ?? {};
    const found = Object.entries(table).find(([, status]) => status === value);
    if (found === undefined) throw this.fail('status', `${shown(value)} is not one of the statuses ${layerStatuses.join(', ')}`);
    return found[0];
  }

  runtimes(value: unknown): string[] {
    if (!Array.isArray(value)) throw this.fail('runtimes', `${shown(value)} is not a list`);
    const table: readonly (readonly [string, string, string?])[] = runtimeTables[this.provider as keyof typeof runtimeTables] ?? [];
    return value.map((item: unknown, i) => {
      const at = `runtimes[${i}]`;
      if (item === null || typeof item !== 'object') throw this.fail(at, `${shown(item)} is not { name } or { language, version }`);
      const { name, language, version } = item as RuntimeInput;
      if (name !== undefined) return this.text(`${at}.name`, name);
      if (language === undefined) throw this.fail(at, 'has neither a name nor a language');
      this.text(`${at}.language`, language);
      if (version !== undefined) this.text(`${at}.version`, version);
      const entry = table.find(([, lang, ver]) => lang === language && ver === version);
      if (entry === undefined) {
        const runtime = version === undefined ? language : `${language} ${version}`;
        throw this.fail(at, `${this.provider} has no runtime for ${runtime} in its runtime table; give the provider's runtime name as name instead`);
      }
      return entry[0];
    });
  }

  /** The parts of AWS's ARNs: the layer's, then the context's, then those of the layer's own `arn`. */
  arn(): LayerArnParts {
    if (this.arnParts) return this.arnParts;
    const { layer, context } = this;
    const given = layer.arn === undefined ? undefined : readLayerVersionArn(layer.arn);
    if (layer.arn !== undefined && given === undefined)
      throw this.fail('arn', `${shown(layer.arn)} is not a layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>)`);
    const region = layer.region ?? context.region ?? given?.region;
    const account = layer.account ?? context.account ?? given?.account;
    const needs = `${this.provider}'s answer carries the layer's ARN, which needs the`;
    if (region === undefined) throw this.fail('region', `${needs} region; give region in the layer or the context`);
    if (account === undefined) throw this.fail('account', `${needs} account ID; give account in the layer or the context`);
    this.arnParts = {
      partition: context.partition ?? given?.partition ?? defaultPartition,
      region: this.text('region', region),
      account: this.text('account', account),
      name: this.text('name', layer.name),
    };
    if (layer.arn !== undefined) {
      const built = writeLayerVersionArn(this.arnParts, this.integer('version', layer.version));
      if (built !== layer.arn) throw this.fail('arn', `${shown(layer.arn)} is not the ARN of this layer's name, version, region and account, ${built}`);
    }
    return this.arnParts;
  }

  /** The value one mapped output gets, in the provider's form; undefined when the layer has none (undefined or null). */
  value(entry: Entry): unknown {
    const { layer } = this;
    const field = entry.field;
    if (field === 'arn') return writeLayerVersionArn(this.arn(), this.integer('version', layer.version));
    if (field === 'status') return this.status(layer.status ?? statusWithoutField);
    const value = field
      .split('.')
      .reduce<unknown>((inner, key) => (inner !== null && typeof inner === 'object' ? (inner as Record<string, unknown>)[key] : undefined), layer);
    if (value === undefined || value === null) return undefined;
    switch (field) {
      case 'version':
      case 'archive.size':
        return this.integer(field, value);
      case 'createdAt':
        return entry.date === undefined ? undefined : this.date(value, entry.date);
      case 'runtimes':
        return this.runtimes(value);
      case 'architectures':
        if (!Array.isArray(value)) throw this.fail(field, `${shown(value)} is not a list`);
        return [...value];
      case 'archive.sha256':
        return entry.encoding === undefined ? undefined : this.sha256(value, entry.encoding.as);
      case 'name':
      case 'description':
      case 'license':
      case 'archive.location':
        return this.text(field, value);
      default:
        throw new TypeError(`fromLayerVersion cannot write the neutral field ${field}`);
    }
  }

  /** Sets `value` at `path` of `answer` once it keeps the output's rules; `field` names it in an error. */
  write(answer: Record<string, unknown>, path: readonly string[], value: unknown, rules: OutputRules, field: string): void {
    const broken = ruleBroken(value, rules, field);
    if (broken) throw this.fail(broken.field, `${broken.rule} (${this.provider}'s ${path.join('.')})`);
    let target = answer;
    for (const key of path.slice(0, -1)) {
      target[key] ??= {};
      target = target[key] as Record<string, unknown>;
    }
    target[path.at(-1) as string] = value;
  }
}

/**
 * A layer in neutral fields as the provider's GetLayerVersion answer, the inverse of
 * toLayerVersion: the result its client returns (for Tencent the inside of `Response`, without
 * `RequestId`). Fields without a value are left out. Throws LayerConversionError
 * (`kind: 'invalid-input'`) naming the layer's field when a value cannot be written, breaks the
 * spec's rule for its output, or is missing where the provider's answer requires it.
 */
export function fromLayerVersion<P extends Provider>(provider: P, layer: LayerVersionInput, context: AnswerContext = {}): LayerAnswer<P> {
  checkProvider(provider);
  const api = operationFor(provider, 'getLayerVersion') as { readonly fields: readonly Entry[]; readonly rawOnly: readonly RawOnlyEntry[] };
  if (layer === null || typeof layer !== 'object') throw new LayerConversionError(provider, '(layer)', 'is not an object', 'invalid-input');
  const writer = new Writer(provider, layer, context);
  const answer: Record<string, unknown> = {};
  for (const entry of api.fields) {
    const value = writer.value(entry);
    if (value === undefined) {
      if (entry.required) throw writer.fail(entry.field, `has no value, and ${provider}'s answer requires its ${entry.from.join('.')}`);
      continue;
    }
    writer.write(answer, entry.from, value, entry, entry.field);
  }
  for (const entry of api.rawOnly) {
    if (entry.concept === 'layer-arn') writer.write(answer, entry.from.split('.'), writeLayerArn(writer.arn()), entry, 'arn');
  }
  return answer as LayerAnswer<P>;
}
