#!/usr/bin/env node
// @ts-check
// Writes layer-version.schema.json: the JSON Schema (2020-12) of a LayerVersion as JSON (see
// src/json.ts for how a LayerVersion becomes JSON). The neutral fields are the ones the mapping
// generator knows (NEUTRAL_FIELDS); their integer bounds and the location's format come from the generated mapping and the
// status values from the status vocabulary (LAYER_STATUSES), so the schema follows the specs. Only the JSON shape of
// each neutral field is written here, once; a neutral field without one stops the generation.
// Usage: node scripts/generate-schema.mjs [--check]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { models } from '@layerspec/specs/model';
import { LAYER_STATUSES, NEUTRAL_FIELDS, mapApi } from './generate-mapping.mjs';

/** @import { ApiModel } from '@layerspec/specs/model' */

const string = { type: 'string' };

/**
 * An exact integer as JSON: a number while it is a safe integer, decimal text beyond 2^53 - 1.
 * @param {string | undefined} minimum the bound the spec gives, as exact decimal text
 * @param {string | undefined} maximum
 */
function exactInteger(minimum, maximum) {
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  const max = maximum === undefined ? undefined : BigInt(maximum);
  /** @type {Record<string, unknown>} */
  const number = { type: 'integer' };
  if (minimum !== undefined) number.minimum = Number(minimum);
  number.maximum = Number(max !== undefined && max < safe ? max : safe);
  const text = { type: 'string', pattern: '^[1-9][0-9]{15,}$', $comment: `beyond 2^53 - 1, as decimal text${max === undefined ? '' : `; at most ${max}`}` };
  return { anyOf: [number, text] };
}

/** The neutral fields that are exact integers, whose bounds each provider's spec gives. */
const INTEGER_FIELDS = ['version', 'archive.size'];
/** The neutral fields that keep the provider's string as it is, so the format its spec gives (`uri`) holds. */
const FORMAT_FIELDS = ['archive.location'];

/**
 * The JSON shape of each neutral field, by its dotted path; an integer's bounds are each provider's (see generateSchema).
 * @param {readonly string[]} statuses
 * @returns {Record<string, unknown>}
 */
function shapes(statuses) {
  return {
    name: string,
    version: exactInteger(undefined, undefined),
    arn: string,
    description: string,
    license: string,
    createdAt: { type: 'string', format: 'date-time' },
    runtimes: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: string, language: string, version: string },
        required: ['name'],
        additionalProperties: false,
      },
    },
    architectures: { type: 'array', items: string },
    status: { enum: [...statuses] },
    'archive.location': string,
    'archive.size': exactInteger(undefined, undefined),
    'archive.sha256': {
      type: 'object',
      properties: { hex: { type: 'string', pattern: '^[0-9a-f]{64}$' }, base64: { type: 'string', pattern: '^[A-Za-z0-9+/]{43}=$' } },
      required: ['hex', 'base64'],
      additionalProperties: false,
    },
  };
}

/**
 * The schema.
 * @param {{ mapping: Readonly<Record<string, { getLayerVersion?: string, operations: Readonly<Record<string, { fields: readonly { field: string, minimum?: string, maximum?: string, format?: string }[] }>> }>>, statuses: readonly string[], neutralFields?: Readonly<Record<string, string>> }} facts
 */
export function generateSchema({ mapping, statuses, neutralFields = NEUTRAL_FIELDS }) {
  const providers = Object.keys(mapping);
  const shape = shapes([...new Set(statuses)]);
  // Each provider's integer bounds, applied when the LayerVersion is of that provider.
  const bounded = Object.entries(mapping).map(([provider, api]) => {
    /** @type {Record<string, unknown>} */
    const properties = {};
    /** @type {Record<string, unknown>} */
    const archive = {};
    // A LayerVersion is what getLayerVersion's operation answers; its bounds are that operation's.
    const fields = api.getLayerVersion === undefined ? [] : (api.operations[api.getLayerVersion]?.fields ?? []);
    for (const entry of fields) {
      /** @type {Record<string, unknown> | undefined} */
      let bound;
      if (INTEGER_FIELDS.includes(entry.field)) bound = exactInteger(entry.minimum, entry.maximum);
      else if (FORMAT_FIELDS.includes(entry.field) && entry.format !== undefined) bound = { type: 'string', format: entry.format };
      if (bound === undefined) continue;
      if (entry.field.startsWith('archive.')) archive[entry.field.slice('archive.'.length)] = bound;
      else properties[entry.field] = bound;
    }
    if (Object.keys(archive).length > 0) properties.archive = { type: 'object', properties: archive };
    // biome-ignore lint/suspicious/noThenProperty: `then` is JSON Schema's keyword; the object is never awaited.
    return { if: { properties: { provider: { const: provider } } }, then: { type: 'object', properties } };
  });
  /** @type {Record<string, unknown>} */
  const top = { provider: { enum: providers } };
  /** @type {Record<string, unknown>} */
  const archive = {};
  for (const field of Object.values(neutralFields)) {
    if (!Object.hasOwn(shape, field)) throw new Error(`the neutral field ${field} has no JSON shape; add it to shapes() in packages/layers/scripts/generate-schema.mjs`);
    if (field.startsWith('archive.')) archive[field.slice('archive.'.length)] = shape[field];
    else top[field] = shape[field];
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $comment:
      'Generated from @layerspec/layers (its neutral fields, the mapping of the specs and the status vocabulary) by packages/layers/scripts/generate-schema.mjs. Do not edit this file: run `npm run generate`.',
    title: 'LayerVersion',
    description:
      'One version of a function layer, whichever cloud it lives in, as JSON: createdAt as an ISO 8601 instant, and an integer beyond 2^53 - 1 (version, archive.size) as decimal text.',
    type: 'object',
    properties: {
      ...top,
      region: string,
      archive: { type: 'object', properties: archive, additionalProperties: false },
      raw: { description: "The provider's answer, untouched." },
    },
    required: ['provider', 'runtimes', 'status', 'archive', 'raw'],
    additionalProperties: false,
    allOf: bounded,
  };
}

/** @param {Parameters<typeof generateSchema>[0]} facts */
export const schemaText = (facts) => `${JSON.stringify(generateSchema(facts), null, 2)}\n`;

const defaultOut = resolve(dirname(fileURLToPath(import.meta.url)), '../layer-version.schema.json');

async function main() {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  // The same mapping src/generated/mapping.ts holds, computed from the model, so no build is needed first.
  const apis = /** @type {Readonly<Record<string, ApiModel>>} */ (models);
  // mapApi's fields are loosely typed records; each has the `field` and bounds generateSchema reads.
  const computed = /** @type {unknown} */ (Object.fromEntries(Object.entries(apis).map(([name, model]) => [name, mapApi(model)])));
  const mapping = /** @type {Parameters<typeof generateSchema>[0]['mapping']} */ (computed);
  const text = schemaText({ mapping, statuses: LAYER_STATUSES });
  if (values.check) {
    if (existsSync(defaultOut) && readFileSync(defaultOut, 'utf8') === text) return;
    console.error(`${defaultOut} is out of date: run \`npm run generate\` and commit the result.`);
    process.exit(1);
  }
  writeFileSync(defaultOut, text);
  console.log(`${defaultOut} <- @layerspec/layers`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
