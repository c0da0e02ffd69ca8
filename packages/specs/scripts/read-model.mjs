// @ts-check
// Reads one spec of redocly.yaml through Redocly's own resolver (@redocly/openapi-core, every
// `$ref` dereferenced) into the model of src/types.ts, and its success schema for validation.
// Every fact comes from the spec; a fact the model needs and the spec lacks is an error naming
// the extension that states it.
import { relative } from 'node:path';
import { BaseResolver, bundle, createConfig } from '@redocly/openapi-core';
import { parse } from 'yaml';
import { readApi, repoRoot } from '../../../tools/apis.mjs';

/** @import { Source } from '@redocly/openapi-core' */
/** @import { ApiModel, ErrorKind, ErrorModel, InputModel, Location, OperationModel, OutputModel, RpcModel, ScenarioModel, ServerModel, SigningFieldModel, SigningModel, ValueRule } from '../src/types.js' */

/**
 * A node of the dereferenced spec: parsed YAML, any shape OpenAPI and the x-layerspec-*
 * extensions allow. The reader checks what it needs at run time; what it returns is typed by the
 * model of src/types.ts.
 * @typedef {any} Json
 */

/**
 * openapi-core's resolver with the YAML read by `yaml` instead of js-yaml: integers are read as
 * bigint and only the safe ones become numbers, so an int64 bound such as 9223372036854775807
 * reaches the model exactly instead of as 9223372036854776000.
 */
class ExactIntegerResolver extends BaseResolver {
  /** @param {Source} source */
  parseDocument(source) {
    /** @type {(key: unknown, value: unknown) => unknown} */
    const exact = (_key, value) => (typeof value === 'bigint' && Number.isSafeInteger(Number(value)) ? Number(value) : value);
    return { source, parsed: parse(source.body, exact, { intAsBigInt: true }) };
  }
}

/**
 * The spec with every `$ref` replaced by its target (shared, not copied).
 * @param {string} root the spec's root file
 * @returns {Promise<Json>}
 */
export async function loadDereferenced(root) {
  const config = await createConfig({});
  const { bundle: document, problems } = await bundle({ ref: root, config, dereference: true, externalRefResolver: new ExactIntegerResolver() });
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new Error(`${root}: ${errors.map((problem) => problem.message).join('; ')}`);
  return document.parsed;
}

/**
 * The object without its undefined members; its type stays, as an optional member may be absent.
 * @template {object} T
 * @param {T} object
 * @returns {T}
 */
const compact = (object) => /** @type {T} */ (Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)));
/** @param {unknown} value a bound: a number, or a bigint beyond 2^53 */
const exactText = (value) => (value === undefined ? undefined : String(value));

/**
 * `allOf` members merged into one schema; the outer keywords win.
 * @param {Json} schema
 * @returns {Json}
 */
function merged(schema) {
  if (!schema || !Array.isArray(schema.allOf)) return schema ?? {};
  const { allOf, ...rest } = schema;
  return Object.assign({}, ...allOf.map(merged), rest);
}

/**
 * The checkable rules of a schema (see ValueRule in src/types.ts).
 * @param {Json} input
 * @returns {ValueRule}
 */
export function valueRule(input) {
  const schema = merged(input);
  if (Array.isArray(schema.anyOf)) {
    /** @type {ValueRule[]} */
    const members = schema.anyOf.map(valueRule);
    const listed = members.filter((member) => member.enum);
    const free = members.filter((member) => !member.enum);
    const [first] = listed;
    if (!first || free.length > 1) throw new Error(`cannot model anyOf of ${JSON.stringify(members)}`);
    return compact({
      type: first.type,
      enum: [...new Set(listed.flatMap((member) => member.enum ?? []))],
      others: free[0],
    });
  }
  const enumValues = schema.const !== undefined ? [schema.const] : schema.enum;
  const type = schema.type ?? (enumValues ? typeof enumValues[0] : undefined);
  if (!type) throw new Error(`a schema without a type: ${JSON.stringify(schema)}`);
  return compact({
    type,
    format: schema.format,
    pattern: schema.pattern,
    minLength: schema.minLength,
    maxLength: schema.maxLength,
    minimum: exactText(schema.minimum),
    maximum: exactText(schema.maximum),
    minItems: schema.minItems,
    maxItems: schema.maxItems,
    enum: enumValues?.map(String),
    items: schema.items ? valueRule(schema.items) : undefined,
  });
}

