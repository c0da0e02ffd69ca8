// @ts-check
// The breaking-change gate: each API's spec change since its last release needs a pending
// changeset (.changeset/*.md) that bumps every package built from that API at least as much as
// the change's rating.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import readChangesets from '@changesets/read';
import { readApis, repoRoot } from '../apis.mjs';
import { diffApi } from './diff.mjs';
import { bumpRank } from './pointers.mjs';

/** @typedef {import('./diff.mjs').SpecChange} SpecChange */

const SPECS_PACKAGE = '@layerspec/specs';

/** The package.json of every workspace package under packages/. */
function workspacePackages(/** @type {string} */ root) {
  const folder = join(root, 'packages');
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      try {
        return [JSON.parse(readFileSync(join(folder, entry.name, 'package.json'), 'utf8'))];
      } catch {
        return [];
      }
    });
}

/**
 * The published packages built from an API: @layerspec/specs, and every package that depends on it
 * except the private ones, those .changeset/config.json ignores, and the clients of the other APIs (a client is the package named after
 * its API, as @layerspec/aws-lambda is).
 * @param {string} api
 * @param {string[]} apis every API's name
 * @param {string} root
 */
export function packagesOfApi(api, apis, root = repoRoot) {
  const scope = SPECS_PACKAGE.split('/')[0];
  const otherClients = new Set(apis.filter((other) => other !== api).map((other) => `${scope}/${other}`));
  // Changesets never versions the packages its config ignores.
  const ignored = /** @type {string[]} */ (JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8')).ignore ?? []);
  const dependents = workspacePackages(root)
    .filter((pkg) => !pkg.private && !otherClients.has(pkg.name) && !ignored.includes(pkg.name))
    .filter((pkg) => [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies].some((deps) => deps?.[SPECS_PACKAGE] !== undefined))
    .map((pkg) => /** @type {string} */ (pkg.name));
  return [SPECS_PACKAGE, ...dependents.sort()];
}

/** The largest bump the pending changesets give each package. */
async function pendingBumps(/** @type {string} */ root) {
  /** @type {Map<string, string>} */
  const bumps = new Map();
  for (const changeset of await readChangesets(root)) {
    for (const release of changeset.releases) {
      if (bumpRank(release.type) > bumpRank(bumps.get(release.name))) bumps.set(release.name, release.type);
    }
  }
  return bumps;
}

/** A change as the gate names it: the part and field it touches, and what changed. */
export function describeChange(/** @type {SpecChange} */ change) {
  const field = change.field ? ` field ${change.field}` : '';
  return `${change.part}${field} (${change.message})`;
}

/**
 * @param {{ root?: string, apis?: string[] }} [options] the APIs default to those of redocly.yaml
 * @returns {Promise<string[]>} one failure per package whose pending bump is smaller than an API's change needs
 */
export async function checkGate({ root = repoRoot, apis } = {}) {
  // Every API's client is told apart, even when only some APIs are checked.
  const allApis = Object.keys(readApis());
  const bumps = await pendingBumps(root);
  /** @type {string[]} */
  const failures = [];
  for (const api of apis ?? allApis) {
    const { changes, bump } = await diffApi(api, { root });
    const largest = changes[0];
    if (bump === null || largest === undefined) continue;
    for (const name of packagesOfApi(api, allApis, root)) {
      const pending = bumps.get(name);
      if (bumpRank(pending) >= bumpRank(bump)) continue;
      const has = pending && pending !== 'none' ? `only a ${pending} changeset` : 'no changeset';
      failures.push(`${api}: ${describeChange(largest)} is a ${bump} change; ${name} has ${has}`);
    }
  }
  return failures;
}
