#!/usr/bin/env node
// @ts-check
// `npm run pack`: after the build, packs every publishable workspace package (every one not
// marked "private") with `npm pack` into one folder, ready for `npm install ./<file>.tgz`.
// Nothing here is on a public registry, so a tarball that depends on another package of this
// repository installs together with that package's tarball (both are in the folder); a dependency
// on a private package, or on another version than the workspace's, is refused.
//   node tools/pack.mjs [--out-dir DIR]   (default: packs/ at the repository root)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { repoRoot } from './apis.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quietEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

/**
 * @typedef {{ name: string, version: string, path: string, private?: boolean,
 *   dependencies?: Record<string, string>, peerDependencies?: Record<string, string>, optionalDependencies?: Record<string, string> }} Workspace
 */

/**
 * Every workspace package, as npm sees it: name, version, path, private, dependencies.
 * @returns {Workspace[]}
 */
function workspaces() {
  return JSON.parse(execFileSync(npm, ['query', '.workspace'], { cwd: repoRoot, env: quietEnv, encoding: 'utf8' }));
}

/**
 * Packs the publishable workspaces into `outDir` (emptied of old tarballs first).
 * @param {string} outDir
 * @returns {{ name: string, file: string }[]} one entry per tarball, `file` an absolute path
 */
export function packAll(outDir) {
  const all = workspaces();
  const byName = new Map(all.map((w) => [w.name, w]));
  const publishable = all.filter((w) => !w.private);
  const problems = publishable.flatMap((w) =>
    Object.entries({ ...w.dependencies, ...w.peerDependencies, ...w.optionalDependencies })
      .filter(([dep]) => byName.has(dep))
      .flatMap(([dep, range]) => {
        const target = /** @type {Workspace} */ (byName.get(dep));
        if (target.private) return [`${w.name} depends on ${dep}, which is private, so its tarball would not install`];
        if (range !== target.version) return [`${w.name} depends on ${dep}@${range}, but the workspace packs ${dep}@${target.version}`];
        return [];
      }),
  );
  if (problems.length > 0) throw new Error(problems.join('\n'));

  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) if (file.endsWith('.tgz')) rmSync(resolve(outDir, file));
  return publishable.map((w) => {
    const out = execFileSync(npm, ['pack', '--json', '--pack-destination', outDir], { cwd: w.path, env: quietEnv, encoding: 'utf8' });
    const [packed] = JSON.parse(out.slice(out.indexOf('[')));
    return { name: packed.name, file: resolve(outDir, packed.filename) };
  });
}

function main() {
  const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
  const outDir = resolve(values['out-dir'] ?? resolve(repoRoot, 'packs'));
  let packed;
  try {
    packed = packAll(outDir);
  } catch (error) {
    console.error(`pack: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  for (const { name, file } of packed) console.log(`${name.padEnd(24)} ${relative(process.cwd(), file)}`);
  if (packed[0]) console.log(`\nInstall any of them on its own, in another project: npm install ${packed[0].file}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
