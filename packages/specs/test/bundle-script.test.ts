// scripts/bundle.mjs, the build of this package: what it writes, and what it prints.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = resolve(import.meta.dirname, '../scripts/bundle.mjs');
const shipped = resolve(import.meta.dirname, '../dist');
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
    expect(readdirSync(out).sort()).toEqual(bundles(shipped));
    for (const file of readdirSync(out)) expect(readFileSync(join(out, file), 'utf8')).toBe(readFileSync(join(shipped, file), 'utf8'));
  });

  it('prints a notice redocly repeats on every run (its Node.js end-of-life box) at most once', () => {
    // redocly offers no switch to silence the box; it starts once per bundle, so it would print it once per file.
    expect(stderr.split('support is ending').length - 1).toBeLessThanOrEqual(1);
  });
});
