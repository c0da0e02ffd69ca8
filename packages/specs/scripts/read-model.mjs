// Reads one spec of redocly.yaml through Redocly's own resolver (@redocly/openapi-core, every
// `$ref` dereferenced) into the model of src/types.ts, and its success schema for validation.
// Every fact comes from the spec; a fact the model needs and the spec lacks is an error naming
// the extension that states it.
import { relative } from 'node:path';
import { BaseResolver, bundle, createConfig } from '@redocly/openapi-core';
import { parse } from 'yaml';
import { readApis, repoRoot } from '../../../tools/apis.mjs';

/**
 * openapi-core's resolver with the YAML read by `yaml` instead of js-yaml: integers are read as
 * bigint and only the safe ones become numbers, so an int64 bound such as 9223372036854775807
 * reaches the model exactly instead of as 9223372036854776000.
 */
class ExactIntegerResolver extends BaseResolver {
  parseDocument(source) {
    const exact = (_key, value) => (typeof value === 'bigint' && Number.isSafeInteger(Number(value)) ? Number(value) : value);
    return { source, parsed: parse(source.body, exact, { intAsBigInt: true }) };
  }
}

/** The spec with every `$ref` replaced by its target (shared, not copied). */
export async function loadDereferenced(root) {
  const config = await createConfig({});
  const { bundle: document, problems } = await bundle({ ref: root, config, dereference: true, externalRefResolver: new ExactIntegerResolver() });
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new Error(`${root}: ${errors.map((problem) => problem.message).join('; ')}`);
  return document.parsed;
}

const compact = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
const exactText = (value) => (value === undefined ? undefined : String(value));

/** `allOf` members merged into one schema; the outer keywords win. */
function merged(schema) {
  if (!schema || !Array.isArray(schema.allOf)) return schema ?? {};
  const { allOf, ...rest } = schema;
  return Object.assign({}, ...allOf.map(merged), rest);
}

