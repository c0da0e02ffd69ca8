// The drift check every client runs: its committed generated files match a fresh generation
// from the spec, and the check really notices a hand edit of each file.
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const tools = resolve(import.meta.dirname, '../../../tools');

export function describeGeneratedFiles(api: 'aws-lambda' | 'tencent-scf', generatedDir: string): void {
  const generators = [
    { tool: 'generate-types.mjs', files: [`${api}.ts`], args: (dir: string) => ['--out', join(dir, `${api}.ts`)] },
    { tool: 'generate-rules.mjs', files: ['rules.ts', 'errors.ts', 'methods.ts'], args: (dir: string) => ['--out-dir', dir] },
  ];
  for (const { tool, files, args } of generators) {
    const check = (dir: string) => () => execFileSync(process.execPath, [join(tools, tool), api, '--check', ...args(dir)], { stdio: 'pipe' });

    describe(`${files.join(' and ')} (tools/${tool})`, () => {
      it('match the spec', () => {
        expect(check(generatedDir)).not.toThrow();
      });

      for (const file of files) {
        it(`are reported when ${file} differs from the spec`, () => {
          const dir = mkdtempSync(join(tmpdir(), 'layerspec-drift-'));
          for (const name of files) copyFileSync(join(generatedDir, name), join(dir, name));
          appendFileSync(join(dir, file), 'export type HandEdited = true;\n');
          expect(check(dir)).toThrow(/out of date/);
        });
      }
    });
  }
}
