// A second, deliberately small reader of the hand-written specs: plain `yaml` and its own
// `$ref` follow, sharing no code with scripts/generate-model.mjs. The model tests compare the
// generated model with what this reader finds, so a fault of either one shows.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

const repoRoot = resolve(import.meta.dirname, '../../..');

/** The source YAML of an API, integers read exactly (beyond 2^53 as bigint). */
export function readSource(api: string): Json {
  const apis = parse(readFileSync(resolve(repoRoot, 'redocly.yaml'), 'utf8')).apis;
  const text = readFileSync(resolve(repoRoot, apis[api].root), 'utf8');
  return parse(text, (_key, value) => (typeof value === 'bigint' && Number.isSafeInteger(Number(value)) ? Number(value) : value), {
    intAsBigInt: true,
  });
}

/** Follows `$ref` (siblings win over the target) and merges `allOf`, as OpenAPI 3.1 reads them. */
export function follow(doc: Json, node: Json): Json {
  if (node && typeof node.$ref === 'string') {
    const { $ref, ...siblings } = node;
    const target = ($ref as string)
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((at: Json, key) => at[key], doc);
    return follow(doc, { ...follow(doc, target), ...siblings });
  }
  if (node && Array.isArray(node.allOf)) {
    const { allOf, ...rest } = node;
    return Object.assign({}, ...allOf.map((member: Json) => follow(doc, member)), rest);
  }
  return node;
}

export interface SpecOperation {
  id: string;
  path: string;
  method: string;
  item: Json;
  op: Json;
}

/** Every operation of a spec, in the spec's order. */
export function operationsOf(doc: Json): SpecOperation[] {
  return Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
    ['get', 'put', 'post', 'delete', 'patch'].filter((m) => item[m]).map((method) => ({ id: item[method].operationId, path, method, item, op: item[method] })),
  );
}

/** The error code schema of a Tencent envelope: `Response`'s branch that has an `Error`, its `Code`. */
function envelopeErrorCode(doc: Json, op: Json): Json {
  const body = follow(doc, follow(doc, op.responses['200']).content?.['application/json']?.schema);
  const branches: Json[] = follow(doc, body?.properties?.Response)?.oneOf ?? [];
  const failure = branches.map((branch) => follow(doc, branch)).find((branch) => branch.properties?.Error);
  return failure ? follow(doc, follow(doc, failure.properties.Error).properties.Code) : undefined;
}

/**
 * Every property below an object schema, as [dotted name, followed schema, required]; with
 * `listItems`, also the members of each item of a list of objects, named `List[].Member`.
 */
export function propertiesOf(doc: Json, schema: Json, prefix = '', listItems = false): [string, Json, boolean][] {
  const object = follow(doc, schema);
  return Object.entries<Json>(object?.properties ?? {}).flatMap(([name, property]) => {
    const here = prefix ? `${prefix}.${name}` : name;
    const followed = follow(doc, property);
    const items = listItems && followed.type === 'array' ? follow(doc, followed.items) : undefined;
    return [
      [here, followed, (object.required ?? []).includes(name)] as [string, Json, boolean],
      ...propertiesOf(doc, followed, here, listItems),
      ...(items?.properties ? propertiesOf(doc, items, `${here}[]`, listItems) : []),
    ];
  });
}

/** The documented error codes with their HTTP status, as `code status` lines, sorted. */
export function errorCodes(doc: Json, op: Json): string[] {
  const found = new Set<string>();
  for (const [status, ref] of Object.entries<Json>(op.responses)) {
    const header = follow(doc, follow(doc, ref).headers?.['x-amzn-ErrorType']);
    if (!header) continue;
    const schema = follow(doc, header.schema);
    for (const code of schema.const !== undefined ? [schema.const] : schema.enum) found.add(`${code} ${status}`);
  }
  for (const member of envelopeErrorCode(doc, op)?.anyOf ?? []) for (const code of follow(doc, member).enum ?? []) found.add(`${code} 200`);
  return [...found].sort();
}

