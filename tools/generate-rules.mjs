#!/usr/bin/env node
// Extracts from a spec the facts that a client needs at run time and that TypeScript types
// cannot carry: input rules (pattern, lengths, integer bounds), default servers, constant
// headers, documented error names and the success schema (for opt-in response validation).
// It writes two modules beside the generated types: rules.ts, and response-schema.ts (kept apart
// so that bundlers load the schema only for clients that validate responses).
// Usage: node tools/generate-rules.mjs <api> [--out-dir DIR] [--check]
// With --check nothing is written: it exits 1 when a file differs from a fresh generation.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { readApi, repoRoot } from './apis.mjs';

// Only the keywords a runtime validator checks; descriptions and examples stay in the spec.
const KEPT = new Set(['type', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'maxItems',
  'enum', 'const', 'required', 'properties', 'items', 'anyOf', 'oneOf', 'allOf', 'not', 'additionalProperties']);

function resolveRef(doc, node) {
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    node = node.$ref.slice(2).split('/').reduce((at, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return node;
}

/** A schema with every $ref replaced by its target and only validation keywords kept. */
function inline(doc, schema) {
  schema = resolveRef(doc, schema);
  if (Array.isArray(schema)) return schema.map((s) => inline(doc, s));
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEPT.has(key)) continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, inline(doc, s)]));
    } else if (['items', 'not', 'additionalProperties', 'anyOf', 'oneOf', 'allOf'].includes(key)) {
      out[key] = inline(doc, value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** One flat input rule: allOf parts merged, as the clients check a single field. */
function inputRule(doc, schema) {
  const inlined = inline(doc, schema);
  const merged = { ...inlined };
  for (const part of inlined.allOf ?? []) Object.assign(merged, part);
  // Only what the input check reads (`format: int64` is enforced as "a safe integer").
  const checked = ['type', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum'];
  return Object.fromEntries(checked.filter((key) => merged[key] !== undefined).map((key) => [key, merged[key]]));
}

function theOperation(doc) {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'delete', 'patch']) {
      if (item[method]) return { path, method, item, op: item[method] };
    }
  }
  throw new Error('the spec has no operation');
}

export function extractRules(doc) {
  const { path, item, op } = theOperation(doc);
  const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolveRef(doc, p));
  const inputs = {};
  const constantHeaders = {};
  for (const p of parameters) {
    const schema = resolveRef(doc, p.schema);
    if (p.in === 'path') inputs[p.name] = inputRule(doc, p.schema);
    if (p.in === 'header' && schema.enum?.length === 1) constantHeaders[p.name] = schema.enum[0];
  }
  const body = resolveRef(doc, op.requestBody)?.content?.['application/json']?.schema;
  for (const [name, schema] of Object.entries(resolveRef(doc, body)?.properties ?? {})) {
    inputs[name] = inputRule(doc, schema);
  }

  // Documented errors: on AWS the names that `x-amzn-ErrorType` may carry, per status;
  // on Tencent the enumerated codes of `Response.Error.Code`.
  const errors = [];
  for (const [status, ref] of Object.entries(op.responses)) {
    const header = resolveRef(doc, resolveRef(doc, ref).headers?.['x-amzn-ErrorType']);
    if (!header) continue;
    const schema = resolveRef(doc, header.schema);
    for (const name of schema.const !== undefined ? [schema.const] : schema.enum) errors.push({ name, status: Number(status) });
  }
  const errorCode = resolveRef(doc, doc.components?.schemas?.ErrorCode);
  const errorCodes = [...new Set((errorCode?.anyOf ?? []).flatMap((s) => resolveRef(doc, s).enum ?? []))];

  const success = resolveRef(doc, op.responses['200']).content['application/json'].schema;
  // Server URLs, variables left as `{name}` for the client to fill in.
  const servers = doc.servers.map((s) => s.url);
  return {
    operation: { path },
    servers,
    inputRules: inputs,
    constantHeaders,
    documentedErrors: errors,
    documentedErrorCodes: errorCodes,
    successSchema: inline(doc, success),
  };
}

/** Returns the generated modules for one API of redocly.yaml, by file name. */
export function generateRules(apiName) {
  const { root } = readApi(apiName);
  const { successSchema, ...rules } = extractRules(parse(readFileSync(root, 'utf8')));
  const header = [
    `// Generated from ${relative(repoRoot, root)} by tools/generate-rules.mjs.`,
    '// Do not edit this file: change the spec, then run `npm run generate`.',
    '',
  ];
  const module = (values) => [
    ...header,
    ...Object.entries(values).flatMap(([name, value]) => [`export const ${name} = ${JSON.stringify(value, null, 2)} as const;`, '']),
  ].join('\n');
  const empty = (value) => (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0);
  return {
    'rules.ts': module(Object.fromEntries(Object.entries(rules).filter(([, value]) => !empty(value)))),
    'response-schema.ts': module({ successSchema }),
  };
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'out-dir': { type: 'string' }, check: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) {
    console.error('usage: generate-rules.mjs <api> [--out-dir DIR] [--check]');
    process.exit(2);
  }
  const [apiName] = positionals;
  const outDir = values['out-dir'] ?? dirname(readApi(apiName).typesOutput);
  const fresh = generateRules(apiName);
  let stale = false;
  for (const [name, text] of Object.entries(fresh)) {
    const out = resolve(outDir, name);
    if (values.check) {
      if (existsSync(out) && readFileSync(out, 'utf8') === text) continue;
      console.error(`${relative(repoRoot, out)} is out of date with its spec: run \`npm run generate\` and commit the result.`);
      stale = true;
    } else {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, text);
      console.log(`${relative(repoRoot, out)} <- ${apiName}`);
    }
  }
  if (stale) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
