// @ts-check
// Reads what the docs need from a bundled spec: the operation, every field a caller sends or
// receives, and every error. Concepts come from `x-layerspec-concept` on a field or on any
// schema it refers to (and from concepts.json for the few places the specs do not tag yet).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @typedef {any} Json */
/**
 * @typedef {object} Field
 * @property {'request' | 'response'} side
 * @property {string} name        dotted path for body members (`Content.CodeSha256`), the header or parameter name otherwise
 * @property {'path' | 'query' | 'header' | 'body' | 'credential-scope'} in  credential-scope: inside the Authorization header's scope
 * @property {string} [signing]   the security scheme that documents the field (`x-layerspec-signing-fields`)
 * @property {string[]} appearsIn  where it occurs: `request`, or a status with the body schema (`404 ResourceNotFoundException`)
 * @property {string[]} requiredIn the subset of appearsIn where it is required
 * @property {Json} schema        the effective schema ($ref followed, allOf merged)
 * @property {string | undefined} concept
 * @property {string | undefined} description
 * @property {unknown} example
 * @property {string[]} refs      every `#/...` pointer met while resolving the field
 */
/**
 * @typedef {object} ErrorEntry
 * @property {string} code        the error name (AWS) or error code (Tencent)
 * @property {string} status      the HTTP status that carries it
 * @property {string} carrier     where a caller reads it, e.g. `header x-amzn-ErrorType` or `body Response.Error.Code`
 * @property {string | undefined} concept
 * @property {string} group       the response or code list it belongs to
 * @property {string | undefined} description
 */

/** The bundled document that @layerspec/specs ships. @param {string} api @returns {{ doc: Json, path: string }} */
export function loadBundle(api) {
  const path = require.resolve(`@layerspec/specs/${api}.json`);
  return { doc: JSON.parse(readFileSync(path, 'utf8')), path };
}

/** Follows a local `#/...` pointer. @param {Json} doc @param {string} ref @returns {Json} */
export function resolvePointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`only local $ref is expected in a bundle, got ${ref}`);
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`dangling $ref ${ref}`);
    node = node[key];
  }
  return node;
}

/**
 * Follows $ref and merges allOf, and reports the concept and every pointer met on the way.
 * The outermost concept wins, so a property may re-tag a shared schema.
 * @param {Json} doc @param {Json} node
 * @returns {{ schema: Json, concept: string | undefined, refs: string[] }}
 */
export function resolveNode(doc, node) {
  /** @type {string[]} */
  const refs = [];
  /** @type {string | undefined} */
  let concept;
  /** @param {Json} current @returns {Json} */
  const visit = (current) => {
    if (current === null || typeof current !== 'object') return current;
    concept ??= current['x-layerspec-concept'];
    if (typeof current.$ref === 'string') {
      refs.push(current.$ref);
        const { $ref, ...rest } = current;
      return { ...visit(resolvePointer(doc, $ref)), ...rest };
    }
    if (Array.isArray(current.allOf)) {
      const { allOf, ...rest } = current;
      const merged = allOf.reduce((/** @type {Json} */ acc, /** @type {Json} */ member) => ({ ...acc, ...visit(member) }), {});
      return { ...merged, ...rest };
    }
    return current;
  };
  const schema = visit(node);
  return { schema, concept, refs };
}

/** The one operation of a layerspec spec. @param {Json} doc */
export function getOperation(doc) {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']) {
      if (item[method]) return { path, method, operation: item[method], pathItem: item };
    }
  }
  throw new Error('the spec has no operation under paths');
}

/** @param {Json} holder something with `example` or `examples` @param {Json} doc */
function firstExample(holder, doc) {
  if (holder?.example !== undefined) return holder.example;
  const first = Object.values(holder?.examples ?? {})[0];
  return first === undefined ? undefined : resolveNode(doc, first).schema?.value;
}

/** @param {Json} value @param {string[]} path */
function valueAt(value, path) {
  return path.reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), value);
}

/**
 * Every member of a body schema, nested objects and oneOf/anyOf branches included, as dotted paths.
 * A property whose schema is `not: {}` is a marker that must be absent, not a field, so it is skipped.
 * @param {Json} doc @param {Json} node
 * @param {{ prefix: string[], label: string, required: boolean, sink: (f: Omit<Field, 'side' | 'in'> & { path: string[] }) => void }} at
 */
