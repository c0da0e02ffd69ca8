// The root script `npm run lint:lockfile` (lockfile-lint, part of `npm test`) on copies of the
// lockfile: the copy as committed passes, and a package that would be fetched from another host,
// over plain http, or checked against a weaker hash than sha512 fails, naming the package.
// lockfile-lint reads only the file; nothing here reaches the network.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const rootPackage = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const lockfile = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
// The package the tests tamper with: lockfile-lint itself, which the lockfile holds while this check exists.
const tampered = 'node_modules/lockfile-lint';

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'layerspec-lockfile-lint-'));
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Runs the root script's command, with its own flags, on a copy of the lockfile changed by `change`. */
function lintCopy(name: string, change: (lock: any) => void = () => undefined): Promise<{ code: number; output: string }> {
  const script: string | undefined = rootPackage.scripts['lint:lockfile'];
  if (!script) throw new Error('the root package.json has no lint:lockfile script');
  const [command, ...args] = script.split(/\s+/);
  expect(command).toBe('lockfile-lint');
  const pathFlag = args.indexOf('--path');
  expect(args[pathFlag + 1]).toBe('package-lock.json');
  const copy = structuredClone(lockfile);
  change(copy);
  const file = join(folder, `${name}.json`);
  writeFileSync(file, JSON.stringify(copy, null, 2));
  args[pathFlag + 1] = file;
  const require = createRequire(join(repoRoot, 'package.json'));
  const bin = join(dirname(require.resolve('lockfile-lint/package.json')), require('lockfile-lint/package.json').bin['lockfile-lint']);
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

describe('npm run lint:lockfile (lockfile-lint)', () => {
  it('is a check of npm test', () => {
    expect(rootPackage.scripts.test).toMatch(/\blint:lockfile\b/);
  });

  it('passes the lockfile as committed', async () => {
    expect(lockfile.packages[tampered]?.integrity).toMatch(/^sha512-/);
    const { code, output } = await lintCopy('as-committed');
    expect(output).toContain('No issues detected');
    expect(code, output).toBe(0);
  });

  it('fails a package resolved from another host over plain http, naming the package, the host and the scheme', async () => {
    const { code, output } = await lintCopy('evil-resolved', (lock) => {
      lock.packages[tampered].resolved = 'http://evil.example/x.tgz';
    });
    expect(output).toMatch(/detected invalid host\(s\) for package: lockfile-lint@[^\n]*\n[^\n]*\n\s*actual: evil\.example/);
    expect(output).toMatch(/detected invalid protocol for package: lockfile-lint@[^\n]*\n[^\n]*\n\s*actual: http:/);
    expect(code).not.toBe(0);
  });

  it('fails a package whose integrity is a sha1 hash, naming the package', async () => {
    const { code, output } = await lintCopy('sha1-integrity', (lock) => {
      lock.packages[tampered].integrity = `sha1-${Buffer.alloc(20).toString('base64')}`;
    });
    expect(output).toMatch(/detected invalid integrity hash type for package: lockfile-lint@/);
    expect(code).not.toBe(0);
  });
});
