// Fixtures: layers written once in the neutral fields of @layerspec/layers and served by each
// provider's mock in that provider's own wire shape. A fixture set is checked against its own
// format, then turned into the provider's answer and checked against the spec's success schema,
// so that a mock never serves an answer its spec forbids.
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { type LayerStatus, LayerConversionError, fromLayerVersion, operationFor, statusWithoutField } from '@layerspec/layers';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import type { ApiModel, OperationModel } from '@layerspec/specs/model';
import { atResultPath, loadModel, operationsOf, placeAt, readBuilt, setAt, successSchemaPath, valueAt } from '../model.js';
import { PROVIDERS, type Provider } from '../providers.js';
import { FIXTURE_FILE_SCHEMA } from './fixture-schema.js';
import { FileReadError, MAX_ARCHIVE_BYTES, MAX_FIXTURE_FILE_BYTES, readFileInside, readRegularFile } from './fixture-files.js';

/** The archive of a fixture: its bytes (a file or base64), or only what an answer says of it. */
export interface FixtureArchive {
  /** A file whose bytes the mock serves, in the fixture file's own folder; only a fixture file may name one. */
  file?: string;
  /** The bytes the mock serves, in base64. */
  base64?: string;
  size?: number;
  /** In hex or base64; each provider's answer writes it its own way. */
  sha256?: string;
  /** Where the archive lives, for a fixture without bytes. */
  location?: string;
}

/** The neutral fields of one layer version, as a fixture gives them. */
export interface FixtureFields {
  description?: string;
  license?: string;
  /** An ISO 8601 instant, e.g. `2024-05-01T12:00:00Z`. */
  createdAt?: string;
  /** Neutral (`{ language: nodejs, version: '18' }`) or a provider's own name (`{ name: nodejs18.x }`). */
  runtimes?: { name?: string; language?: string; version?: string }[];
  architectures?: string[];
  status?: LayerStatus;
  /** AWS's version ARN; checked to be the one the name, version, Region and account make. */
  arn?: string;
  region?: string;
  account?: string;
  archive?: FixtureArchive;
}

/** What one provider serves differently: neutral fields, and members of its answer set as they are. */
export interface ProviderOverride extends FixtureFields {
  answer?: Record<string, unknown>;
}

export type FixtureLayer = FixtureFields & {
  name: string;
  version: number;
} & { [P in Provider]?: ProviderOverride };

export interface FixtureSet {
  /** The Region of AWS ARNs; a layer may give its own. */
  region?: string;
  /** The AWS account of AWS ARNs; a layer may give its own. */
  account?: string;
  layers: FixtureLayer[];
}

/** One layer version as a provider's mock serves it. */
export interface ServedLayer {
  name: string;
  version: bigint;
  /** The layer's ARN where the provider's answer carries one (AWS takes it as a name too). */
  arn?: string;
  /** The result of the operation that reads one layer version (for Tencent, the inside of its envelope), without a request ID. */
  result: Record<string, unknown>;
  /** The version as an item of each operation that lists versions, by operationId. */
  items: Record<string, Record<string, unknown>>;
  /** The archive bytes the mock serves itself, when the fixture gave them, and the path it serves them at. */
  archive?: { bytes: Uint8Array; path: string };
  /** Whether the provider shows the version at all: one without a status field shows only available ones. */
  visible: boolean;
}

/** The AWS account of ARNs when a fixture set names none: the account of the specs' examples. */
export const DEFAULT_ACCOUNT = '123456789012';

/** A fixture that breaks a rule: where (file, entry) and which rule. */
export class FixtureError extends Error {
  override readonly name = 'FixtureError';
  constructor(
    readonly source: string,
    readonly entry: string,
    readonly rule: string,
  ) {
    super(`${source}: ${entry}: ${rule}`);
  }
}

/** Where archives given as bytes are served on the mock; the answers' Location points there. */
export const FIXTURE_ARCHIVE_PREFIX = '/__layerspec/archives/';

