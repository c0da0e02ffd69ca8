#!/usr/bin/env node
// @ts-check
// Writes src/generated/mapping.ts: for each API of the published model (`@layerspec/specs/model`)
// and each of its operations whose outputs carry layer concepts, which output feeds which field of
// the neutral LayerVersion, found by the output's concept, with the type, digest encoding and date
// shape the conversion needs (a list's items from its `[]` outputs), and which operations the
// neutral calls use. The concepts below are the neutral model's vocabulary; every other fact is the
// model's. In a mapped operation, an output whose concept the neutral model does not know stops
// the generation, naming the operation, the output and the concept, and an output without a
// concept is listed as kept in `raw`, so a field added to a spec is mapped, refused or listed,
// never dropped unseen. An operation about something else is left out.
// Usage: node scripts/generate-mapping.mjs [--out FILE] [--check]
// With --check nothing is written: it exits 1 when the file differs from a fresh generation.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { models } from '@layerspec/specs/model';

/** @import { ApiModel, OperationModel, OutputModel } from '@layerspec/specs/model' */

/** The neutral field (a dotted path of LayerVersion) each concept feeds. */
export const NEUTRAL_FIELDS = /** @type {const} */ ({
  'layer-name': 'name',
  'layer-version': 'version',
  'layer-version-arn': 'arn',
  description: 'description',
  license: 'license',
  'created-at': 'createdAt',
  'compatible-runtimes': 'runtimes',
  'compatible-architectures': 'architectures',
  status: 'status',
  'download-location': 'archive.location',
  'archive-size': 'archive.size',
  'archive-sha256': 'archive.sha256',
});

/** The status vocabulary of a LayerVersion; each provider's values map onto it (src/status.ts). */
export const LAYER_STATUSES = /** @type {const} */ (['available', 'publishing', 'publish-failed', 'deleting', 'delete-failed', 'deleted']);

/** What a neutral field's conversion reads from its output besides the value: the spec must give it. */
const NEEDS = /** @type {const} */ ({
  createdAt: ['date', 'x-layerspec-date'],
  'archive.sha256': ['encoding', 'x-layerspec-encoding'],
});

/** Concepts the neutral model knows and keeps only in `raw`, each with the reason. */
export const RAW_ONLY_CONCEPTS = /** @type {const} */ ({
  'request-id': 'it names the call, not the layer version',
  'layer-arn': 'it is the version ARN without its version',
  'signing-profile': 'code signing is an AWS-only detail',
  'signing-job': 'code signing is an AWS-only detail',
});

/**
 * @typedef {{ field: string, concept: string, from: readonly string[], required: boolean, type: string } & Record<string, unknown>} FieldEntry
 * @typedef {{ from: string, concept: string, item?: true } & Record<string, unknown>} RawOnlyEntry
 * @typedef {{ token: string, next: readonly string[], size?: string, sizeMaximum?: string }} Paging
 * @typedef {{ inputs: { name?: string, version?: string }, items?: readonly string[], paging?: Paging, fields: FieldEntry[], rawOnly: RawOnlyEntry[], withoutConcept: string[] }} OperationMapping
 * @typedef {{ source: string, getLayerVersion?: string, listLayerVersions?: string, operations: Record<string, OperationMapping> }} ApiMapping
 */

/** The concept of an output that lists layer versions; each item's outputs feed the neutral fields. */
export const LIST_CONCEPT = 'layer-versions';

/** The paging concepts of a list operation: the input that asks for a page, its size, and the output naming the next page. */
const PAGING = /** @type {const} */ ({ token: 'page-token', size: 'page-size', next: 'next-page-token' });

/** The segment of an output path that stands for each item of a list (`LayerVersions`, `[]`, `Version`). */
const ITEM = '[]';

const isLayerConcept = (/** @type {string | undefined} */ concept) => concept !== undefined && (Object.hasOwn(NEUTRAL_FIELDS, concept) || concept === LIST_CONCEPT);

/**
 * The mapping of one operation's outputs onto the neutral fields; undefined when none of its
 * outputs carries a layer concept (the operation is about something else, and is not mapped).
 * A list operation (one output with the concept `layer-versions`) maps the outputs of each item,
 * with paths from the item; every other operation maps the outputs of its result.
 * @param {ApiModel} model
 * @param {OperationModel} operation
 * @returns {OperationMapping | undefined}
 */