function walkBody(doc, node, at) {
  const { schema } = resolveNode(doc, node);
  if (!schema || typeof schema !== 'object') return;
  for (const key of ['oneOf', 'anyOf']) {
    for (const branch of schema[key] ?? []) {
      const name = typeof branch.$ref === 'string' ? branch.$ref.split('/').pop() : at.label;
      const branchSchema = resolveNode(doc, branch).schema;
      if (branchSchema?.type === 'object' || branchSchema?.properties) {
        walkBody(doc, branch, { ...at, label: `${at.label.split(' ')[0]} ${name}` });
      }
    }
  }
  const required = new Set(schema.required ?? []);
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const resolved = resolveNode(doc, property);
    if (resolved.schema && typeof resolved.schema === 'object' && 'not' in resolved.schema && Object.keys(resolved.schema.not).length === 0) continue;
    const path = [...at.prefix, key];
    at.sink({
      path,
      name: path.join('.'),
      appearsIn: [at.label],
      requiredIn: required.has(key) ? [at.label] : [],
      schema: resolved.schema,
      concept: resolved.concept,
      description: resolved.schema?.description,
      example: undefined,
      refs: resolved.refs,
    });
    walkBody(doc, property, { ...at, prefix: path });
  }
}

/**
 * A header such as `x-amzn-ErrorType` holds a different const in each response; the merged
 * field lists every value.
 * @param {Json} a @param {Json} b @returns {Json}
 */
function mergeValues(a, b) {
  const values = (/** @type {Json} */ s) => (s?.const !== undefined ? [s.const] : Array.isArray(s?.enum) ? s.enum : undefined);
  const left = values(a);
  const right = values(b);
  if (!left || !right) return a;
  const { const: _, ...rest } = a;
  return { ...rest, enum: [...new Set([...left, ...right])] };
}

/**
 * Every request parameter, request body member, response header and response body member.
 * A field that occurs in several responses is listed once, with each place in appearsIn.
 * @param {Json} doc @param {Record<string, string>} [extraConcepts] `side in name` -> concept, for fields the spec does not tag
 * @returns {Field[]}
 */
export function listFields(doc, extraConcepts = {}) {
  const { operation, pathItem } = getOperation(doc);
  /** @type {Map<string, Field>} */
  const fields = new Map();
  /** @param {Field} field */
  const add = (field) => {
    const key = `${field.side} ${field.in} ${field.name}`;
    field.concept ??= extraConcepts[key];
    const seen = fields.get(key);
    if (!seen) return void fields.set(key, field);
    seen.appearsIn.push(...field.appearsIn.filter((where) => !seen.appearsIn.includes(where)));
    seen.requiredIn.push(...field.requiredIn.filter((where) => !seen.requiredIn.includes(where)));
    seen.concept ??= field.concept;
    seen.schema = mergeValues(seen.schema, field.schema);
    if (seen.example === undefined) seen.example = field.example;
  };

  for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const { schema: param, refs, concept: paramConcept } = resolveNode(doc, parameter);
    const inner = resolveNode(doc, param.schema);
    add({
      side: 'request',
      name: param.name,
      in: param.in,
      appearsIn: ['request'],
      requiredIn: param.required ? ['request'] : [],
      schema: inner.schema,
      concept: paramConcept ?? inner.concept,
      description: param.description ?? inner.schema?.description,
      example: firstExample(param, doc),
      refs: [...refs, ...inner.refs],
    });
  }

  // What a signature carries besides Authorization (the time, a session token, the region) is
  // documented on the security scheme, since a client adds it while signing.
  for (const requirement of operation.security ?? doc.security ?? []) {
    for (const schemeName of Object.keys(requirement)) {
      const scheme = resolveNode(doc, doc.components?.securitySchemes?.[schemeName] ?? {}).schema;
      for (const entry of scheme?.['x-layerspec-signing-fields'] ?? []) {
        const inner = resolveNode(doc, entry.schema);
        add({
          side: 'request',
          name: entry.name,
          in: entry.in,
          signing: schemeName,
          appearsIn: ['request'],
          requiredIn: entry.required ? ['request'] : [],
          schema: inner.schema,
          concept: entry['x-layerspec-concept'] ?? inner.concept,
          description: entry.description ?? inner.schema?.description,
          example: firstExample(entry, doc),
          refs: inner.refs,
        });
      }
    }
  }

  const requestBody = resolveNode(doc, operation.requestBody ?? {}).schema;
  const requestMedia = requestBody?.content?.['application/json'];
  if (requestMedia) {
    const example = firstExample(requestMedia, doc);
    walkBody(doc, requestMedia.schema, {
      prefix: [],
      label: 'request',
      required: true,
      sink: ({ path, ...field }) => add({ side: 'request', in: 'body', ...field, example: valueAt(example, path) }),
    });
  }

  for (const [status, responseNode] of Object.entries(operation.responses ?? {})) {
    const response = resolveNode(doc, responseNode).schema;
    for (const [name, headerNode] of Object.entries(response.headers ?? {})) {
      const header = resolveNode(doc, headerNode);
      const inner = resolveNode(doc, header.schema.schema);
      add({
        side: 'response',
        name,
        in: 'header',
        appearsIn: [status],
        requiredIn: header.schema.required ? [status] : [],
        schema: inner.schema,
        concept: header.concept ?? inner.concept,
        description: header.schema.description ?? inner.schema?.description,
        example: firstExample(header.schema, doc),
        refs: [...header.refs, ...inner.refs],
      });
    }
    const media = response.content?.['application/json'];
    if (!media) continue;
    const mediaSchema = media.schema;
    const label = `${status} ${typeof mediaSchema?.$ref === 'string' ? mediaSchema.$ref.split('/').pop() : ''}`.trim();
    const examples = Object.values(media.examples ?? {}).map((e) => resolveNode(doc, e).schema?.value);
    walkBody(doc, mediaSchema, {
      prefix: [],
      label,
      required: true,
      sink: ({ path, ...field }) =>
        add({
          side: 'response',
          in: 'body',
          ...field,
          // An empty string says nothing as an example; a later example may say more.
          example: examples.map((value) => valueAt(value, path)).find((value) => value !== undefined && value !== ''),
        }),
    });
  }
  return [...fields.values()];
}

