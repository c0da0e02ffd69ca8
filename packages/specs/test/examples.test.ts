import { describe, expect, it } from 'vitest';
import { apiNames, loadBundle, resolvePointer, type Json } from './bundles.js';
import { createValidator } from './validator.js';

type ExampleCase = { where: string; schema: Json; value: unknown };

/** Every example in the document with the schema it must satisfy: parameters, headers, bodies. */
function collectExamples(doc: Json): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const deref = (node: Json) => (node?.$ref ? resolvePointer(doc, node.$ref) : node);
  const addNamed = (where: string, schema: Json, holder: Json) => {
    if (holder.example !== undefined) cases.push({ where: `${where} example`, schema, value: holder.example });
    for (const [name, example] of Object.entries<Json>(holder.examples ?? {})) {
      cases.push({ where: `${where} examples.${name}`, schema, value: deref(example).value });
    }
  };
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const [method, operation] of Object.entries<Json>(item)) {
      if (method === 'parameters') continue;
      const at = `${method.toUpperCase()} ${path}`;
      for (const parameter of [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(deref)) {
        addNamed(`${at} parameter ${parameter.name}`, parameter.schema, parameter);
      }
      const body = deref(operation.requestBody);
      for (const [type, media] of Object.entries<Json>(body?.content ?? {})) addNamed(`${at} body ${type}`, media.schema, media);
      for (const [status, response] of Object.entries<Json>(operation.responses)) {
        const resolved = deref(response);
        for (const [name, header] of Object.entries<Json>(resolved.headers ?? {})) {
          addNamed(`${at} ${status} header ${name}`, deref(header).schema, deref(header));
        }
        for (const [type, media] of Object.entries<Json>(resolved.content ?? {})) {
          addNamed(`${at} ${status} ${type}`, media.schema, media);
        }
      }
    }
  }
  return cases;
}

describe.each(apiNames)('%s examples', (api) => {
  const doc = loadBundle(api);
  const validator = createValidator(api, doc);
  const cases = collectExamples(doc);

  it('has named examples for requests and every response', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it.each(cases.map((c) => [c.where, c] as const))('%s validates against its schema', (_where, c) => {
    expect(validator.validate(c.schema, c.value)).toEqual([]);
  });

  it('the validator rejects an example that breaks its schema (negative control)', () => {
    const body = cases.find((c) => c.where.includes('200 application/json'))!;
    const broken = structuredClone(body.value) as Json;
    const target = broken.Response ?? broken;
    target.LayerVersionArn = 'not an arn';
    target.LayerVersion = -1;
    target.Version = 1.5;
    expect(validator.validate(body.schema, broken)).not.toEqual([]);
  });
});