export function mapOperation(model, operation) {
  if (!operation.outputs.some((output) => isLayerConcept(output.concept))) return undefined;
  const where = `${model.api} ${operation.id}`;
  const lists = operation.outputs.filter((output) => output.concept === LIST_CONCEPT);
  if (lists.length > 1)
    throw new Error(`${where}: outputs ${lists.map((l) => l.name).join(' and ')} both have concept "${LIST_CONCEPT}"; a list operation lists one kind of item`);
  const list = lists[0];
  if (list !== undefined && (list.in !== 'body' || list.type !== 'array' || list.path.includes(ITEM)))
    throw new Error(`${where}: output ${list.name} has concept "${LIST_CONCEPT}" but is not an array member of the result's body`);
  const itemPrefix = list === undefined ? [] : [...list.path, ITEM];
  const inItem = (/** @type {OutputModel} */ output) => itemPrefix.every((key, i) => output.path[i] === key) && output.path.length > itemPrefix.length;
  /** @type {FieldEntry[]} */
  const fields = [];
  /** @type {RawOnlyEntry[]} */
  const rawOnly = [];
  /** @type {string[]} */
  const withoutConcept = [];
  /** @type {{ next?: readonly string[] }} */
  const paging = {};
  for (const output of operation.outputs) {
    if (output === list) continue;
    if (list !== undefined && output.concept === PAGING.next) {
      if (output.in !== 'body') throw new Error(`${where}: output ${output.name} (concept "${PAGING.next}") is a header; the next page is read from the answer's body`);
      paging.next = output.path;
      continue;
    }
    const from = list !== undefined && inItem(output) ? output.path.slice(itemPrefix.length) : output.path;
    if (output.concept === undefined) {
      // An object without a concept only holds other outputs (AWS's `Content`); any other output
      // without one means nothing the neutral model can know, so it stays in `raw`, listed here.
      if (output.type !== 'object') withoutConcept.push(output.name);
      continue;
    }
    if (Object.hasOwn(RAW_ONLY_CONCEPTS, output.concept)) {
      // A header by its name, a member by its path (from the item, marked so, for a list's items).
      const item = list !== undefined && inItem(output) ? { item: /** @type {const} */ (true) } : {};
      rawOnly.push({ from: output.in === 'header' ? output.name : from.join('.'), ...item, concept: output.concept, ...rules(output) });
      continue;
    }
    if (!Object.hasOwn(NEUTRAL_FIELDS, output.concept)) {
      throw new Error(
        `${where}: output ${output.name} has concept "${output.concept}", which the neutral LayerVersion does not know; add it to NEUTRAL_FIELDS or RAW_ONLY_CONCEPTS in packages/layers/scripts/generate-mapping.mjs`,
      );
    }
    const field = NEUTRAL_FIELDS[/** @type {keyof typeof NEUTRAL_FIELDS} */ (output.concept)];
    if (list !== undefined && !inItem(output))
      throw new Error(`${where}: output ${output.name} feeds ${field} but lies outside the list ${list.name}, whose items are the layer versions`);
    if (from.includes(ITEM)) throw new Error(`${where}: output ${output.name} feeds ${field} from inside a list of its own; a neutral field reads one value`);
    if (fields.some((f) => f.field === field)) throw new Error(`${where}: output ${output.name} feeds ${field}, which another output feeds already`);
    if (output.in !== 'body') throw new Error(`${where}: output ${output.name} (concept "${output.concept}") is a header; LayerVersion reads the answer's body only`);
    const need = /** @type {Record<string, readonly [keyof OutputModel, string]>} */ (NEEDS)[field];
    if (need !== undefined && output[need[0]] === undefined) {
      throw new Error(`${where}: output ${output.name} feeds ${field}, whose conversion needs its ${need[1]}, which the spec does not give`);
    }
    fields.push(describe(field, from, output));
  }
  /** @type {OperationMapping} */
  const mapped = { inputs: callInputs(operation), fields, rawOnly, withoutConcept };
  if (list !== undefined) {
    mapped.items = list.path;
    const token = operation.inputs.find((input) => input.concept === PAGING.token);
    const size = operation.inputs.find((input) => input.concept === PAGING.size);
    if ((token === undefined) !== (paging.next === undefined))
      throw new Error(`${where}: paging needs both an input with concept "${PAGING.token}" and an output with concept "${PAGING.next}"; the spec gives only one`);
    if (token !== undefined && paging.next !== undefined) {
      mapped.paging = {
        token: token.name,
        next: paging.next,
        ...(size === undefined ? {} : { size: size.name, ...(size.maximum === undefined ? {} : { sizeMaximum: size.maximum }) }),
      };
    }
  }
  // The lists last, so each operation's entry reads: its inputs, its items and paging, then its fields.
  const { fields: f, rawOnly: r, withoutConcept: w, ...head } = mapped;
  return { ...head, fields: f, rawOnly: r, withoutConcept: w };
}

/**
 * The mapping of one API: each operation that carries layer concepts, by operationId, and which of
 * them the neutral calls use. `getLayerVersion` is the operation whose inputs name a layer and a
 * version and whose answer is that version; `listLayerVersions` the one whose inputs name a layer
 * and whose answer lists its versions. Both are found by concept, never by name.
 * @param {ApiModel} model
 * @returns {ApiMapping}
 */
