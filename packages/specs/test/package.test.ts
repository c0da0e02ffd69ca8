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

  it('is OpenAPI 3.1 with the GetLayerVersion and ListLayerVersions operations', () => {
    const doc = loadBundle(api);
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values<Record<string, { operationId?: string }>>(doc.paths).flatMap((item) =>
      Object.values(item).filter((op) => op && typeof op === 'object' && 'operationId' in op),
    );
    expect(operations.map((op) => op.operationId)).toEqual(['GetLayerVersion', 'ListLayerVersions']);
  });
});

describe('the API model', () => {
  it('is exported per API and as an index, as JS with types', async () => {
    expect(manifest.exports['./model/*']).toEqual({ types: './dist/model/generated/*.d.ts', default: './dist/model/generated/*.js' });
    const { models } = await import('../src/generated/index.js');
    const index = await import('@layerspec/specs/model');
    expect(Object.keys(index.models)).toEqual(apiNames);
    for (const api of apiNames) {
      const published = await import(`@layerspec/specs/model/${api}`);
      expect(published.default).toEqual(models[api]);
      expect(readFileSync(new URL(`../dist/model/generated/${api}.d.ts`, import.meta.url), 'utf8')).toContain(`readonly api: "${api}";`);
    }
  });
});