/** Each distinct `x-layerspec-code-format` on the error-code headers and members (none: an empty list). */
export function errorCodeFormats(doc: Json): string[] {
  const found = new Set<string>();
  for (const { op } of operationsOf(doc)) {
    for (const ref of Object.values<Json>(op.responses)) {
      const header = follow(doc, follow(doc, ref).headers?.['x-amzn-ErrorType']);
      if (header?.['x-layerspec-code-format'] !== undefined) found.add(header['x-layerspec-code-format']);
    }
    const code = envelopeErrorCode(doc, op);
    if (code?.['x-layerspec-code-format'] !== undefined) found.add(code['x-layerspec-code-format']);
  }
  return [...found];
}

/** Every named response example: name, status and value. */
export function responseExamples(doc: Json, op: Json): { name: string; status: number; value: unknown }[] {
  return Object.entries<Json>(op.responses).flatMap(([status, ref]) =>
    Object.entries<Json>(follow(doc, ref).content?.['application/json']?.examples ?? {}).map(([name, example]) => ({
      name,
      status: Number(status),
      value: follow(doc, example).value,
    })),
  );
}

/** Each documented error's `x-layerspec-errors` entry, as `code kind retryable` lines, sorted. */
export function errorRules(doc: Json): string[] {
  const lists: Json[] = [];
  for (const { op } of operationsOf(doc)) {
    for (const ref of Object.values<Json>(op.responses)) {
      const header = follow(doc, follow(doc, ref).headers?.['x-amzn-ErrorType']);
      if (header) lists.push(follow(doc, header.schema));
    }
    for (const member of envelopeErrorCode(doc, op)?.anyOf ?? []) lists.push(follow(doc, member));
  }
  const found = new Map<string, string>();
  for (const list of lists) {
    for (const [code, rule] of Object.entries<Json>(list['x-layerspec-errors'] ?? {})) {
      if (!found.has(code)) found.set(code, `${code} ${rule.kind} ${rule.retryable}`);
    }
  }
  return [...found.values()].sort();
}

/** The facts stated outside the schemas: summary, tags, provider, mock, signing and its fields, server variables. */
export function documentFacts(doc: Json, op: Json): Json {
  const [scheme] = Object.keys(op.security[0]);
  const provider = doc.info['x-layerspec-provider'];
  const securityScheme = doc.components.securitySchemes[scheme!];
  return {
    summary: doc.info.summary,
    providerSigning: provider.signing,
    tags: op.tags,
    signingFields: (securityScheme['x-layerspec-signing-fields'] ?? []).map((field: Json) => ({
      name: field.name,
      in: field.in,
      required: field.required === true,
      concept: field['x-layerspec-concept'],
      type: follow(doc, field.schema).type,
    })),
    label: provider.label,
    protocolId: provider.protocolId,
    mockPort: doc['x-layerspec-mock'].port,
    signing: securityScheme['x-layerspec-signing'],
    variablePatterns: doc.servers.map((server: Json) =>
      Object.fromEntries(Object.entries<Json>(server.variables ?? {}).map(([name, variable]) => [name, variable['x-layerspec-pattern']])),
    ),
  };
}

/** The headers of each named response example: each header's example, `x-amzn-ErrorType` naming the example's own error. */
export function exampleHeaders(doc: Json, op: Json): { name: string; headers: Record<string, string> | undefined }[] {
  return Object.values<Json>(op.responses).flatMap((ref) => {
    const response = follow(doc, ref);
    return Object.entries<Json>(response.content?.['application/json']?.examples ?? {}).map(([name, exampleRef]) => {
      const example = follow(doc, exampleRef);
      const headers: Record<string, string> = {};
      for (const [header, headerRef] of Object.entries<Json>(response.headers ?? {})) {
        const followed = follow(doc, headerRef);
        const schema = follow(doc, followed.schema) ?? {};
        const value = header === 'x-amzn-ErrorType' ? (example['x-layerspec-error-type'] ?? schema.const ?? followed.example) : (followed.example ?? schema.example);
        if (value !== undefined) headers[header] = String(value);
      }
      return { name, headers: Object.keys(headers).length > 0 ? headers : undefined };
    });
  });
}
