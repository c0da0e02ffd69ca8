// The package ships one JSON and one YAML bundle per API, named in its exports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { apiNames, loadBundle } from './bundles.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe.each(apiNames)('%s bundle', (api) => {
  it('is exported as JSON and YAML', () => {
    expect(manifest.exports[`./${api}.json`]).toBe(`./dist/${api}.json`);
    expect(manifest.exports[`./${api}.yaml`]).toBe(`./dist/${api}.yaml`);
  });

  it('holds the same document in both formats, with every $ref local', () => {
    const json = loadBundle(api, 'json');
    expect(parse(loadBundle(api, 'yaml'))).toEqual(json);
    const refs = JSON.stringify(json).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !ref.includes('"#/'))).toEqual([]);
  });

  it('is OpenAPI 3.1 with one GetLayerVersion operation', () => {
    const doc = loadBundle(api);
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values<Record<string, { operationId?: string }>>(doc.paths).flatMap((item) =>
      Object.values(item).filter((op) => op && typeof op === 'object' && 'operationId' in op),
    );
    expect(operations.map((op) => op.operationId)).toEqual(['GetLayerVersion']);
  });
});