/**
 * @param {Json} node
 * @returns {string | undefined}
 */
const conceptOf = (node) => merged(node)['x-layerspec-concept'];

const METHODS = /** @type {const} */ (['get', 'put', 'post', 'delete', 'patch']);

/**
 * @typedef {object} SpecOperation an operation as the spec holds it
 * @property {string} path its key in `paths`
 * @property {(typeof METHODS)[number]} method
 * @property {Json} item its path item
 * @property {Json} operation
 */

/**
 * Every operation of the spec, in the spec's order.
 * @param {Json} document
 * @returns {SpecOperation[]}
 */
function operationsOf(document) {
  /** @type {SpecOperation[]} */
  const found = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      if (item[method]) found.push({ path, method, item, operation: item[method] });
    }
  }
  if (found.length === 0) throw new Error('the spec describes no operation');
  for (const { path, method, operation } of found) {
    if (typeof operation.operationId !== 'string') throw new Error(`${method.toUpperCase()} ${path}: every operation needs an operationId, its name in the model`);
  }
  return found;
}

/**
 * The spec's `x-layerspec-rpc`: how an API whose actions share one path names each action.
 * @param {Json} document
 * @returns {RpcModel | undefined}
 */
function readRpc(document) {
  const rpc = document['x-layerspec-rpc'];
  if (rpc === undefined) return undefined;
  if (typeof rpc?.actionHeader !== 'string') throw new Error('x-layerspec-rpc needs actionHeader, the header that names the action');
  return compact({ actionHeader: rpc.actionHeader, description: rpc.description?.trim() });
}

/**
 * The route an operation travels on. A REST operation travels on its own path. An RPC action's
 * key in `paths` is a pseudo-path, the shared path and `#` and the action: the fragment keeps
 * OpenAPI's paths apart and is never sent, so any generated client reaches the shared path.
 * @param {SpecOperation} found
 * @param {RpcModel | undefined} rpc
 * @param {InputModel[]} inputs
 * @returns {Pick<OperationModel, 'path' | 'specPath' | 'action'>}
 */
function wireRoute({ path, method }, rpc, inputs) {
  const hash = path.indexOf('#');
  if (!rpc) {
    if (hash >= 0) throw new Error(`${path}: only an RPC API (x-layerspec-rpc) keys its operations by a pseudo-path with #`);
    return { path, specPath: path };
  }
  const name = inputs.find((input) => input.in === 'header' && input.name.toLowerCase() === rpc.actionHeader.toLowerCase())?.constant;
  if (name === undefined) throw new Error(`${method.toUpperCase()} ${path}: an RPC action needs the ${rpc.actionHeader} header parameter with its one value`);
  if (hash < 0 || path.slice(hash + 1) !== name) {
    throw new Error(
      `${method.toUpperCase()} ${path}: an RPC action's path must be the shared path, # and its action, here ${path.slice(0, Math.max(hash, 0)) || '/'}#${name}`,
    );
  }
  return { path: path.slice(0, hash), specPath: path, action: { header: rpc.actionHeader, name } };
}

/**
 * @param {Json} item the path item
 * @param {Json} operation
 * @returns {InputModel[]}
 */
