// Test support shared by both clients' pack tests (not part of any published bundle): packs a
// package with `npm pack`, installs the tarball into an empty project outside the monorepo,
// and type-checks and runs a consumer there, as a team outside the monorepo would.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quietEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

export interface PackedProject {
  /** The empty project the tarball was installed into. */
  dir: string;
  tarball: string;
  /** Paths inside the tarball, such as `package/dist/index.js`. */
  files: string[];
  /** The package.json inside the tarball. */
  manifest: Record<string, any>;
}

/** Packs `packageDir` and installs the tarball (with those of the repository's packages it needs) into a new project in the system's temp folder. */
export function packAndInstall(packageDir: string): PackedProject {
  const dir = mkdtempSync(join(tmpdir(), 'layerspec-consumer-'));
  const { tarball, name, files } = pack(packageDir, dir);
  const manifest = installTarball(dir, tarball, name);
  return { dir, tarball, files, manifest };
}

const packagesDir = resolve(import.meta.dirname, '../..');

/** The package.json inside a tarball. */
function manifestOf(tarball: string): Record<string, any> {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
}

/** This repository's packages by name: their folders. */
function workspacePackages(): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(packagesDir)) {
    const file = join(packagesDir, entry, 'package.json');
    if (existsSync(file)) found.set(JSON.parse(readFileSync(file, 'utf8')).name, join(packagesDir, entry));
  }
  return found;
}

/**
 * The tarballs of the packages of this repository that `tarball` depends on (not on any registry):
 * those beside it in its folder (as `npm run pack` leaves them), else packed there now.
 */
function workspaceTarballs(tarball: string): string[] {
  const folder = dirname(tarball);
  const workspace = workspacePackages();
  const beside = new Map(
    readdirSync(folder)
      .filter((f) => f.endsWith('.tgz'))
      .map((f) => [manifestOf(join(folder, f)).name as string, join(folder, f)]),
  );
  return Object.keys(manifestOf(tarball).dependencies ?? {})
    .filter((dep) => workspace.has(dep))
    .flatMap((dep) => {
      const file = beside.get(dep) ?? pack(workspace.get(dep)!, folder).tarball;
      return [file, ...workspaceTarballs(file)];
    });
}

function pack(packageDir: string, into: string): { tarball: string; name: string; files: string[] } {
  const out = execFileSync(npm, ['pack', '--json', '--pack-destination', into], { cwd: packageDir, env: quietEnv, encoding: 'utf8' });
  const [packed] = JSON.parse(out.slice(out.indexOf('[')));
  return { tarball: join(into, packed.filename), name: packed.name, files: packed.files.map((f: { path: string }) => `package/${f.path}`) };
}

/**
 * Installs one tarball into `dir` (a new empty project when it has no package.json yet), with the
 * tarballs of the repository's packages it depends on and nothing else of the monorepo; returns
 * the installed package.json.
 */
export function installTarball(dir: string, tarball: string, name: string): Record<string, any> {
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // Other dependencies come from the registry (or npm's cache, which `npm ci` filled): never from the monorepo.
  const tarballs = [tarball, ...new Set(workspaceTarballs(tarball))];
  execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...tarballs], {
    cwd: dir,
    env: quietEnv,
    stdio: 'pipe',
  });
  return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'));
}

/** Type-checks (strict, NodeNext, no skipLibCheck) and compiles the consumer's .ts files; throws with tsc's output. */
export function typeCheck(dir: string): void {
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        strict: true,
        skipLibCheck: false,
        types: [],
        outDir: 'out',
      },
      include: ['*.ts'],
    }),
  );
  const tsc = resolve(dirname(require.resolve('typescript/package.json')), 'bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    throw new Error(`tsc failed in ${dir}:\n${(error as { stdout?: string }).stdout ?? error}`);
  }
}

/** Runs @arethetypeswrong/cli on the tarball (ESM-only profile: the packages ship no CommonJS). */
export function areTheTypesWrong(tarball: string): string {
  const attw = resolve(dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist/index.js');
  return execFileSync(process.execPath, [attw, tarball, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'ascii', '--no-color', '--no-emoji'], {
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

/** The files every client's tarball holds (its build, README, LICENSE and CHANGELOG), and none of its sources or tests. */
export const clientTarballFiles = [
  'package/dist/index.js',
  'package/dist/index.node.js',
  'package/dist/index.d.ts',
  'package/dist/node.js',
  'package/dist/node.d.ts',
  'package/README.md',
  'package/LICENSE',
  'package/CHANGELOG.md',
  'package/package.json',
];

/** The tarball's files that must not be published: sources, tests and build scripts. */
export const unpublishedFiles = (files: readonly string[]): string[] => files.filter((file) => /^package\/(src|test|scripts)\//.test(file));
