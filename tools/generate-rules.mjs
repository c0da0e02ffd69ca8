#!/usr/bin/env node
// @ts-check
// Writes, beside a client's generated types, the slim part of its API's model that the client
// needs at run time and that TypeScript types cannot carry. It reads the published model
// (`@layerspec/specs/model`, built from the spec by @layerspec/specs), so every fact here is the
// model's; this only picks and reshapes, so that a bundle holds a few hundred bytes of rules, not
// the whole model. Two modules, kept apart for bundlers:
//   rules.ts   what every call needs (input rules, headers, where errors are read, ...)
//   errors.ts  each documented error's neutral kind, loaded when an error answer arrives
// (The success schema for response validation is the model's own
// `@layerspec/specs/model/<api>-response-schema`, which the clients import lazily.)
// Usage: node tools/generate-rules.mjs <api> [--out-dir DIR] [--check]
// With --check nothing is written: it exits 1 when a file differs from a fresh generation.
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readApi } from './apis.mjs';
import { writeGenerated } from './write-generated.mjs';
import { models } from '@layerspec/specs/model';

/** @import { ApiModel, ErrorModel, Location, ValueRule } from '@layerspec/specs/model' */

/**
 * The rule a client checks for one value (runtime InputRule): int64 bounds as numbers, as the check compares numbers.
 * @param {ValueRule} value
 */
function checkedRule(value) {
  /** @type {Record<string, unknown>} */
  const rule = { type: value.type };
  for (const key of /** @type {const} */ (['pattern', 'minLength', 'maxLength', 'enum'])) if (value[key] !== undefined) rule[key] = value[key];
  for (const key of /** @type {const} */ (['minimum', 'maximum'])) if (value[key] !== undefined) rule[key] = Number(value[key]);
  return rule;
}

/**
 * @template T
 * @param {T | undefined} value
 * @param {string} what what the model lacks, for the error
 * @returns {T}
 */
function need(value, what) {
  if (value === undefined) throw new Error(`the model has no ${what}; the clients' rules need it`);
  return value;
}

/** @param {readonly Location[]} locations */
const unique = (locations) => [...new Map(locations.map((l) => [JSON.stringify(l), l])).values()];

/**
 * Picks from the model what the client core reads at run time.
 * @param {ApiModel} model
 */
export function slimRules(model) {
  /** @param {string} concept */
  const byConcept = (concept) => model.inputs.find((input) => input.concept === concept);
  /** @param {string} concept */
  const outputAt = (concept) => model.outputs.find((output) => output.concept === concept);
  const callInputs = model.inputs.filter((input) => input.in === 'path' || input.in === 'body');
  /** @param {string} concept */
  const headerOf = (concept) => {
    const input = byConcept(concept);
    return input?.in === 'header' ? input.name : undefined;
  };
  const regionInput = byConcept('region');
  const regionVariable = model.servers.map((server) => server.variables.region).find((variable) => variable?.pattern);
  const languageInput = byConcept('language');
  const entries = model.errors.entries;
  const sha256 = need(outputAt('archive-sha256'), "output of concept 'archive-sha256'");
  /** @param {Record<string, unknown>} object */
  const compact = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
  return {
    rules: {
      operation: { method: model.operation.method, path: model.operation.path, inputsIn: need(callInputs[0], 'path or body input').in },
      servers: model.servers.map((server) => server.url),
      inputRules: Object.fromEntries(callInputs.map((input) => [input.name, checkedRule(input)])),
      optionRules: compact({
        region: regionInput
          ? checkedRule(regionInput)
          : { type: 'string', pattern: need(regionVariable, "input of concept 'region' or server variable 'region' with a pattern").pattern },
        language: languageInput ? checkedRule(languageInput) : undefined,
      }),
      headers: regionInput
        ? compact({ region: headerOf('region'), language: headerOf('language'), time: model.signing.dateHeader, token: model.signing.tokenHeader })
        : undefined,
      constantHeaders: Object.fromEntries(model.inputs.filter((input) => input.constant !== undefined).map((input) => [input.name, input.constant])),
      signing: { service: model.signing.service },
      result: model.result,
      errorAt: compact({
        code: model.errors.codeAt,
        codeFormat: model.errors.codeFormat,
        message: unique(entries.map((entry) => entry.messageAt)),
        requestId: model.errors.requestIdAt,
        details: detailsByConcept(entries),
      }),
      retryableCodes: retryableCodes(entries),
      statusRules: statusRules(entries),
      download: compact({
        location: need(outputAt('download-location'), "output of concept 'download-location'").path,
        size: outputAt('archive-size')?.path,
        sha256: sha256.path,
        encoding: need(sha256.encoding, 'encoding of the archive-sha256 output').as,
      }),
    },
    errors: { errorKinds: Object.fromEntries(entries.map((entry) => [entry.code, entry.kind])) },
  };
}