function readInputs(item, operation) {
  /** @type {InputModel[]} */
  const inputs = [];
  for (const parameter of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
    const rule = valueRule(parameter.schema);
    const examples = parameter.examples
      ? Object.fromEntries(Object.entries(parameter.examples).map(([name, example]) => [name, example.value]))
      : parameter.example !== undefined
        ? { example: parameter.example }
        : undefined;
    inputs.push(
      compact({
        name: parameter.name,
        in: parameter.in,
        required: parameter.required === true,
        ...rule,
        constant: rule.enum?.length === 1 && !rule.others ? rule.enum[0] : undefined,
        providerPattern: merged(parameter.schema)['x-layerspec-provider-pattern'],
        concept: parameter['x-layerspec-concept'] ?? conceptOf(parameter.schema),
        description: parameter.description?.trim(),
        examples,
      }),
    );
  }
  const body = merged(operation.requestBody?.content?.['application/json']?.schema);
  for (const [name, schema] of Object.entries(body.properties ?? {})) {
    inputs.push(
      compact({
        name,
        in: 'body',
        required: (body.required ?? []).includes(name),
        ...valueRule(schema),
        providerPattern: merged(schema)['x-layerspec-provider-pattern'],
        concept: conceptOf(schema),
        description: merged(schema).description?.trim(),
      }),
    );
  }
  return inputs;
}

/**
 * Every property below `schema`, depth first, as [path, schema, required].
 * @param {Json} schema
 * @param {string[]} [path]
 * @returns {Generator<[string[], Json, boolean]>}
 */
function* properties(schema, path = []) {
  const object = merged(schema);
  for (const [name, property] of Object.entries(object.properties ?? {})) {
    const here = [...path, name];
    yield [here, property, (object.required ?? []).includes(name)];
    yield* properties(property, here);
  }
}

/** The path segment that stands for every item of a list in an output's path. */
export const EACH_ITEM = '[]';

/**
 * Every property below `schema` as `properties` does, and below that the members of each item of
 * a list of objects, behind the segment EACH_ITEM (`LayerVersions`, `[]`, `Version`).
 * @param {Json} schema
 * @param {string[]} [path]
 * @returns {Generator<[string[], Json, boolean]>}
 */
function* outputProperties(schema, path = []) {
  const object = merged(schema);
  for (const [name, property] of Object.entries(object.properties ?? {})) {
    const here = [...path, name];
    yield [here, property, (object.required ?? []).includes(name)];
    yield* outputProperties(property, here);
    const items = merged(property).items;
    if (items && merged(items).properties) yield* outputProperties(items, [...here, EACH_ITEM]);
  }
}

/**
 * Whether any property below `schema` is tagged with `concept`.
 * @param {Json} schema
 * @param {string} concept
 */
const holdsConcept = (schema, concept) => [...properties(schema)].some(([, property]) => conceptOf(property) === concept);

/**
 * The success result inside the 200 body: the body itself, or, in an envelope whose member is a
 * `oneOf` of a result and an error, the branch that holds no `error-code`.
 * @param {Json} schema the 200 body
 * @returns {{ path: string[], schema: Json, errorBranch: Json | undefined }}
 */
function successResult(schema) {
  for (const [path, property] of properties(schema)) {
    /** @type {Json[] | undefined} */
    const branches = merged(property).oneOf;
    if (!branches) continue;
    const results = branches.filter((branch) => !holdsConcept(branch, 'error-code'));
    if (results.length !== 1) throw new Error(`the envelope at ${path.join('.')} needs exactly one branch without an error-code`);
    return { path, schema: results[0], errorBranch: branches.find((branch) => branch !== results[0]) };
  }
  return { path: [], schema, errorBranch: undefined };
}

/**
 * @param {string} name
 * @param {string[]} path
 * @param {OutputModel['in']} inWhere
 * @param {Json} schema
 * @param {boolean} required
 * @returns {OutputModel}
 */
function outputField(name, path, inWhere, schema, required) {
  const node = merged(schema);
  const rule = valueRule(schema);
  const concept = conceptOf(schema);
  const { shape, utcOffset } = node['x-layerspec-date'] ?? {};
  const encoding = node['x-layerspec-encoding'];
  if (concept === 'archive-sha256' && !(encoding?.digest && encoding?.as)) throw new Error(`${name}: a digest needs x-layerspec-encoding with digest and as`);
  if (concept === 'created-at' && !(shape && utcOffset)) throw new Error(`${name}: a date needs x-layerspec-date with shape and utcOffset`);
  return compact({
    name,
    in: inWhere,
    path,
    required,
    ...rule,
    concept,
    description: node.description?.trim(),
    encoding,
    date: shape ? { shape, utcOffset } : undefined,
  });
}