export function mapApi(model) {
  /** @type {Record<string, OperationMapping>} */
  const operations = {};
  for (const operation of Object.values(model.operations)) {
    const mapped = mapOperation(model, operation);
    if (mapped !== undefined) operations[operation.id] = mapped;
  }
  /** @type {Record<string, string>} */
  const roles = {};
  /** @param {string} role @param {(mapped: OperationMapping) => boolean} fits */
  const choose = (role, fits) => {
    const ids = Object.keys(operations).filter((id) => fits(/** @type {OperationMapping} */ (operations[id])));
    if (ids.length > 1)
      throw new Error(`${model.api}: operations ${ids.join(' and ')} both fit ${role} (by their input and output concepts); the neutral call must have one`);
    if (ids[0] !== undefined) roles[role] = ids[0];
  };
  choose('getLayerVersion', ({ items, inputs }) => items === undefined && inputs.name !== undefined && inputs.version !== undefined);
  choose('listLayerVersions', ({ items, inputs }) => items !== undefined && inputs.name !== undefined && inputs.version === undefined);
  return { source: model.source, ...roles, operations };
}

/** The neutral argument of getLayerVersion and listLayerVersions each concept of the operation's input feeds. */
export const NEUTRAL_INPUTS = /** @type {const} */ ({ 'layer-name': 'name', 'layer-version': 'version' });

/**
 * The operation's input names for the neutral arguments its inputs carry (`{ name, version }`).
 * @param {OperationModel} operation
 */
function callInputs(operation) {
  /** @type {{ name?: string, version?: string }} */
  const inputs = {};
  for (const [concept, argument] of Object.entries(NEUTRAL_INPUTS)) {
    const input = operation.inputs.find((i) => i.concept === concept && (i.in === 'path' || i.in === 'body'));
    if (input !== undefined) inputs[/** @type {'name' | 'version'} */ (argument)] = input.name;
  }
  return inputs;
}

/**
 * What the conversion of one field needs to know of its output.
 * @param {string} field
 * @param {readonly string[]} from the output's path, from the result or from the list's item
 * @param {OutputModel} output
 */
function describe(field, from, output) {
  /** @type {FieldEntry} */
  const entry = { field, concept: /** @type {string} */ (output.concept), from, required: output.required, type: output.type };
  if (output.format !== undefined) entry.format = output.format;
  // Integer bounds stay exact decimal text, as the model gives them (int64 does not fit a number).
  if (output.minimum !== undefined) entry.minimum = output.minimum;
  if (output.maximum !== undefined) entry.maximum = output.maximum;
  if (output.encoding !== undefined) entry.encoding = output.encoding;
  if (output.date !== undefined) entry.date = output.date;
  if (output.enum !== undefined) entry.enum = output.enum;
  if (output.items?.enum !== undefined) entry.itemsEnum = output.items.enum;
  return { ...entry, ...rules(output) };
}

/**
 * The rules a value written to the output must keep (fromLayerVersion checks them): a string's
 * pattern and length, an array's length and the rule of an item beyond `itemsEnum`.
 * @param {OutputModel} output
 */
function rules(output) {
  /** @type {Record<string, unknown>} */
  const entry = {};
  if (output.pattern !== undefined) entry.pattern = output.pattern;
  if (output.minLength !== undefined) entry.minLength = output.minLength;
  if (output.maxLength !== undefined) entry.maxLength = output.maxLength;
  if (output.maxItems !== undefined) entry.maxItems = output.maxItems;
  const item = output.items?.enum === undefined ? output.items : output.items.others;
  if (item?.pattern !== undefined) entry.itemsPattern = item.pattern;
  if (item?.maxLength !== undefined) entry.itemsMaxLength = item.maxLength;
  return entry;
}

/**
 * The text of src/generated/mapping.ts.
 * @param {Readonly<Record<string, ApiModel>>} apis
 */
export function generateMapping(apis) {
  const mapping = Object.fromEntries(Object.entries(apis).map(([name, model]) => [name, mapApi(model)]));
  return [
    '// Generated from the model of each spec (@layerspec/specs/model) by packages/layers/scripts/generate-mapping.mjs.',
    '// Do not edit this file: change the spec, then run `npm run generate`.',
    '',
    '/** For each provider: each operation that carries layer concepts, which output (path from the result, or from each listed item) feeds which LayerVersion field and its shape, and the operations the neutral calls use. */',
    `export const mapping = ${JSON.stringify(mapping, null, 2)} as const;`,
    '',
    '/** The status vocabulary of a LayerVersion. */',
    `export const layerStatuses = ${JSON.stringify(LAYER_STATUSES)} as const;`,
    '',
  ].join('\n');
}

const defaultOut = resolve(dirname(fileURLToPath(import.meta.url)), '../src/generated/mapping.ts');

function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' }, check: { type: 'boolean', default: false } } });
  const out = values.out ?? defaultOut;
  const text = generateMapping(/** @type {Readonly<Record<string, ApiModel>>} */ (models));
  if (values.check) {
    if (existsSync(out) && readFileSync(out, 'utf8') === text) return;
    console.error(`${out} is out of date with the specs: run \`npm run generate\` and commit the result.`);
    process.exit(1);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`${out} <- @layerspec/specs/model`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
