// scripts/bundle.mjs, the build of this package: what it writes, and what it prints.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readApis } from '../../../tools/apis.mjs';

const run = promisify(execFile);
const script = resolve(import.meta.dirname, '../scripts/bundle.mjs');
const shipped = resolve(import.meta.dirname, '../dist');
const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8'));
let out: string;
let stderr: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'layerspec-bundle-'));
  ({ stderr } = await run(process.execPath, [script, '--out-dir', out]));
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('scripts/bundle.mjs', () => {
  it('writes the same bundles as the shipped dist/', () => {
    // dist/ also holds the compiled API model (dist/model/), which this script does not write.
    const bundles = (dir: string) =>
      readdirSync(dir)
        .filter((file) => /\.(json|yaml)$/.test(file))
        .sort();
    expect(bundles(out)).toEqual(bundles(shipped));
    for (const file of bundles(out)) expect(readFileSync(join(out, file), 'utf8')).toBe(readFileSync(join(shipped, file), 'utf8'));
  });

  it('copies each API release index to releases/<api>.json, as the package exports it', () => {
    for (const [api, { root }] of Object.entries(readApis())) {
      const index = readFileSync(join(dirname(root), 'releases/index.json'), 'utf8');
      expect(readFileSync(join(out, 'releases', `${api}.json`), 'utf8')).toBe(index);
      expect(readFileSync(join(shipped, 'releases', `${api}.json`), 'utf8')).toBe(index);
    }
    expect(manifest.exports['./releases/*.json']).toBe('./dist/releases/*.json');
  });

  it('prints a notice redocly repeats on every run (its Node.js end-of-life box) at most once', () => {
    // redocly offers no switch to silence the box; it starts once per bundle, so it would print it once per file.
    expect(stderr.split('support is ending').length - 1).toBeLessThanOrEqual(1);
  });
});