/**
 * @param {Json} ok the 200 response
 * @param {{ schema: Json }} result the success result inside its body
 * @returns {OutputModel[]}
 */
function readOutputs(ok, result) {
  /** @type {OutputModel[]} */
  const outputs = [];
  for (const [name, header] of Object.entries(ok.headers ?? {})) {
    const schema = { ...header.schema, 'x-layerspec-concept': header['x-layerspec-concept'], description: header.description };
    outputs.push(compact({ ...outputField(name, [], 'header', schema, header.required === true), example: header.example }));
  }
  for (const [path, schema, required] of outputProperties(result.schema)) {
    outputs.push(outputField(path.join('.').replaceAll(`.${EACH_ITEM}`, EACH_ITEM), path, 'body', schema, required));
  }
  return outputs;
}

/**
 * Where a response names its error, message and request ID, by concept.
 * @param {Json} response
 * @param {Json} schema its body
 * @param {string} concept
 * @param {string[]} [bodyPrefix] where `schema` sits in the body
 * @returns {Location | undefined}
 */
function locate(response, schema, concept, bodyPrefix = []) {
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    if (header['x-layerspec-concept'] === concept) return { in: 'header', name };
  }
  for (const [path, property] of properties(schema)) {
    if (conceptOf(property) === concept) return { in: 'body', path: [...bodyPrefix, ...path] };
  }
  return undefined;
}

/**
 * @typedef {object} CodeList
 * @property {string[]} codes
 * @property {Record<string, string>} concepts an error's concept, by code (`x-layerspec-concepts`)
 * @property {Record<string, Json>} declared an error's kind and retryable, by code (`x-layerspec-errors`)
 * @property {string | undefined} description
 */

/**
 * The code lists of an `error-code` schema: each enum or const with its concepts and overrides.
 * @param {Json} schema
 * @returns {CodeList[]}
 */
function codeLists(schema) {
  const node = merged(schema);
  if (Array.isArray(node.anyOf)) return node.anyOf.flatMap(codeLists);
  const codes = node.const !== undefined ? [node.const] : node.enum;
  return codes ? [{ codes, concepts: node['x-layerspec-concepts'] ?? {}, declared: node['x-layerspec-errors'] ?? {}, description: node.description }] : [];
}

/** @type {readonly ErrorKind[]} */
const ERROR_KINDS = ['invalid-input', 'auth', 'not-found', 'throttled', 'service'];

/**
 * @param {object} entry
 * @param {string} entry.code
 * @param {number} entry.status
 * @param {string | undefined} entry.concept
 * @param {Json} entry.declared the error's `x-layerspec-errors` entry
 * @param {string | undefined} entry.description
 * @param {Location} entry.messageAt
 * @param {ErrorModel['details']} entry.details
 * @returns {ErrorModel}
 */
function errorEntry({ code, status, concept, declared, description, messageAt, details }) {
  const { kind, retryable } = declared ?? {};
  if (!ERROR_KINDS.includes(kind)) throw new Error(`error ${code}: x-layerspec-errors needs a kind, one of ${ERROR_KINDS.join(', ')}`);
  if (typeof retryable !== 'boolean') throw new Error(`error ${code}: x-layerspec-errors needs retryable, true or false`);
  return compact({ code, status, kind, retryable, concept, description: description?.trim(), messageAt, details });
}

/**
 * @param {Location | undefined} at
 * @param {string} name
 */
const sameHeader = (at, name) => at?.in === 'header' && at.name === name;
/**
 * @param {Location | undefined} at
 * @param {string[]} path
 */
const leadsTo = (at, path) => at?.in === 'body' && path.every((key, i) => at.path[i] === key);

/**
 * The answer's headers and body members other than the code, message and request ID.
 * @param {Json} response
 * @param {Json} schema its body
 * @param {string[]} prefix where `schema` sits in the body
 * @param {(Location | undefined)[]} known
 * @returns {ErrorModel['details'][number][]}
 */
