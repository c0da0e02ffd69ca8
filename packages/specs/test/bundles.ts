// Loads the bundled documents that the package ships, and follows $ref and allOf the way
// a reader of the spec would, so tests can talk about a field's effective rules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type ApiName = 'aws-lambda' | 'tencent-scf';
export const apiNames: ApiName[] = ['aws-lambda', 'tencent-scf'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export function loadBundle(api: ApiName, ext: 'json' | 'yaml' = 'json'): Json {
  const path = require.resolve(`@layerspec/specs/${api}.${ext}`);
  const text = readFileSync(path, 'utf8');
  return ext === 'json' ? JSON.parse(text) : text;
}

/** Follows a local `#/...` JSON pointer, and any $ref met on the way. */
export function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`only local refs are expected in a bundle, got ${ref}`);
  const follow = (node: Json): Json => (node?.$ref ? follow(resolvePointer(doc, node.$ref)) : node);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => {
      const here = follow(node);
      if (here === undefined || !(key in here)) throw new Error(`dangling $ref ${ref}`);
      return here[key];
    }, doc);
}

/** The schema with $ref followed and allOf members merged into one object of keywords. */
export function effectiveSchema(doc: Json, schema: Json): Json {
  if (schema?.$ref) return effectiveSchema(doc, { ...resolvePointer(doc, schema.$ref), ...omit(schema, '$ref') });
  if (Array.isArray(schema?.allOf)) {
    const merged = Object.assign({}, ...schema.allOf.map((member: Json) => effectiveSchema(doc, member)));
    return { ...merged, ...omit(schema, 'allOf') };
  }
  return schema;
}

function omit(object: Json, key: string): Json {
  const { [key]: _, ...rest } = object;
  return rest;
}
