#!/usr/bin/env node
// @ts-check
// Writes src/generated/mapping.ts: for each API of the published model (`@layerspec/specs/model`),
// which output feeds which field of the neutral LayerVersion, found by the output's concept, with
// the type, digest encoding and date shape the conversion needs. The concepts below are the
// neutral model's vocabulary; every other fact is the model's. An output whose concept the
// neutral model does not know stops the generation, naming the output and the concept, so a
// field added to a spec is either mapped or refused, never dropped unseen.
// Usage: node scripts/generate-mapping.mjs [--out FILE] [--check]
// With --check nothing is written: it exits 1 when the file differs from a fresh generation.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { models } from '@layerspec/specs/model';

/** @import { ApiModel, OutputModel } from '@layerspec/specs/model' */

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
 * The mapping of one API's outputs onto the neutral fields.
 * @param {ApiModel} model
 */
export function mapApi(model) {
  /** @type {Record<string, unknown>[]} */
  const fields = [];
  /** @type {Record<string, unknown>[]} */
  const rawOnly = [];
  for (const output of model.outputs) {
    if (output.concept === undefined) {
      // An object without a concept only holds other outputs (AWS's `Content`).
      if (output.type === 'object') continue;
      throw new Error(`${model.api}: output ${output.name} has no x-layerspec-concept, so @layerspec/layers cannot tell which neutral field it feeds`);
    }
    if (Object.hasOwn(RAW_ONLY_CONCEPTS, output.concept)) {
      rawOnly.push({ from: output.name, concept: output.concept, ...rules(output) });
      continue;
    }
    if (!Object.hasOwn(NEUTRAL_FIELDS, output.concept)) {
      throw new Error(
        `${model.api}: output ${output.name} has concept "${output.concept}", which the neutral LayerVersion does not know; add it to NEUTRAL_FIELDS or RAW_ONLY_CONCEPTS in packages/layers/scripts/generate-mapping.mjs`,
      );
    }
    const field = NEUTRAL_FIELDS[/** @type {keyof typeof NEUTRAL_FIELDS} */ (output.concept)];
    if (fields.some((f) => f.field === field)) throw new Error(`${model.api}: output ${output.name} feeds ${field}, which another output feeds already`);
    if (output.in !== 'body') throw new Error(`${model.api}: output ${output.name} (concept "${output.concept}") is a header; LayerVersion reads the answer's body only`);
    const need = /** @type {Record<string, readonly [keyof OutputModel, string]>} */ (NEEDS)[field];
    if (need !== undefined && output[need[0]] === undefined) {
      throw new Error(`${model.api}: output ${output.name} feeds ${field}, whose conversion needs its ${need[1]}, which the spec does not give`);
    }
    fields.push(describe(field, output));
  }
  return { source: model.source, inputs: callInputs(model), fields, rawOnly };
}

/** The neutral argument of getLayerVersion each concept of the operation's input feeds. */
export const NEUTRAL_INPUTS = /** @type {const} */ ({ 'layer-name': 'name', 'layer-version': 'version' });

/**
 * The operation's input names for the neutral `{ name, version }` of getLayerVersion.
 * @param {ApiModel} model
 */
function callInputs(model) {
  /** @type {Record<string, string>} */
  const inputs = {};
  for (const [concept, argument] of Object.entries(NEUTRAL_INPUTS)) {
    const input = model.inputs.find((i) => i.concept === concept && (i.in === 'path' || i.in === 'body'));
    if (input === undefined) throw new Error(`${model.api}: no path or body input has concept "${concept}", which getLayerVersion's ${argument} needs`);
    inputs[argument] = input.name;
  }
  return inputs;
}

/**
 * What the conversion of one field needs to know of its output.
 * @param {string} field
 * @param {OutputModel} output
 */
function describe(field, output) {
  /** @type {Record<string, unknown>} */
  const entry = { field, concept: output.concept, from: output.path, required: output.required, type: output.type };
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
    '/** For each provider: which output (path from the result) feeds which LayerVersion field, and its shape. */',
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
