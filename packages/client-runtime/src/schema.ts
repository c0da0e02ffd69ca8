// A small JSON Schema check for the keywords the generated success schemas use, so that
// `validateResponses` needs no validator library in the published bundle.

import { boundBroken } from './input.js';

export type Schema = { readonly [keyword: string]: unknown };

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Returns the first violation as "at <path>: <rule>", or undefined when `value` matches. */
export function findSchemaViolation(schema: Schema, value: unknown, path = '$'): string | undefined {
  // biome-ignore lint/suspicious/noExplicitAny: a JSON Schema's keywords are read by name, each checked before use.
  const s = schema as Record<string, any>;
  const fail = (rule: string) => `at ${path}: ${rule}`;
  if (s.type !== undefined) {
    const actual = typeOf(value);
    if (!(s.type === actual || (s.type === 'number' && actual === 'integer'))) return fail(`must be ${s.type}, not ${actual}`);
  }
  if (s.const !== undefined && value !== s.const) return fail(`must be ${JSON.stringify(s.const)}`);
  if (s.enum !== undefined && !s.enum.includes(value)) return fail('must be one of the documented values');
  const broken = boundBroken(value, s);
  if (broken) return fail(broken);
  if (Array.isArray(value)) {
    if (s.items) {
      for (let i = 0; i < value.length; i++) {
        const found = findSchemaViolation(s.items, value[i], `${path}[${i}]`);
        if (found) return found;
      }
    }
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of s.required ?? []) if (!(name in object)) return fail(`must have ${name}`);
    for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
      if (name in object) {
        const found = findSchemaViolation(sub, object[name], `${path}.${name}`);
        if (found) return found;
      }
    }
    if (s.additionalProperties === false) {
      const extra = Object.keys(object).find((name) => !(name in (s.properties ?? {})));
      if (extra !== undefined) return fail(`must not have ${extra}`);
    }
  }
  for (const sub of s.allOf ?? []) {
    const found = findSchemaViolation(sub, value, path);
    if (found) return found;
  }
  if (s.anyOf && !s.anyOf.some((sub: Schema) => !findSchemaViolation(sub, value, path))) return fail('matches none of the allowed forms');
  if (s.oneOf) {
    const violations: Array<string | undefined> = s.oneOf.map((sub: Schema) => findSchemaViolation(sub, value, path));
    const matches = violations.filter((found) => !found).length;
    // None: report the first branch's own violation, more useful than "matches none".
    if (matches === 0) return violations[0] ?? fail('matches none of the allowed forms');
    if (matches > 1) return fail('matches more than one form');
  }
  if (s.not && !findSchemaViolation(s.not, value, path)) return fail('is present but must not be');
  return undefined;
}