/**
 * Every error the operation can answer with:
 * - each non-2xx response, named by the const/enum of a response header (AWS `x-amzn-ErrorType`)
 *   and tagged by the response's `x-layerspec-concept`;
 * - each value of a schema that carries an `x-layerspec-concepts` map (Tencent's code lists),
 *   placed at the response field whose schema refers to that list.
 * @param {Json} doc @param {Record<string, string>} [extraConcepts]
 * @returns {ErrorEntry[]}
 */
export function listErrors(doc, extraConcepts = {}) {
  const { operation } = getOperation(doc);
  /** @type {ErrorEntry[]} */
  const errors = [];
  for (const [status, responseNode] of Object.entries(operation.responses ?? {})) {
    if (/^2/.test(status)) continue;
    const { schema: response, concept } = resolveNode(doc, responseNode);
    const group = typeof responseNode.$ref === 'string' ? responseNode.$ref.split('/').pop() : status;
    const nameHeaders = Object.entries(response.headers ?? {})
      .map(([name, header]) => ({ name, schema: resolveNode(doc, resolveNode(doc, header).schema.schema).schema }))
      .filter(({ schema }) => schema?.const !== undefined || Array.isArray(schema?.enum));
    const names = nameHeaders.flatMap(({ schema }) => (schema.const !== undefined ? [schema.const] : schema.enum));
    for (const code of names.length > 0 ? names : [group]) {
      errors.push({
        code: String(code),
        status,
        carrier: nameHeaders[0] ? `header ${nameHeaders[0].name}` : `status ${status}`,
        concept,
        group,
        description: response.description,
      });
    }
  }

  const fields = listFields(doc, extraConcepts);
  for (const [schemaName, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const concepts = /** @type {Json} */ (schema)['x-layerspec-concepts'];
    if (!concepts) continue;
    const pointer = `#/components/schemas/${schemaName}`;
    // The code list sits behind an anyOf, so look for the pointer anywhere in the field's schema.
    const carriers = fields.filter((field) => field.refs.includes(pointer) || JSON.stringify(field.schema).includes(`"${pointer}"`));
    const carrier = carriers[0];
    for (const code of /** @type {Json} */ (schema).enum ?? []) {
      if (errors.some((error) => error.code === code)) continue;
      errors.push({
        code,
        status: carrier ? carrier.appearsIn[0]?.split(' ')[0] ?? '' : '',
        carrier: carrier ? `${carrier.in} ${carrier.name}` : '',
        concept: concepts[code],
        group: schemaName,
        description: /** @type {Json} */ (schema).description,
      });
    }
  }
  return errors;
}
