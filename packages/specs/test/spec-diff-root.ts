// Builds a throwaway repository root for the spec-diff tests: the workspace's package.json files
// and changeset config, one API's release snapshot (today's bundle), its bundle edited in JS as
// the head, and the pending changesets a test names.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../../tools/apis.mjs';
import { type ApiName, type Json, loadBundle } from './bundles.js';

export type Bump = 'major' | 'minor' | 'patch';

/** The same bump for each named package, as one pending changeset. */
export function changeset(bump: Bump, packages: string[]): string {
  return ['---', ...packages.map((name) => `'${name}': ${bump}`), '---', '', `A ${bump} change of the spec.`, ''].join('\n');
}

export function makeRoot(api: ApiName, edit: (spec: Json) => void, changesets: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'layerspec-spec-diff-'));
  for (const entry of readdirSync(join(repoRoot, 'packages'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    mkdirSync(join(root, 'packages', entry.name), { recursive: true });
    cpSync(join(repoRoot, 'packages', entry.name, 'package.json'), join(root, 'packages', entry.name, 'package.json'));
  }
  mkdirSync(join(root, '.changeset'));
  cpSync(join(repoRoot, '.changeset', 'config.json'), join(root, '.changeset', 'config.json'));
  setChangesets(root, changesets);

  const base = loadBundle(api);
  const releases = join(root, 'specs', api, 'releases');
  mkdirSync(releases, { recursive: true });
  writeFileSync(join(releases, '1.0.0.json'), JSON.stringify(base, null, 2));
  const index = { api, releases: [{ revision: '1.0.0', date: '2026-12-01', file: '1.0.0.json', changes: [] }] };
  writeFileSync(join(releases, 'index.json'), JSON.stringify(index, null, 2));

  const head = structuredClone(base);
  edit(head);
  mkdirSync(join(root, 'packages', 'specs', 'dist'), { recursive: true });
  writeFileSync(join(root, 'packages', 'specs', 'dist', `${api}.json`), JSON.stringify(head, null, 2));
  return root;
}

/** Writes the pending changesets (name -> text) of a root made by makeRoot. */
export function setChangesets(root: string, changesets: Record<string, string>): void {
  for (const [name, text] of Object.entries(changesets)) writeFileSync(join(root, '.changeset', `${name}.md`), text);
}
