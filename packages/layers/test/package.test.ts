// The published shape: one entry with types, the built files it names, and the dependencies the
// code imports declared in package.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('package.json', () => {
  it('exports one entry, built, with its types, and the JSON Schema of LayerVersion', () => {
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    for (const file of Object.values<string>(manifest.exports['.'])) expect(existsSync(join(root, file)), file).toBe(true);
    expect(manifest.exports['./layer-version.schema.json']).toBe('./layer-version.schema.json');
    expect(manifest.files).toEqual(['dist', 'layer-version.schema.json', 'README.md', 'LICENSE']);
    for (const file of manifest.files.slice(1)) expect(existsSync(join(root, file)), file).toBe(true);
  });

  it('declares every package the source imports as a dependency', () => {
    const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const imported = new Set(
      sources.flatMap((file) => [...readFileSync(join(root, 'src', file), 'utf8').matchAll(/from '(@[^/']+\/[^/']+|[^.'][^/']*)/g)].map((m) => m[1] as string)),
    );
    expect(imported.size).toBeGreaterThan(0);
    for (const name of imported) expect(Object.keys(manifest.dependencies), name).toContain(name);
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@layerspec/aws-lambda', '@layerspec/client-runtime', '@layerspec/specs', '@layerspec/tencent-scf']);
  });
});
