// @ts-check
// Releases each API description on its own revision: compares the last released snapshot with the
// current bundle (packages/specs/dist/<api>.json), and when they differ writes a new snapshot,
// appends the release to specs/<api>/releases/index.json and regenerates specs/<api>/CHANGELOG.md.
// The revision is the description's own semver, apart from the provider's API version in info.version.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { readApis, repoRoot } from '../apis.mjs';
import { readReleaseIndex } from '../spec-diff/releases.mjs';
import { renderChangelog } from './changelog.mjs';

/**
 * @typedef {import('../spec-diff/diff.mjs').Bump} Bump
 * @typedef {import('../spec-diff/diff.mjs').SpecChange} SpecChange
 * @typedef {import('../spec-diff/releases.mjs').Release} Release
 * @typedef {import('../spec-diff/releases.mjs').ReleaseIndex} ReleaseIndex
 * @typedef {(basePath: string, headPath: string) => Promise<{ changes: SpecChange[], bump: Bump | null }>} DiffSpecs
 * @typedef {{ api: string, revision: string, changes: number } | { api: string, revision: null, changes: 0 }} ReleaseOutcome
 */

/** The change every first release lists: there is nothing before it to compare with. @type {SpecChange} */
export const FIRST_RELEASE_CHANGE = {
  bump: 'major',
  part: 'other',
  pointer: '',
  message: 'First released revision of this description.',
  rule: 'first-release',
  source: 'layerspec',
};

export const FIRST_REVISION = '1.0.0';

/** @type {readonly Bump[]} from the lowest rating to the highest */
const BUMPS = ['patch', 'minor', 'major'];

/** The highest rating among the changes, or null when there are none. @param {SpecChange[]} changes @returns {Bump | null} */
export function highestBump(changes) {
  let highest = -1;
  for (const change of changes) {
    const rank = BUMPS.indexOf(change.bump);
    if (rank < 0) throw new Error(`a change at "${change.pointer}" has bump "${change.bump}"; bump must be one of ${BUMPS.join(', ')}`);
    highest = Math.max(highest, rank);
  }
  return BUMPS[highest] ?? null;
}

/** Semver's bump of a MAJOR.MINOR.PATCH revision. @param {string} revision @param {Bump} bump */
export function bumpRevision(revision, bump) {
  const match = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(revision);
  if (!match) throw new Error(`revision "${revision}" must be MAJOR.MINOR.PATCH`);
  const [major, minor, patch] = match.slice(1).map(Number);
  if (bump === 'major') return `${Number(major) + 1}.0.0`;
  if (bump === 'minor') return `${major}.${Number(minor) + 1}.0`;
  return `${major}.${minor}.${Number(patch) + 1}`;
}

/** Where an API's releases live: beside its openapi.yaml. @param {string} specRoot the API's root file */
export function releasePaths(specRoot) {
  const dir = join(dirname(specRoot), 'releases');
  return { dir, index: join(dir, 'index.json'), changelog: join(dirname(specRoot), 'CHANGELOG.md') };
}

/** The diff engine, loaded only when a release has something to compare with. @type {DiffSpecs} */
async function diffWithEngine(basePath, headPath) {
  // A variable specifier: the engine lives in its own module and is loaded on first use.
  const engine = '../spec-diff/diff.mjs';
  const { diffSpecs } = /** @type {{ diffSpecs: DiffSpecs }} */ (await import(engine));
  return diffSpecs(basePath, headPath);
}

/**
 * @param {{ root?: string, date?: string, diff?: DiffSpecs }} [options]
 *   root: the repository (its redocly.yaml, specs and packages/specs/dist); date: YYYY-MM-DD of the
 *   release, today in UTC by default; diff: compares two bundled specs (the diff engine by default)
 * @returns {Promise<ReleaseOutcome[]>} per API, the new revision or null when nothing changed
 */
export async function releaseSpecs({ root = repoRoot, date = new Date().toISOString().slice(0, 10), diff = diffWithEngine } = {}) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`date "${date}" must be YYYY-MM-DD`);
  /** @type {ReleaseOutcome[]} */
  const outcomes = [];
  for (const [api, { root: specRoot }] of Object.entries(readApis(root))) {
    const bundle = join(root, 'packages/specs/dist', `${api}.json`);
    if (!existsSync(bundle)) throw new Error(`the bundle of ${api} (${relative(root, bundle)}) is missing; run \`npm run build\``);
    const paths = releasePaths(specRoot);
    const index = readReleaseIndex(paths.index, api);
    const last = index.releases.at(-1);
    /** @type {SpecChange[]} */
    let changes;
    let revision;
    if (!last) {
      changes = [FIRST_RELEASE_CHANGE];
      revision = FIRST_REVISION;
    } else {
      const result = await diff(join(paths.dir, last.file), bundle);
      changes = result.changes;
      // Every change's rating is checked, even when the engine rates the whole diff itself.
      const highest = highestBump(changes);
      const bump = result.bump ?? highest;
      if (changes.length === 0 || !bump) {
        outcomes.push({ api, revision: null, changes: 0 });
        continue;
      }
      revision = bumpRevision(last.revision, bump);
    }
    const file = `${revision}.json`;
    mkdirSync(paths.dir, { recursive: true });
    copyFileSync(bundle, join(paths.dir, file));
    index.releases.push({ revision, date, file, changes });
    writeFileSync(paths.index, `${JSON.stringify(index, null, 2)}\n`);
    writeFileSync(paths.changelog, renderChangelog(index, relative(root, paths.index)));
    outcomes.push({ api, revision, changes: changes.length });
  }
  return outcomes;
}