function errorDetails(response, schema, prefix, known) {
  /** @type {ErrorModel['details'][number][]} */
  const details = [];
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    if (known.some((at) => sameHeader(at, name))) continue;
    details.push(compact({ in: 'header', name, concept: header['x-layerspec-concept'] }));
  }
  for (const [path, property] of properties(schema)) {
    const full = [...prefix, ...path];
    if (known.some((at) => leadsTo(at, full))) continue;
    details.push(compact({ in: 'body', path: full, concept: conceptOf(property) }));
  }
  return details;
}

/**
 * The `x-layerspec-code-format` of an error-code header or member: a regular expression whose
 * named group `code` is the code within the value on the wire; undefined when the value is the code.
 * @param {Json} node
 * @param {number} status
 * @returns {string | undefined}
 */
function codeFormatOf(node, status) {
  const pattern = node?.['x-layerspec-code-format'];
  if (pattern === undefined) return undefined;
  const refusal = `the error-code of the ${status} error response: x-layerspec-code-format must be a regular expression with a named group \`code\``;
  if (typeof pattern !== 'string') throw new Error(refusal);
  let groups;
  try {
    // An alternative that matches the empty text lists every named group of the pattern.
    groups = new RegExp(`${pattern}|`).exec('')?.groups;
  } catch (cause) {
    throw new Error(`${refusal}: ${/** @type {Error} */ (cause).message}`);
  }
  if (!groups || !Object.hasOwn(groups, 'code')) throw new Error(`${refusal}; it has none`);
  return pattern;
}

/**
 * @param {Json} operation
 * @param {Json | undefined} errorBranch the error branch of a 200 envelope
 * @param {string[]} envelopePath where that envelope's member sits in the body
 * @returns {ApiModel['errors']}
 */
function readErrors(operation, errorBranch, envelopePath) {
  /** @type {ErrorModel[]} */
  const entries = [];
  /** @type {ValueRule | undefined} */
  let others;
  /** @type {Map<number, string | undefined>} */
  const formats = new Map();
  /** Where each error response names its code and request ID, by status: one place for the whole API. @type {Map<number, string>} */
  const places = new Map();
  /** @type {Location | undefined} */
  let codeAt;
  /** @type {Location | undefined} */
  let requestIdAt;
  /**
   * @param {Json} response
   * @param {number} status
   * @param {Json} schema its body, or the error branch of the envelope
   * @param {string[]} prefix where `schema` sits in the body
   */
  const add = (response, status, schema, prefix) => {
    const code = locate(response, schema, 'error-code', prefix);
    const messageAt = locate(response, schema, 'error-message', prefix);
    const requestId = locate(response, schema, 'request-id', prefix);
    if (!code || !messageAt) throw new Error(`the ${status} error response needs an error-code and an error-message`);
    places.set(status, JSON.stringify({ codeAt: code, requestIdAt: requestId ?? null }));
    codeAt = code;
    requestIdAt = requestId;
    const details = errorDetails(response, schema, prefix, [code, messageAt, requestId]);
    const codeSchema =
      code.in === 'header' ? response.headers[code.name].schema : [...properties(schema)].find(([path]) => [...prefix, ...path].join('.') === code.path.join('.'))?.[1];
    formats.set(status, codeFormatOf(code.in === 'header' ? response.headers[code.name] : codeSchema, status));
    const rule = valueRule(codeSchema);
    if (rule.others) others = rule.others;
    for (const list of codeLists(codeSchema)) {
      for (const name of list.codes) {
        if (entries.some((entry) => entry.code === name)) continue;
        const concept = list.concepts[name] ?? response['x-layerspec-concept'];
        const description = response === operation.responses['200'] ? list.description : response.description;
        entries.push(errorEntry({ code: name, status, concept, declared: list.declared[name], description, messageAt, details }));
      }
    }
  };
  for (const [status, response] of Object.entries(operation.responses)) {
    if (Number(status) >= 400) add(response, Number(status), response.content?.['application/json']?.schema, []);
  }
  if (errorBranch) add(operation.responses['200'], 200, errorBranch, envelopePath);
  // The client reads every error answer's code the same way, so the format must be one.
  const codeFormats = new Set(formats.values());
  if (codeFormats.size > 1) {
    const statuses = [...formats].map(([status, format]) => `${status}: ${format ?? 'none'}`).join(', ');
    throw new Error(`x-layerspec-code-format must be the same on the error-code of every error response; found ${statuses}`);
  }
  // A caller finds an error's code and request ID before it knows which error it is, so every
  // error answer of the API must carry them in the same place.
  if (new Set(places.values()).size > 1) {
    const where = [...places].map(([status, place]) => `${status}: ${place}`).join('; ');
    throw new Error(`every error response must carry its error-code and request-id in the same place; found ${where}`);
  }
  if (!codeAt) throw new Error(`${operation.operationId}: the operation documents no error response`);
  return compact({ codeAt, requestIdAt, entries, others, codeFormat: [...codeFormats][0] });
}

