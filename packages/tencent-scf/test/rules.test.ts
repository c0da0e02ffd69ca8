// The committed rules and response schema match a fresh generation from the spec (no drift),
// and the check really notices a difference.
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const tool = resolve(import.meta.dirname, '../../../tools/generate-rules.mjs');
const generated = resolve(import.meta.dirname, '../src/generated');
const check = (dir: string) => () => execFileSync(process.execPath, [tool, 'tencent-scf', '--check', '--out-dir', dir], { stdio: 'pipe' });

describe('generated rules', () => {
  it('match the spec', () => {
    expect(check(generated)).not.toThrow();
  });

  for (const file of ['rules.ts', 'response-schema.ts']) {
    it(`are reported when ${file} differs from the spec`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'layerspec-rules-'));
      for (const name of ['rules.ts', 'response-schema.ts']) copyFileSync(join(generated, name), join(dir, name));
      appendFileSync(join(dir, file), 'export const handEdited = true;\n');
      expect(check(dir)).toThrow(/out of date/);
    });
  }
});
