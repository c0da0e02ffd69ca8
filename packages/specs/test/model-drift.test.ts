// The committed model matches a fresh generation from the specs, and the check notices a hand
// edit of any generated file.
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const generator = resolve(import.meta.dirname, '../scripts/generate-model.mjs');
const generatedDir = resolve(import.meta.dirname, '../src/generated');
const files = readdirSync(generatedDir);
const check = (dir: string) => () => execFileSync(process.execPath, [generator, '--check', '--out-dir', dir], { stdio: 'pipe' });

describe('src/generated (scripts/generate-model.mjs)', () => {
  it('holds one model and one response schema per API, and an index', () => {
    expect(files.sort()).toEqual(['aws-lambda-response-schema.ts', 'aws-lambda.ts', 'index.ts', 'tencent-scf-response-schema.ts', 'tencent-scf.ts']);
  });

  it('matches the specs', () => {
    expect(check(generatedDir)).not.toThrow();
  });

  it.each(files)('is reported when %s was edited by hand', (file) => {
    const dir = mkdtempSync(join(tmpdir(), 'layerspec-model-drift-'));
    for (const name of files) copyFileSync(join(generatedDir, name), join(dir, name));
    expect(check(dir)).not.toThrow();
    appendFileSync(join(dir, file), 'export type HandEdited = true;\n');
    expect(check(dir)).toThrow(/out of date/);
  });

  it('is reported when a file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerspec-model-drift-'));
    for (const name of files.slice(1)) copyFileSync(join(generatedDir, name), join(dir, name));
    expect(check(dir)).toThrow(/out of date/);
  });
});