/**
 * The errors of every operation as the API's one table: the same place for the code and request
 * ID in every answer, one code format, and each code meaning the same error wherever it is listed.
 * @param {{ id: string, errors: ApiModel['errors'] }[]} read each operation's errors
 * @returns {ApiModel['errors']}
 */
function combineErrors(read) {
  const [first] = read;
  if (!first) throw new Error('the spec describes no operation');
  /** @type {Map<string, ErrorModel>} */
  const entries = new Map();
  for (const { id, errors } of read) {
    const place = (/** @type {ApiModel['errors']} */ e) => JSON.stringify({ codeAt: e.codeAt, requestIdAt: e.requestIdAt ?? null });
    if (place(errors) !== place(first.errors)) {
      throw new Error(`every error response must carry its error-code and request-id in the same place; ${id} has ${place(errors)}, ${first.id} ${place(first.errors)}`);
    }
    if (errors.codeFormat !== first.errors.codeFormat) throw new Error(`x-layerspec-code-format must be the same in every operation; ${id} differs from ${first.id}`);
    if (JSON.stringify(errors.others) !== JSON.stringify(first.errors.others))
      throw new Error(`the codes accepted beyond the listed ones must be the same in every operation; ${id} differs from ${first.id}`);
    for (const entry of errors.entries) {
      const known = entries.get(entry.code);
      if (!known) entries.set(entry.code, entry);
      else if (
        known.status !== entry.status ||
        known.kind !== entry.kind ||
        known.retryable !== entry.retryable ||
        JSON.stringify(known.messageAt) !== JSON.stringify(entry.messageAt)
      ) {
        throw new Error(`error ${entry.code} must mean the same in every operation; ${id} gives it another status, kind, retryable or message place`);
      }
    }
  }
  return compact({ ...first.errors, entries: [...entries.values()] });
}

/**
 * The headers an example's answer carries: each header's example, the error-code header naming the example's own error.
 * @param {Json} response
 * @param {unknown} code the example's error code, if it shows an error
 * @param {Location | undefined} codeAt where the answer names its error
 * @returns {Record<string, string> | undefined}
 */
function exampleHeaders(response, code, codeAt) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    const value = codeAt?.in === 'header' && codeAt.name === name ? code : (header.example ?? header.schema?.example);
    if (value !== undefined) headers[name] = String(value);
  }
  return Object.keys(headers).length > 0 ? headers : undefined;
}

/**
 * @param {unknown} value
 * @param {readonly string[]} path
 * @returns {unknown}
 */
const valueAt = (value, path) =>
  path.reduce((/** @type {unknown} */ at, key) => (at && typeof at === 'object' ? /** @type {Record<string, unknown>} */ (at)[key] : undefined), value);

/**
 * @param {Json} operation
 * @param {ApiModel['errors']} errors
 * @returns {ScenarioModel[]}
 */
