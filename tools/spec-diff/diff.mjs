// @ts-check
// Compares two bundled specs: `redocly diff` rates each change by the semver bump it needs, and
// layerspec's rules (layerspec-rules.mjs, consumers.mjs) add what matters to a generated client.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { repoRoot } from '../apis.mjs';
import { QUIET_ENV } from '../quiet-env.mjs';
import { consumerBreaks } from './consumers.mjs';
import { layerspecChanges } from './layerspec-rules.mjs';
import { bumpRank, fieldOf, operationOf, partOf } from './pointers.mjs';
import { lastRelease } from './releases.mjs';

export { BUMPS, bumpRank } from './pointers.mjs';

/** @typedef {'major'|'minor'|'patch'} Bump */
/** @typedef {{ bump: Bump, part: 'request'|'response'|'other', operation?: string, field?: string, pointer: string, message: string, rule: string, source: 'redocly'|'layerspec', exhaustive?: boolean }} SpecChange */
/** @typedef {{ api: string, revision: string | null, changes: SpecChange[], bump: Bump | null }} ApiDiff */
/** One entry of `changes` in the JSON report of `redocly diff --format json`. */
/** @typedef {{ path: string, typeName: string, kind: string, impact: Bump, property?: string, verdicts: { ruleId: string, impact: Bump, message: string, location?: { pointer: string } }[], base?: { pointer: string, value: unknown }, revision?: { pointer: string, value: unknown } }} RedoclyChange */

const require = createRequire(import.meta.url);
const redocly = resolve(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const config = join(import.meta.dirname, 'redocly-diff.yaml');

/** @param {string} path */
function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Runs `redocly diff` and returns the changes of its JSON report. */
function runRedocly(/** @type {string} */ basePath, /** @type {string} */ headPath) {
  const args = [redocly, 'diff', basePath, headPath, '--config', config, '--format', 'json', '--fail-on', 'none'];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...QUIET_ENV }, maxBuffer: 64 * 1024 * 1024 });
  try {
    return /** @type {RedoclyChange[]} */ (JSON.parse(result.stdout).changes);
  } catch {
    throw new Error(`redocly diff ${basePath} ${headPath} gave no JSON report (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr}`);
  }
}

/**
 * Turns redocly's changes into SpecChanges: one per verdict, or one per change without a verdict.
 * @param {RedoclyChange[]} raw
 * @param {any} base
 * @param {any} head
 * @returns {SpecChange[]}
 */
function fromRedocly(raw, base, head) {
  return raw.flatMap((change) => {
    const part = partOf(change.path);
    const operation = operationOf(change.path, head, base);
    const declared = change.revision?.pointer ?? change.base?.pointer;
    const what = `${change.typeName} ${change.kind}${change.property ? ` (${change.property})` : ''}`;
    const verdicts = change.verdicts.length > 0 ? change.verdicts : [{ ruleId: `${change.typeName.toLowerCase()}-${change.kind}`, impact: change.impact, message: what }];
    return verdicts.map((verdict) => {
      const field = fieldOf(verdict.location?.pointer ?? declared, head, base);
      return /** @type {SpecChange} */ ({
        bump: verdict.impact,
        part,
        ...(operation ? { operation } : {}),
        ...(field ? { field } : {}),
        pointer: change.path,
        message: verdict.message.replace(/\.$/, ''),
        rule: verdict.ruleId,
        source: 'redocly',
      });
    });
  });
}

/** Sorts changes major first, and gives the highest bump (null when there are none). */
function summarise(/** @type {SpecChange[]} */ changes) {
  const sorted = [...changes].sort((a, b) => bumpRank(b.bump) - bumpRank(a.bump) || a.pointer.localeCompare(b.pointer));
  return { changes: sorted, bump: sorted[0]?.bump ?? null };
}

/**
 * Compares two bundled specs. With `api`, also compiles that API's consumer program against both.
 * @param {string} basePath
 * @param {string} headPath
 * @param {{ api?: string }} [options]
 * @returns {Promise<{ changes: SpecChange[], bump: Bump | null }>}
 */
export async function diffSpecs(basePath, headPath, { api } = {}) {
  const base = readJson(basePath);
  const head = readJson(headPath);
  const raw = runRedocly(basePath, headPath);
  const changes = [...fromRedocly(raw, base, head), ...layerspecChanges(raw, base, head)];
  if (api !== undefined) changes.push(...(await consumerBreaks(api, basePath, headPath)));
  return summarise(changes);
}

/** Where `npm run build` writes an API's bundle. */
export function bundlePath(/** @type {string} */ api, /** @type {string} */ root) {
  return join(root, 'packages', 'specs', 'dist', `${api}.json`);
}

/**
 * Compares an API's last release snapshot with its current bundle.
 * @param {string} api
 * @param {{ root?: string }} [options]
 * @returns {Promise<ApiDiff>}
 */
export async function diffApi(api, { root = repoRoot } = {}) {
  const release = lastRelease(api, root);
  if (!release) return { api, revision: null, changes: [], bump: null };
  const head = bundlePath(api, root);
  if (!existsSync(head)) throw new Error(`${relative(root, head)} is missing: run \`npm run build\` (npm run diff does)`);
  const { changes, bump } = await diffSpecs(release.path, head, { api });
  return { api, revision: release.revision, changes, bump };
}

/** One line of a change: its rating, the part and field it touches, what changed, and who said so. */
function changeLine(/** @type {SpecChange} */ change) {
  const where = [change.part, change.operation, change.field].filter(Boolean).join(' ');
  const flags = change.exhaustive ? ', exhaustive consumers' : '';
  return `${change.bump.padEnd(5)} ${where}: ${change.message} [${change.source} ${change.rule}${flags}]`;
}

/** The headline of one API's diff. */
function headline(/** @type {ApiDiff} */ result, /** @type {string} */ root = repoRoot) {
  if (result.revision === null)
    return `${result.api}: no release snapshot yet (${relative(root, join(root, 'specs', result.api, 'releases', 'index.json'))}), nothing to compare`;
  if (result.bump === null) return `${result.api}: no changes since ${result.revision}`;
  return `${result.api}: ${result.changes.length} change(s) since ${result.revision}, needs a ${result.bump} bump`;
}

/** The diffs as terminal text. */
export function renderText(/** @type {ApiDiff[]} */ results) {
  return results.map((result) => [headline(result), ...result.changes.map((change) => `  ${changeLine(change)}`)].join('\n')).join('\n');
}

/** The diffs as markdown: a heading and a table per API. */
export function renderMarkdown(/** @type {ApiDiff[]} */ results) {
  const cell = (/** @type {string | undefined} */ text) => (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return results
    .map((result) => {
      const lines = [`## ${result.api}`, '', headline(result)];
      if (result.changes.length > 0) {
        lines.push('', '| Bump | Part | Operation | Field | Change | Rule |', '| --- | --- | --- | --- | --- | --- |');
        for (const change of result.changes) {
          const rule = `${change.source} ${change.rule}${change.exhaustive ? ' (exhaustive consumers)' : ''}`;
          lines.push(`| ${change.bump} | ${change.part} | ${cell(change.operation)} | ${cell(change.field)} | ${cell(change.message)} | ${cell(rule)} |`);
        }
      }
      return lines.join('\n');
    })
    .join('\n\n')
    .concat('\n');
}