/** The checkable rules of a schema (see ValueRule in src/types.ts). */
export function valueRule(input) {
  const schema = merged(input);
  if (Array.isArray(schema.anyOf)) {
    const members = schema.anyOf.map(valueRule);
    const listed = members.filter((member) => member.enum);
    const free = members.filter((member) => !member.enum);
    if (listed.length === 0 || free.length > 1) throw new Error(`cannot model anyOf of ${JSON.stringify(members)}`);
    return compact({
      type: listed[0].type,
      enum: [...new Set(listed.flatMap((member) => member.enum))],
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

const conceptOf = (node) => merged(node)['x-layerspec-concept'];

function theOperation(document) {
  const found = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      if (item[method]) found.push({ path, method, item, operation: item[method] });
    }
  }
  if (found.length !== 1) throw new Error(`the model describes one operation per spec; found ${found.length}`);
  return found[0];
}

function readInputs(item, operation) {
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

/** Every property below `schema`, depth first, as [path, schema, required]. */
function* properties(schema, path = []) {
  const object = merged(schema);
  for (const [name, property] of Object.entries(object.properties ?? {})) {
    const here = [...path, name];
    yield [here, property, (object.required ?? []).includes(name)];
    yield* properties(property, here);
  }
}

/** Whether any property below `schema` is tagged with `concept`. */
const holdsConcept = (schema, concept) => [...properties(schema)].some(([, property]) => conceptOf(property) === concept);

/**
 * The success result inside the 200 body: the body itself, or, in an envelope whose member is a
 * `oneOf` of a result and an error, the branch that holds no `error-code`.
 */
function successResult(schema) {
  for (const [path, property] of properties(schema)) {
    const branches = merged(property).oneOf;
    if (!branches) continue;
    const results = branches.filter((branch) => !holdsConcept(branch, 'error-code'));
    if (results.length !== 1) throw new Error(`the envelope at ${path.join('.')} needs exactly one branch without an error-code`);
    return { path, schema: results[0], errorBranch: branches.find((branch) => branch !== results[0]) };
  }
  return { path: [], schema, errorBranch: undefined };
}

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

function readOutputs(ok, result) {
  const outputs = [];
  for (const [name, header] of Object.entries(ok.headers ?? {})) {
    const schema = { ...header.schema, 'x-layerspec-concept': header['x-layerspec-concept'], description: header.description };
    outputs.push(compact({ ...outputField(name, [], 'header', schema, header.required === true), example: header.example }));
  }
  for (const [path, schema, required] of properties(result.schema)) {
    outputs.push(outputField(path.join('.'), path, 'body', schema, required));
  }
  return outputs;
}

/** Where a response names its error, message and request ID, by concept. */
function locate(response, schema, concept, bodyPrefix = []) {
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    if (header['x-layerspec-concept'] === concept) return { in: 'header', name };
  }
  for (const [path, property] of properties(schema)) {
    if (conceptOf(property) === concept) return { in: 'body', path: [...bodyPrefix, ...path] };
  }
  return undefined;
}

/** The code lists of an `error-code` schema: each enum or const with its concepts and overrides. */
function codeLists(schema) {
  const node = merged(schema);
  if (Array.isArray(node.anyOf)) return node.anyOf.flatMap(codeLists);
  const codes = node.const !== undefined ? [node.const] : node.enum;
  return codes ? [{ codes, concepts: node['x-layerspec-concepts'] ?? {}, declared: node['x-layerspec-errors'] ?? {}, description: node.description }] : [];
}

const ERROR_KINDS = ['invalid-input', 'auth', 'not-found', 'throttled', 'service'];

function errorEntry({ code, status, concept, declared, description, codeAt, messageAt, requestIdAt, details }) {
  const { kind, retryable } = declared ?? {};
  if (!ERROR_KINDS.includes(kind)) throw new Error(`error ${code}: x-layerspec-errors needs a kind, one of ${ERROR_KINDS.join(', ')}`);
  if (typeof retryable !== 'boolean') throw new Error(`error ${code}: x-layerspec-errors needs retryable, true or false`);
  return compact({ code, status, kind, retryable, concept, description: description?.trim(), codeAt, messageAt, requestIdAt, details });
}

const sameHeader = (at, name) => at?.in === 'header' && at.name === name;
const leadsTo = (at, path) => at?.in === 'body' && path.every((key, i) => at.path[i] === key);

/** The answer's headers and body members other than the code, message and request ID. */
function errorDetails(response, schema, prefix, known) {
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
    throw new Error(`${refusal}: ${cause.message}`);
  }
  if (!groups || !Object.hasOwn(groups, 'code')) throw new Error(`${refusal}; it has none`);
  return pattern;
}

function readErrors(operation, errorBranch, envelopePath) {
  const entries = [];
  let others;
  const formats = new Map();
  const add = (response, status, schema, prefix) => {
    const codeAt = locate(response, schema, 'error-code', prefix);
    const messageAt = locate(response, schema, 'error-message', prefix);
    const requestIdAt = locate(response, schema, 'request-id', prefix);
    if (!codeAt || !messageAt) throw new Error(`the ${status} error response needs an error-code and an error-message`);
    const details = errorDetails(response, schema, prefix, [codeAt, messageAt, requestIdAt]);
    const codeSchema =
      codeAt.in === 'header'
        ? response.headers[codeAt.name].schema
        : [...properties(schema)].find(([path]) => [...prefix, ...path].join('.') === codeAt.path.join('.'))[1];
    formats.set(status, codeFormatOf(codeAt.in === 'header' ? response.headers[codeAt.name] : codeSchema, status));
    const rule = valueRule(codeSchema);
    if (rule.others) others = rule.others;
    for (const list of codeLists(codeSchema)) {
      for (const code of list.codes) {
        if (entries.some((entry) => entry.code === code)) continue;
        const concept = list.concepts[code] ?? response['x-layerspec-concept'];
        const description = response === operation.responses['200'] ? list.description : response.description;
        entries.push(errorEntry({ code, status, concept, declared: list.declared[code], description, codeAt, messageAt, requestIdAt, details }));
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
  return compact({ entries, others, codeFormat: [...codeFormats][0] });
}

/** The headers an example's answer carries: each header's example, the error-code header naming the example's own error. */
function exampleHeaders(response, code, codeAt) {
  const headers = {};
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    const value = codeAt?.in === 'header' && codeAt.name === name ? code : (header.example ?? header.schema?.example);
    if (value !== undefined) headers[name] = String(value);
  }
  return Object.keys(headers).length > 0 ? headers : undefined;
}

const valueAt = (value, path) => path.reduce((at, key) => (at && typeof at === 'object' ? at[key] : undefined), value);

function readScenarios(operation, errors) {
  const scenarios = [];
  for (const [status, response] of Object.entries(operation.responses)) {
    for (const [name, example] of Object.entries(response.content?.['application/json']?.examples ?? {})) {
      if (scenarios.some((scenario) => scenario.name === name)) throw new Error(`example name "${name}" is used twice`);
      const code =
        Number(status) >= 400
          ? (example['x-layerspec-error-type'] ?? response.headers?.[errors.entries.find((entry) => entry.status === Number(status))?.codeAt.name]?.schema?.const)
          : errors.entries
              .map((entry) => entry.codeAt)
              .filter((at) => at.in === 'body')
              .map((at) => valueAt(example.value, at.path))
              .find((found) => found !== undefined);
      if (Number(status) >= 400 && code === undefined) throw new Error(`example "${name}" does not say which error it shows (x-layerspec-error-type)`);
      const codeAt = errors.entries.find((entry) => entry.status === Number(status))?.codeAt;
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

const SIGNING_FACTS = [
  'algorithm',
  'service',
  'signedHeaders',
  'dateHeader',
  'tokenHeader',
  'maxClockSkewSeconds',
  'scopeTerminator',
  'hostIncludesPort',
  'pathEncodedTwice',
];

function readSigning(document, operation) {
  const requirement = (operation.security ?? document.security)?.[0];
  const [scheme] = Object.keys(requirement ?? {});
  const securityScheme = document.components?.securitySchemes?.[scheme];
  if (!securityScheme) throw new Error('the operation names no security scheme');
  const declared = securityScheme['x-layerspec-signing'] ?? {};
  const missing = SIGNING_FACTS.filter((key) => declared[key] === undefined);
  if (missing.length > 0) throw new Error(`x-layerspec-signing of ${scheme} lacks ${missing.join(', ')}`);
  const fields = securityScheme['x-layerspec-signing-fields']?.map((field) =>
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

function readServers(document) {
  return document.servers.map((server) =>
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

/** The model of one API of redocly.yaml (see ApiModel in src/types.ts); `root` reads another copy of its spec. */
export async function readModel(apiName, { root = readApis()[apiName]?.root } = {}) {
  if (!root) throw new Error(`redocly.yaml has no API named "${apiName}" under apis:`);
  const document = await loadDereferenced(root);
  const { path, method, item, operation } = theOperation(document);
  const provider = document.info['x-layerspec-provider'] ?? {};
  for (const key of ['name', 'label', 'protocolId']) {
    if (typeof provider[key] !== 'string') throw new Error(`info.x-layerspec-provider needs ${key}`);
  }
  const mockPort = document['x-layerspec-mock']?.port;
  if (!Number.isInteger(mockPort)) throw new Error('x-layerspec-mock needs port, an integer');
  const ok = operation.responses['200'];
  const result = successResult(ok.content['application/json'].schema);
  const errors = readErrors(operation, result.errorBranch, result.path);
  const requestBody = operation.requestBody?.content;
  return compact({
    api: apiName,
    source: relative(repoRoot, root),
    title: document.info.title,
    summary: document.info.summary?.trim(),
    version: document.info.version,
    provider: compact({ name: provider.name, label: provider.label, signing: provider.signing }),
    protocol: { id: provider.protocolId, description: provider.protocol },
    operation: compact({
      id: operation.operationId,
      method: method.toUpperCase(),
      path,
      summary: operation.summary,
      tags: operation.tags,
      requestMediaType: requestBody ? Object.keys(requestBody)[0] : undefined,
      requestExamples: requestBody
        ? Object.fromEntries(Object.entries(Object.values(requestBody)[0].examples ?? {}).map(([name, example]) => [name, example.value]))
        : undefined,
    }),
    servers: readServers(document),
    signing: readSigning(document, operation),
    inputs: readInputs(item, operation),
    result: result.path,
    outputs: readOutputs(ok, result),
    errors,
    scenarios: readScenarios(operation, errors),
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

/** A dereferenced schema with only its validation keywords; a cycle cannot be written out, so it fails. */
function validationSchema(schema, ancestors = new Set()) {
  if (Array.isArray(schema)) return schema.map((member) => validationSchema(member, ancestors));
  if (!schema || typeof schema !== 'object') return schema;
  if (ancestors.has(schema)) throw new Error('the success schema refers to itself; the model cannot inline it');
  const inside = new Set([...ancestors, schema]);
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!VALIDATION_KEYWORDS.has(key)) continue;
    if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value).map(([name, member]) => [name, validationSchema(member, inside)]));
    else out[key] = SUBSCHEMAS.has(key) ? validationSchema(value, inside) : value;
  }
  return out;
}

/** The 200 answer's schema for response validation, as a JSON Schema of validation keywords. */
export async function readSuccessSchema(apiName, { root = readApis()[apiName]?.root } = {}) {
  const { operation } = theOperation(await loadDereferenced(root));
  return validationSchema(operation.responses['200'].content['application/json'].schema);
}