function readScenarios(operation, errors) {
  /** @type {ScenarioModel[]} */
  const scenarios = [];
  for (const [status, response] of Object.entries(operation.responses)) {
    for (const [name, example] of Object.entries(response.content?.['application/json']?.examples ?? {})) {
      if (scenarios.some((scenario) => scenario.name === name)) throw new Error(`${operation.operationId}: example name "${name}" is used twice`);
      const { codeAt } = errors;
      const code =
        Number(status) >= 400
          ? (example['x-layerspec-error-type'] ?? (codeAt.in === 'header' ? response.headers?.[codeAt.name]?.schema?.const : undefined))
          : codeAt.in === 'body'
            ? valueAt(example.value, codeAt.path)
            : undefined;
      if (Number(status) >= 400 && code === undefined) throw new Error(`example "${name}" does not say which error it shows (x-layerspec-error-type)`);
      scenarios.push(
        compact({
          name,
          status: Number(status),
          outcome: code === undefined ? 'success' : 'error',
          errorCode: code,
          summary: example.summary,
          description: example.description?.trim(),
          headers: exampleHeaders(response, code, codeAt),
          value: example.value,
        }),
      );
    }
  }
  return scenarios;
}

const SIGNING_FACTS = /** @type {const} */ ([
  'algorithm',
  'service',
  'signedHeaders',
  'dateHeader',
  'tokenHeader',
  'maxClockSkewSeconds',
  'scopeTerminator',
  'hostIncludesPort',
  'pathEncodedTwice',
]);
/** @typedef {(typeof SIGNING_FACTS)[number]} SigningFact a member of SigningModel the spec states in x-layerspec-signing */

/**
 * @param {Json} document
 * @param {SpecOperation[]} operations
 * @returns {SigningModel}
 */
function readSigning(document, operations) {
  const schemes = new Set(operations.map(({ operation }) => Object.keys((operation.security ?? document.security)?.[0] ?? {})[0]));
  if (schemes.size > 1) throw new Error(`every operation must name the same security scheme; found ${[...schemes].join(', ')}`);
  const [scheme] = schemes;
  const securityScheme = scheme === undefined ? undefined : document.components?.securitySchemes?.[scheme];
  if (scheme === undefined || !securityScheme) throw new Error('the operation names no security scheme');
  /** @type {Pick<SigningModel, SigningFact>} the spec's facts, each checked present below */
  const declared = securityScheme['x-layerspec-signing'] ?? {};
  const missing = SIGNING_FACTS.filter((key) => declared[key] === undefined);
  if (missing.length > 0) throw new Error(`x-layerspec-signing of ${scheme} lacks ${missing.join(', ')}`);
  /** @type {SigningFieldModel[] | undefined} */
  const fields = securityScheme['x-layerspec-signing-fields']?.map((/** @type {Json} */ field) =>
    compact({
      name: field.name,
      in: field.in,
      required: field.required === true,
      ...valueRule(field.schema),
      concept: field['x-layerspec-concept'] ?? conceptOf(field.schema),
      description: field.description?.trim(),
      examples: field.example !== undefined ? { example: field.example } : undefined,
    }),
  );
  return compact({ scheme, header: securityScheme.name, ...declared, description: securityScheme.description?.trim(), fields });
}

/**
 * @param {Json} document
 * @returns {ServerModel[]}
 */
function readServers(document) {
  return document.servers.map((/** @type {Json} */ server) =>
    compact({
      url: server.url,
      description: server.description?.trim(),
      variables: Object.fromEntries(
        Object.entries(server.variables ?? {}).map(([name, variable]) => [
          name,
          compact({
            default: variable.default,
            enum: variable.enum,
            pattern: variable['x-layerspec-pattern'],
          }),
        ]),
      ),
    }),
  );
}

/**
 * The model of one API of redocly.yaml (see ApiModel in src/types.ts); `root` reads another copy of its spec.
 * @param {string} apiName
 * @param {{ root?: string }} [options]
 * @returns {Promise<ApiModel>}
 */