/**
 * Where the error answers carry each detail with a concept (a throttling reason, a wait), by concept.
 * @param {readonly ErrorModel[]} entries
 */
function detailsByConcept(entries) {
  /** @type {Record<string, Location[]>} */
  const byConcept = {};
  for (const detail of entries.flatMap((entry) => entry.details)) {
    if (detail.concept === undefined) continue;
    const { concept, ...at } = detail;
    byConcept[concept] = unique([...(byConcept[concept] ?? []), at]);
  }
  return Object.keys(byConcept).length > 0 ? byConcept : undefined;
}

/**
 * The kind and retryability that an error answer's HTTP status alone tells, for an answer whose
 * code the model does not list: a status whose documented errors all agree on both. A status
 * below 400 is a success on the wire (Tencent sends every error with 200), so it tells nothing.
 * @param {readonly ErrorModel[]} entries
 */
function statusRules(entries) {
  /** @type {Map<number, string[]>} */
  const byStatus = new Map();
  for (const { status, kind, retryable } of entries) {
    if (status < 400) continue;
    byStatus.set(status, [...(byStatus.get(status) ?? []), JSON.stringify({ kind, retryable })]);
  }
  const agreed = [...byStatus].filter(([, rules]) => new Set(rules).size === 1);
  return Object.fromEntries(agreed.sort(([a], [b]) => a - b).map(([status, rules]) => [status, JSON.parse(String(rules[0]))]));
}

/**
 * The retryable codes, without the sub-codes (`A.B`) whose parent `A` is listed: the runtime
 * retries a code when it or its parent is listed. A non-retryable sub-code of a retryable parent
 * could not be told apart that way, so it stops the generation.
 * @param {readonly ErrorModel[]} entries
 */
function retryableCodes(entries) {
  const retryable = new Set(entries.filter((entry) => entry.retryable).map((entry) => entry.code));
  /** @param {string} code */
  const parentOf = (code) => code.split('.')[0] ?? code;
  for (const entry of entries) {
    if (!entry.retryable && retryable.has(parentOf(entry.code))) {
      throw new Error(`${entry.code} is not retryable but its parent ${parentOf(entry.code)} is; the client's parent-code rule would retry it`);
    }
  }
  return [...retryable].filter((code) => code === parentOf(code) || !retryable.has(parentOf(code)));
}

// The members of ApiRules (packages/client-runtime/src/core.ts).
const CORE_RULES = ['operation', 'inputRules', 'result', 'errorAt', 'retryableCodes', 'statusRules', 'download'];

/**
 * Returns the generated modules for one API of redocly.yaml, by file name.
 * @param {string} apiName
 */
export async function generateRules(apiName) {
  const model = /** @type {ApiModel | undefined} */ (/** @type {Record<string, ApiModel>} */ (models)[apiName]);
  if (!model) throw new Error(`@layerspec/specs/model has no API named "${apiName}"; run \`npm run generate\` after adding it to redocly.yaml`);
  const { rules, errors } = slimRules(model);
  const header = [
    `// Generated from the model of ${model.source} (@layerspec/specs) by tools/generate-rules.mjs.`,
    '// Do not edit this file: change the spec, then run `npm run generate`.',
    '',
  ];
  /**
   * @param {Record<string, unknown>} values
   * @param {string} [all]
   */
  const module = (values, all) =>
    [
      ...header,
      // An empty member is left out, unless the core reads it (Tencent's statusRules is empty).
      ...Object.entries(values).flatMap(([name, value]) =>
        value === undefined || (!Array.isArray(value) && Object.keys(/** @type {object} */ (value)).length === 0 && !CORE_RULES.includes(name))
          ? []
          : [`export const ${name} = ${JSON.stringify(value, null, 2)} as const;`, ''],
      ),
      // What the client core reads, as one object (a bundler keeps it small, unlike a namespace import).
      ...(all ? [`export const ${all} = { ${CORE_RULES.join(', ')} };`, ''] : []),
    ].join('\n');
  return {
    'rules.ts': module(rules, 'rules'),
    'errors.ts': module(errors),
  };
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'out-dir': { type: 'string' }, check: { type: 'boolean', default: false } },
  });
  const [apiName] = positionals;
  if (apiName === undefined || positionals.length !== 1) {
    console.error('usage: generate-rules.mjs <api> [--out-dir DIR] [--check]');
    process.exit(2);
  }
  const outDir = values['out-dir'] ?? dirname(readApi(apiName).typesOutput);
  const fresh = await generateRules(apiName);
  const stale = writeGenerated(fresh, { outDir, check: values.check, sourceOf: () => apiName });
  if (stale) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