/** Reads a fixture file (YAML or JSON) and checks its format; its archive files are read from its own folder. */
export function readFixtureFile(path: string): { fixtures: FixtureSet; source: string; baseDir: string } {
  let text: string;
  try {
    text = readRegularFile(path, MAX_FIXTURE_FILE_BYTES).toString('utf8');
  } catch (error) {
    throw new FixtureError(path, '(file)', `cannot be read: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new FixtureError(path, '(file)', `is not valid YAML or JSON: ${(error as Error).message}`);
  }
  return { fixtures: checkFixtureFormat(value, path), source: path, baseDir: dirname(resolve(path)) };
}

const ajv = new Ajv2020({ allErrors: false, strict: false });
addFormats.default(ajv);
// The specs' int32 and int64 formats: their bounds are checked as bounds, not as formats.
ajv.addFormat('int32', true);
ajv.addFormat('int64', true);
const validateFormat = ajv.compile(FIXTURE_FILE_SCHEMA);

/** Keys that would reach an object's prototype when merged, and so no fixture may hold. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A value checked to be a fixture set, or a FixtureError naming the first broken rule. */
export function checkFixtureFormat(value: unknown, source: string): FixtureSet {
  const unsafe = prototypeKeyPath(value, '');
  if (unsafe !== undefined) {
    throw new FixtureError(source, entryName(value, unsafe), `is a key no fixture may hold (__proto__, constructor and prototype would change every object of the mock)`);
  }
  if (validateFormat(value)) return value as FixtureSet;
  const error = validateFormat.errors?.[0];
  throw new FixtureError(source, entryName(value, error?.instancePath ?? ''), ruleOf(error));
}

/**
 * A fixture set given as data (a control API body, or an object passed to the mock): it carries
 * archive bytes as base64 and never names a file, so a caller of the control API cannot make the
 * mock read and serve a file of the machine it runs on.
 */
export function checkFixtureData(value: unknown, source: string): FixtureSet {
  const fixtures = checkFixtureFormat(value, source);
  fixtures.layers.forEach((layer, index) => {
    for (const at of ['', ...PROVIDERS.map((provider) => `/${provider}`)]) {
      const holder = at === '' ? layer : layer[at.slice(1) as Provider];
      if (holder?.archive?.file !== undefined) {
        throw new FixtureError(
          source,
          entryName(value, `/layers/${index}${at}/archive/file`),
          'names a file, which only a fixture file may do (for its own folder); a fixture set given as data carries archive bytes as base64',
        );
      }
    }
  });
  return fixtures;
}

/** The JSON pointer of the first key in `value` that would reach a prototype, if any. */
function prototypeKeyPath(value: unknown, at: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) return `${at}/${key}`;
    const found = prototypeKeyPath((value as Record<string, unknown>)[key], `${at}/${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function entryName(value: unknown, pointer: string): string {
  const parts = pointer.split('/').slice(1);
  if (parts[0] !== 'layers' || parts[1] === undefined) return pointer === '' ? '(top level)' : parts.join('.');
  const layer = valueAt(value, ['layers', parts[1]]) as { name?: unknown; version?: unknown } | undefined;
  const label = typeof layer?.name === 'string' ? ` (${layer.name}${layer.version === undefined ? '' : ` version ${String(layer.version)}`})` : '';
  const rest = parts.slice(2).join('.');
  return `layers[${parts[1]}]${label}${rest ? ` ${rest}` : ''}`;
}

function ruleOf(error: ErrorObject | undefined | null): string {
  if (!error) return 'is not valid';
  if (error.keyword === 'additionalProperties') return `has the member "${String(error.params.additionalProperty)}", which no fixture has`;
  if (error.keyword === 'enum') return `must be one of ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
  return error.message ?? 'is not valid';
}

const successValidators = new Map<string, ReturnType<typeof ajv.compile>>();

/** The check of an operation's success answer against its schema in the spec (`successSchemas[operationId]`). */
export function successValidator(provider: Provider, operationId: string) {
  const key = `${provider} ${operationId}`;
  let validate = successValidators.get(key);
  if (!validate) {
    const schemas = readBuilt(successSchemaPath(provider)) as Record<string, object>;
    const schema = Object.hasOwn(schemas, operationId) ? schemas[operationId] : undefined;
    if (!schema) throw new Error(`the ${provider} model has no success schema of ${operationId}`);
    validate = ajv.compile(schema);
    successValidators.set(key, validate);
  }
  return validate;
}

/**
 * Whether an operation reads one layer version: its inputs name a layer and a version, and its
 * answer describes that version (a `layer-version` output outside any list).
 */
export function readsLayerVersion(operation: OperationModel): boolean {
  const carries = (concept: string) => operation.inputs.some((input) => input.concept === concept);
  const describes = operation.outputs.some((output) => output.in === 'body' && output.concept === 'layer-version' && !output.path.includes('[]'));
  return carries('layer-name') && carries('layer-version') && describes;
}

/**
 * The operation that reads one layer version. Fixtures are made into its result by
 * @layerspec/layers, whose mapping is read from that operation's outputs.
 */
export function readOperation(model: ApiModel): OperationModel {
  const operation = operationsOf(model).find(readsLayerVersion);
  if (!operation) throw new Error(`the ${model.api} spec has no operation whose inputs name a layer and a version and whose answer describes it (x-layerspec-concept)`);
  return operation;
}

/** The Region of AWS ARNs when a fixture names none: the default of the spec's server variable. */
function defaultRegion(model: ApiModel): string | undefined {
  const variables = model.servers[0]?.variables as Record<string, { default?: string }> | undefined;
  return variables?.region?.default;
}

/**
 * The origin of the Location of an archive the mock serves itself, until an answer puts the
 * address the request arrived on in its place (withArchiveOrigin).
 */
const PLACEHOLDER_ORIGIN = 'http://127.0.0.1';

/** Where an operation lists layer versions: the list's path in the result, and each item member that carries a concept. */
export interface ListShape {
  path: readonly string[];
  /**
   * The members of an item, in the spec's order: each that carries a concept, and each required
   * one that carries none, so that no fixture field says what it holds (Tencent's `Stamp`), with
   * its value in the first item of the operation's first success example.
   */
  members: ({ name: string; concept: string } | { name: string; example: unknown })[];
}

/**
 * How an operation lists layer versions, if it does: one of its outputs is an array whose items
 * carry a layer version (`x-layerspec-concept: layer-version`). Read from the outputs alone.
 */
export function listShape(operation: OperationModel): ListShape | undefined {
  const isItemOf = (list: readonly string[], item: readonly string[]) =>
    item.length === list.length + 2 && list.every((key, index) => item[index] === key) && item[list.length] === '[]';
  const body = operation.outputs.filter((output) => output.in === 'body');
  const list = body.find((output) => output.type === 'array' && body.some((item) => isItemOf(output.path, item.path) && item.concept === 'layer-version'));
  if (!list) return undefined;
  const example = operation.scenarios
    .filter((scenario) => scenario.outcome === 'success')
    .map((scenario) => valueAt(scenario.value, [...operation.result, ...list.path, '0']))
    .find((item) => item !== undefined);
  const members = body.flatMap((item): ListShape['members'] => {
    if (!isItemOf(list.path, item.path)) return [];
    const name = item.path.at(-1)!;
    if (item.concept) return [{ name, concept: item.concept }];
    const value = valueAt(example, [name]);
    return item.required && value !== undefined ? [{ name, example: value }] : [];
  });
  return { path: list.path, members };
}

/**
 * A served version as an item of a list: each member that carries a concept with the value the
 * read operation's result has for the same concept (left out without one, as every such member
 * is optional), and each required member without a concept with its example's value.
 */
function listItem(read: OperationModel, shape: ListShape, result: Record<string, unknown>): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const member of shape.members) {
    if ('example' in member) {
      item[member.name] = structuredClone(member.example);
      continue;
    }
    const from = read.outputs.find((output) => output.in === 'body' && output.concept === member.concept);
    const value = from ? valueAt(result, from.path) : undefined;
    if (value !== undefined) item[member.name] = structuredClone(value);
  }
  return item;
}

/** A fixture set as one provider serves it: every layer turned into the provider's answer and checked against its spec. */
export function serveFixtures(provider: Provider, fixtures: FixtureSet, options: { source: string; baseDir?: string }): ServedLayer[] {
  const model = loadModel(provider);
  const operation = readOperation(model);
  const arnAt = operation.outputs.find((output) => output.in === 'body' && output.concept === 'layer-arn')?.path;
  const lists = operationsOf(model).flatMap((candidate) => {
    const shape = listShape(candidate);
    return shape ? [{ operation: candidate, shape }] : [];
  });
  const seen = new Set<string>();
  return fixtures.layers.map((layer, index) => {
    const entry = `layers[${index}] (${layer.name} version ${layer.version})`;
    const key = `${layer.name}\n${layer.version}`;
    if (seen.has(key)) throw new FixtureError(options.source, entry, 'repeats a name and version given before');
    seen.add(key);
    const fail = (rule: string) => new FixtureError(options.source, entry, `for ${provider}: ${rule}`);
    const { answer: extra, ...override } = layer[provider] ?? {};
    const fields: FixtureFields = { ...layer, ...override };
    const archive = readArchive(fields.archive, options.baseDir, (rule) => new FixtureError(options.source, entry, rule));
    const path = archivePath(layer.name, layer.version);
    const location = archive.bytes ? `${PLACEHOLDER_ORIGIN}${path}` : fields.archive?.location;
    let result: Record<string, unknown>;
    try {
      result = fromLayerVersion(
        provider,
        {
          name: layer.name,
          version: layer.version,
          ...pick(fields, ['description', 'license', 'createdAt', 'runtimes', 'architectures', 'status', 'arn']),
          archive: { ...(location === undefined ? {} : { location }), ...pick(archive, ['size', 'sha256']) },
        },
        // A given ARN names its own Region and account; the defaults fill in only without one.
        {
          ...optional('region', fields.region ?? fixtures.region ?? (fields.arn ? undefined : defaultRegion(model))),
          ...optional('account', fields.account ?? fixtures.account ?? (fields.arn ? undefined : DEFAULT_ACCOUNT)),
        },
      ) as Record<string, unknown>;
    } catch (error) {
      // Its message starts with the provider, which the fixture error names already.
      if (error instanceof LayerConversionError) throw fail(error.message.replace(`${provider} `, ''));
      throw error;
    }
    if (extra) mergeInto(result, extra);
    const validate = successValidator(provider, operation.id);
    const body = wrapResult(operation, result);
    if (!validate(body)) {
      const error = validate.errors?.[0];
      throw fail(`the answer's ${error?.instancePath || '(body)'} ${ruleOf(error)}`);
    }
    // Each list answers with the version as an item, checked against that operation's success schema too.
    const items: Record<string, Record<string, unknown>> = {};
    for (const list of lists) {
      const item = listItem(operation, list.shape, result);
      const validateList = successValidator(provider, list.operation.id);
      if (!validateList(wrapResult(list.operation, placeAt(list.shape.path, [item])))) {
        const error = validateList.errors?.[0];
        throw fail(`as an item of ${list.operation.id}: the answer's ${error?.instancePath || '(body)'} ${ruleOf(error)}`);
      }
      items[list.operation.id] = item;
    }
    const hasStatus = operationFor(provider, 'getLayerVersion').fields.some((field) => field.field === 'status');
    const status = fields.status ?? statusWithoutField;
    const arn = arnAt ? valueAt(result, arnAt) : undefined;
    return {
      name: layer.name,
      version: BigInt(layer.version),
      ...(typeof arn === 'string' ? { arn } : {}),
      result,
      items,
      ...(archive.bytes ? { archive: { bytes: archive.bytes, path } } : {}),
      visible: hasStatus || status === statusWithoutField,
    };
  });
}

/** A served layer's result with the Location of an archive the mock serves pointing at `origin`, the mock's own address. */
export function withArchiveOrigin(provider: Provider, layer: ServedLayer, origin: string): Record<string, unknown> {
  // Answers are written out, never changed, so a layer without served bytes needs no copy.
  if (!layer.archive) return layer.result;
  const result = structuredClone(layer.result);
  const at = operationFor(provider, 'getLayerVersion').fields.find((field) => field.field === 'archive.location')?.from;
  if (layer.archive && at) setAt(result, at, `${origin}${layer.archive.path}`);
  return result;
}

/** The path an archive given as bytes is served at. */
export function archivePath(name: string, version: number | bigint): string {
  return `${FIXTURE_ARCHIVE_PREFIX}${encodeURIComponent(name)}/${version}.zip`;
}

/** The whole answer body: the result at the operation's result path (Tencent's `Response`), with a stand-in request ID where the operation puts one. */
export function wrapResult(operation: OperationModel, result: Record<string, unknown>, requestId = '00000000-0000-4000-8000-000000000000'): Record<string, unknown> {
  const body = structuredClone(result);
  const requestIdAt = operation.outputs.find((output) => output.in === 'body' && output.concept === 'request-id');
  if (requestIdAt) body[requestIdAt.path.at(-1)!] = requestId;
  return atResultPath(operation, body);
}

function readArchive(
  archive: FixtureArchive | undefined,
  baseDir: string | undefined,
  fail: (rule: string) => Error,
): { bytes?: Uint8Array; size?: number; sha256?: string } {
  if (!archive) return {};
  let bytes: Uint8Array | undefined;
  if (archive.file !== undefined) {
    if (baseDir === undefined) throw fail('archive.file names a file, which only a fixture file may do; a fixture set given as data carries archive bytes as base64');
    try {
      bytes = readFileInside(baseDir, archive.file, MAX_ARCHIVE_BYTES);
    } catch (error) {
      if (error instanceof FileReadError) throw fail(`archive.file ${error.message}`);
      throw error;
    }
  } else if (archive.base64 !== undefined) {
    bytes = Buffer.from(archive.base64, 'base64');
  }
  if (!bytes) return pick(archive, ['size', 'sha256']);
  const sha256 = createHash('sha256').update(bytes);
  const digest = sha256.digest();
  if (archive.size !== undefined && archive.size !== bytes.length) throw fail(`archive.size is ${archive.size}, but the archive has ${bytes.length} bytes`);
  if (archive.sha256 !== undefined && ![digest.toString('hex'), digest.toString('base64')].includes(archive.sha256)) {
    throw fail(`archive.sha256 is ${archive.sha256}, but the archive's SHA-256 is ${digest.toString('hex')}`);
  }
  return { bytes, size: bytes.length, sha256: digest.toString('hex') };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, value[key]])) as Partial<Pick<T, K>>;
}

/**
 * Sets each member of `extra` into `target`, object members merged, anything else replaced. Only
 * own members are read and each is defined as an own data member, so a key such as `__proto__`
 * could never reach a prototype (checkFixtureFormat refuses them before).
 */
function mergeInto(target: Record<string, unknown>, extra: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(extra)) {
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isPlainObject(current) && isPlainObject(value)) mergeInto(current, value);
    else Object.defineProperty(target, key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
