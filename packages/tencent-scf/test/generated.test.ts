// The committed types match a fresh generation from the spec (no drift), and the check
// really notices a difference.
import { execFileSync } from 'node:child_process';
import { copyFileSync, appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const tool = resolve(import.meta.dirname, '../../../tools/generate-types.mjs');
const committed = resolve(import.meta.dirname, '../src/generated/tencent-scf.ts');
const check = (file: string) => () => execFileSync(process.execPath, [tool, 'tencent-scf', '--check', '--out', file], { stdio: 'pipe' });

describe('generated types', () => {
  it('match the spec', () => {
    expect(check(committed)).not.toThrow();
  });

  it('are reported when they differ from the spec', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'layerspec-drift-')), 'tencent-scf.ts');
    copyFileSync(committed, copy);
    appendFileSync(copy, 'export type HandEdited = true;\n');
    expect(check(copy)).toThrow(/out of date/);
  });
});
