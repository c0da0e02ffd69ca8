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

/** @import { ApiModel, ErrorModel, Location, OperationModel, ValueRule } from '@layerspec/specs/model' */

/**
 * The rule a client checks for one value (runtime InputRule): int64 bounds as numbers, as the check compares numbers.
 * @param {ValueRule} value
 * @returns {Record<string, unknown>}
 */
function checkedRule(value) {
  // An open list (the documented values, and others by their own rule): a value beyond the list is no error, so only the others' rule is checked.
  if (value.others) return { ...checkedRule(value.others), type: value.others.type ?? value.type };
  /** @type {Record<string, unknown>} */
  const rule = { type: value.type };
  for (const key of /** @type {const} */ (['pattern', 'minLength', 'maxLength', 'enum', 'minItems', 'maxItems'])) if (value[key] !== undefined) rule[key] = value[key];
  for (const key of /** @type {const} */ (['minimum', 'maximum'])) if (value[key] !== undefined) rule[key] = Number(value[key]);
  if (value.items) rule.items = checkedRule(value.items);
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

/** The inputs a caller gives: path, query and body; a header input is the protocol's (a constant, or set by the client from its concept). */
const CALLER_INPUTS = ['path', 'query', 'body'];

// The concepts that make an operation pageable, as the AWS SDK's paginators read smithy's
// `@paginated` trait: the input that takes the token of the next page, the output that gives it,
// and the input that bounds a page.
const PAGING = { token: 'page-token', next: 'next-page-token', size: 'page-size' };

/**
 * The methods of an operation on the clients: its operationId in camelCase (`GetLayerVersion` is
 * `getLayerVersion`), `download` and the operationId without a leading `Get` for an archive
 * (`downloadLayerVersion`), `paginate` and the operationId for a paged one.
 * @param {string} id
 */
export const methodNames = (id) => ({
  call: id.charAt(0).toLowerCase() + id.slice(1),
  download: `download${id.replace(/^Get(?=[A-Z])/, '')}`,
  paginate: `paginate${id}`,
});

/**
 * What the client core reads of one operation.
 * @param {OperationModel} operation
 */
function operationRules(operation) {
  /** @param {string} concept */
  const inputOf = (concept) => operation.inputs.find((input) => input.concept === concept && CALLER_INPUTS.includes(input.in));
  /** @param {string} concept */
  const outputAt = (concept) => operation.outputs.find((output) => output.concept === concept && output.in === 'body' && !output.path.includes('[]'));
  const location = outputAt('download-location');
  const sha256 = outputAt('archive-sha256');
  const token = inputOf(PAGING.token);
  const next = outputAt(PAGING.next);
  return compact({
    method: operation.method,
    path: operation.path,
    // The protocol's headers that carry one value for this operation (`X-TC-Action`, `X-TC-Version`).
    headers: nonEmpty(Object.fromEntries(operation.inputs.filter((input) => input.constant !== undefined).map((input) => [input.name, input.constant]))),
    inputs: Object.fromEntries(
      operation.inputs
        .filter((input) => CALLER_INPUTS.includes(input.in))
        .map((input) => [input.name, { in: input.in, ...checkedRule(input), ...(input.required || input.in === 'path' ? {} : { optional: true }) }]),
    ),
    result: operation.result,
    // The archive an answer points to, where the outputs carry its concepts.
    download:
      location && sha256
        ? compact({
            location: location.path,
            size: outputAt('archive-size')?.path,
            sha256: sha256.path,
            encoding: need(sha256.encoding, `encoding of the archive-sha256 output of ${operation.id}`).as,
          })
        : undefined,
    paging: token && next ? compact({ token: token.name, next: next.path, size: inputOf(PAGING.size)?.name }) : undefined,
  });
}

/** @param {Record<string, unknown>} object */
const compact = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
/** @param {Record<string, unknown>} object */
const nonEmpty = (object) => (Object.keys(object).length > 0 ? object : undefined);

/**
 * Picks from the model what the client core reads at run time.
 * @param {ApiModel} model
 */
export function slimRules(model) {
  const operations = Object.values(model.operations);
  const allInputs = operations.flatMap((operation) => operation.inputs);
  /** @param {string} concept */
  const byConcept = (concept) => allInputs.find((input) => input.concept === concept);
  /** @param {string} concept */
  const headerOf = (concept) => {
    const input = byConcept(concept);
    return input?.in === 'header' ? input.name : undefined;
  };
  const regionInput = byConcept('region');
  const regionVariable = model.servers.map((server) => server.variables.region).find((variable) => variable?.pattern);
  const languageInput = byConcept('language');
  const entries = model.errors.entries;
  if (operations.length === 0) throw new Error('the model has no operation; the clients need one');
  return {
    rules: {
      operations: Object.fromEntries(operations.map((operation) => [operation.id, operationRules(operation)])),
      servers: model.servers.map((server) => server.url),
      optionRules: compact({
        region: regionInput
          ? checkedRule(regionInput)
          : { type: 'string', pattern: need(regionVariable, "input of concept 'region' or server variable 'region' with a pattern").pattern },
        language: languageInput ? checkedRule(languageInput) : undefined,
      }),
      headers: regionInput
        ? compact({ region: headerOf('region'), language: headerOf('language'), time: model.signing.dateHeader, token: model.signing.tokenHeader })
        : undefined,
      signing: { service: model.signing.service },
      errorAt: compact({
        code: model.errors.codeAt,
        codeFormat: model.errors.codeFormat,
        message: unique(entries.map((entry) => entry.messageAt)),
        requestId: model.errors.requestIdAt,
        details: detailsByConcept(entries),
      }),
      retryableCodes: retryableCodes(entries),
      statusRules: statusRules(entries),
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

/**
 * The methods module: each operation's input and output types (from openapi-typescript's
 * `operations`, the types module beside it), and a method per operation over the core's `call`
 * (a download where the outputs carry an archive, a paginator where they carry a next-page token).
 * @param {ApiModel} model
 * @param {string} typesModule
 */
export function methodsModule(model, typesModule) {
  const q = JSON.stringify;
  const operations = Object.values(model.operations).map((operation) => ({ operation, rules: operationRules(operation), names: methodNames(operation.id) }));
  const codeAt = model.errors.codeAt;
  /** @param {OperationModel} operation */
  const inputType = (operation) => {
    const at = `operations[${q(operation.id)}]`;
    const where = new Set(operation.inputs.filter((input) => CALLER_INPUTS.includes(input.in)).map((input) => input.in));
    const parts = [];
    if (where.has('path')) parts.push(`${at}["parameters"]["path"]`);
    if (where.has('query')) parts.push(`NonNullable<${at}["parameters"]["query"]>`);
    if (where.has('body'))
      parts.push(`NonNullable<${at}["requestBody"]>["content"][${q(need(operation.requestMediaType, `media type of ${operation.id}'s request body`))}]`);
    return parts.length === 0 ? 'Record<string, never>' : parts.join(' & ');
  };
  /** @param {OperationModel} operation */
  const outputType = (operation) => {
    const status = operation.scenarios.find((scenario) => scenario.outcome === 'success')?.status ?? 200;
    const body = `operations[${q(operation.id)}]["responses"][${status}]["content"]["application/json"]`;
    const result = operation.result.reduce((type, key) => `${type}[${q(key)}]`, body);
    // Inside an envelope that holds the result or the error, the error's member marks the error branch, which a call throws instead.
    const enveloped =
      operation.result.length > 0 &&
      codeAt.in === 'body' &&
      codeAt.path.length > operation.result.length + 1 &&
      operation.result.every((key, index) => codeAt.path[index] === key);
    return enveloped && codeAt.in === 'body' ? `Exclude<${result}, { ${q(codeAt.path[operation.result.length])}: unknown }>` : result;
  };
  const paged = operations.some(({ rules }) => rules.paging);
  const options = ['CallOptions', ...(operations.some(({ rules }) => rules.download) ? ['DownloadOptions'] : []), ...(paged ? ['PageOptions'] : [])];
  return [
    "import type { ApiClient } from '@layerspec/client-runtime/core';",
    `import type { ${options.join(', ')} } from '@layerspec/client-runtime/options';`,
    ...(paged ? ["import { pages } from '@layerspec/client-runtime/paginate';", "import { operations as rules } from './rules.js';"] : []),
    `import type { operations } from './${typesModule}.js';`,
    '',
    "/** Each operation's input and output (the result, without an envelope), by operationId. */",
    'export interface Operations {',
    ...operations.flatMap(({ operation }) => [`  ${q(operation.id)}: {`, `    input: ${inputType(operation)};`, `    output: ${outputType(operation)};`, '  };']),
    '}',
    '',
    '/** A method per operation, named from its operationId. */',
    'export interface OperationMethods {',
    ...operations.flatMap(({ operation, rules, names }) => {
      const types = `Operations[${q(operation.id)}]`;
      return [
        `  /** ${operation.summary}: resolves to the result, or rejects with a typed error. */`,
        `  ${names.call}(input: ${types}["input"], call?: CallOptions): Promise<${types}["output"]>;`,
        ...(rules.download
          ? [
              `  /** Downloads the archive a ${operation.id} result points to, and resolves to its bytes once its size (where given) and SHA-256 match. */`,
              `  ${names.download}(output: ${types}["output"], options?: DownloadOptions): Promise<Uint8Array>;`,
            ]
          : []),
        ...(rules.paging
          ? [
              `  /** Every page of ${operation.id}, each answer's next-page token passed to the next call; ends when none is left, one repeats, or after \`maxPages\` (default 100). */`,
              `  ${names.paginate}(input: ${types}["input"], options?: PageOptions): AsyncGenerator<${types}["output"], void, undefined>;`,
            ]
          : []),
      ];
    }),
    '}',
    '',
    '/** The per-operation methods over a client core. */',
    'export function operationMethods(client: ApiClient<{}, Operations>): OperationMethods {',
    '  return {',
    ...operations.flatMap(({ operation, rules, names }) => [
      `    ${names.call}: (input, call) => client.call(${q(operation.id)}, input, call),`,
      ...(rules.download ? [`    ${names.download}: (output, options) => client.download(${q(operation.id)}, output, options),`] : []),
      ...(rules.paging
        ? [
            `    ${names.paginate}: (input, options) => pages((page, call) => client.call(${q(operation.id)}, page, call), rules[${q(operation.id)}].paging, input, options),`,
          ]
        : []),
    ]),
    '  };',
    '}',
    '',
  ].join('\n');
}

// The members of ApiRules (packages/client-runtime/src/core.ts).
const CORE_RULES = ['operations', 'errorAt', 'retryableCodes', 'statusRules'];

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
    'methods.ts': [...header, methodsModule(model, apiName)].join('\n'),
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