export async function readModel(apiName, { root = readApi(apiName).root } = {}) {
  const document = await loadDereferenced(root);
  const found = operationsOf(document);
  const provider = document.info['x-layerspec-provider'] ?? {};
  for (const key of ['name', 'label', 'protocolId']) {
    if (typeof provider[key] !== 'string') throw new Error(`info.x-layerspec-provider needs ${key}`);
  }
  const mockPort = document['x-layerspec-mock']?.port;
  if (!Number.isInteger(mockPort)) throw new Error('x-layerspec-mock needs port, an integer');
  const rpc = readRpc(document);
  /** @type {Record<string, OperationModel>} */
  const operations = {};
  /** @type {{ id: string, errors: ApiModel['errors'] }[]} */
  const errorsRead = [];
  for (const spec of found) {
    const { method, item, operation } = spec;
    const id = operation.operationId;
    if (Object.hasOwn(operations, id)) throw new Error(`operationId ${id} is used twice`);
    const ok = operation.responses['200'];
    if (!ok?.content?.['application/json']?.schema) throw new Error(`${id}: the model needs a 200 response with a JSON body`);
    const result = successResult(ok.content['application/json'].schema);
    const errors = readErrors(operation, result.errorBranch, result.path);
    errorsRead.push({ id, errors });
    const inputs = readInputs(item, operation);
    const requestBody = operation.requestBody?.content;
    operations[id] = compact({
      id,
      // toUpperCase keeps the letters of the method, so its type is the upper-case literal.
      method: /** @type {Uppercase<typeof method>} */ (method.toUpperCase()),
      ...wireRoute(spec, rpc, inputs),
      summary: operation.summary,
      tags: operation.tags,
      requestMediaType: requestBody ? Object.keys(requestBody)[0] : undefined,
      requestExamples: requestBody
        ? Object.fromEntries(Object.entries(Object.values(requestBody)[0].examples ?? {}).map(([name, example]) => [name, example.value]))
        : undefined,
      inputs,
      result: result.path,
      outputs: readOutputs(ok, result),
      errorCodes: errors.entries.map((entry) => entry.code),
      scenarios: readScenarios(operation, errors),
    });
  }
  return compact({
    api: apiName,
    source: relative(repoRoot, root),
    title: document.info.title,
    summary: document.info.summary?.trim(),
    version: document.info.version,
    provider: compact({ name: provider.name, label: provider.label, signing: provider.signing }),
    protocol: { id: provider.protocolId, description: provider.protocol },
    rpc,
    operations,
    servers: readServers(document),
    signing: readSigning(document, found),
    errors: combineErrors(errorsRead),
    mock: { defaultPort: mockPort },
  });
}

// Only the keywords a validator checks; descriptions and examples stay in the spec.
const VALIDATION_KEYWORDS = new Set([
  'type',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'enum',
  'const',
  'required',
  'properties',
  'items',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'additionalProperties',
]);
const SUBSCHEMAS = new Set(['items', 'not', 'additionalProperties', 'anyOf', 'oneOf', 'allOf']);

/**
 * A dereferenced schema with only its validation keywords; a cycle cannot be written out, so it fails.
 * @param {Json} schema a schema, a list of schemas, or a keyword's value
 * @param {Set<object>} [ancestors] the schemas that contain this one
 * @returns {unknown}
 */
function validationSchema(schema, ancestors = new Set()) {
  if (Array.isArray(schema)) return schema.map((member) => validationSchema(member, ancestors));
  if (!schema || typeof schema !== 'object') return schema;
  if (ancestors.has(schema)) throw new Error('the success schema refers to itself; the model cannot inline it');
  const inside = new Set([...ancestors, schema]);
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!VALIDATION_KEYWORDS.has(key)) continue;
    if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value).map(([name, member]) => [name, validationSchema(member, inside)]));
    else out[key] = SUBSCHEMAS.has(key) ? validationSchema(value, inside) : value;
  }
  return out;
}

/**
 * Each operation's 200 answer schema for response validation, as a JSON Schema of validation
 * keywords, by operationId.
 * @param {string} apiName
 * @param {{ root?: string }} [options]
 * @returns {Promise<Record<string, unknown>>}
 */
export async function readSuccessSchemas(apiName, { root = readApi(apiName).root } = {}) {
  const found = operationsOf(await loadDereferenced(root));
  return Object.fromEntries(found.map(({ operation }) => [operation.operationId, validationSchema(operation.responses['200'].content['application/json'].schema)]));
}
