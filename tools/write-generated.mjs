// @ts-check
// Writes generated files, or with `check` compares them with what is committed: the one place
// the generators share how they write and how they report drift.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { repoRoot } from './apis.mjs';

/**
 * @param {Record<string, string>} files text by file name, relative to `outDir`
 * @param {{ outDir: string, check: boolean, sourceOf: (name: string) => string }} options
 * @returns {boolean} whether any committed file was out of date (`check` only)
 */
export function writeGenerated(files, { outDir, check, sourceOf }) {
  let stale = false;
  for (const [name, text] of Object.entries(files)) {
    const out = resolve(outDir, name);
    if (check) {
      if (existsSync(out) && readFileSync(out, 'utf8') === text) continue;
      console.error(`${relative(repoRoot, out)} is out of date with its spec: run \`npm run generate\` and commit the result.`);
      stale = true;
    } else {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, text);
      console.log(`${relative(repoRoot, out)} <- ${sourceOf(name)}`);
    }
  }
  return stale;
}
