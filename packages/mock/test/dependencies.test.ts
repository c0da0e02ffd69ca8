// The installed tree under the mock (Prism and its dependencies) holds no package version with a
// known advisory: lodash from 4.17.23 (GHSA-xxjr-mmjv-4gpg is fixed there) and no fast-redact
// (GHSA-ffrw-9mx8-89p8 has no fixed release; pino 10 no longer uses it).
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

type Tree = { version?: string; dependencies?: Record<string, Tree> };

/** Every installed version of `names` below the mock, as `name@version`, from `npm ls --json`. */
function installed(...names: string[]): string[] {
  let out: string;
  try {
    out = execFileSync('npm', ['ls', '--all', '--json', ...names], { cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // npm ls exits 1 on an invalid tree but still prints it.
    out = (error as { stdout: string }).stdout;
  }
  const found = new Set<string>();
  const walk = (tree: Tree) => {
    for (const [name, child] of Object.entries(tree.dependencies ?? {})) {
      if (names.includes(name) && child.version) found.add(`${name}@${child.version}`);
      walk(child);
    }
  };
  walk(JSON.parse(out));
  return [...found].sort();
}

const atLeast = (version: string, minimum: string) => {
  const [a, b] = [version, minimum].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (a![i] !== b![i]) return a![i]! > b![i]!;
  return true;
};

describe('dependencies of the mock', () => {
  it('has lodash, and only releases with the prototype pollution fix', () => {
    const lodash = installed('lodash');
    expect(lodash.length).toBeGreaterThan(0);
    expect(lodash.filter((entry) => !atLeast(entry.slice('lodash@'.length), '4.17.23'))).toEqual([]);
  });

  it('has no fast-redact', () => {
    expect(installed('fast-redact')).toEqual([]);
  });
});
