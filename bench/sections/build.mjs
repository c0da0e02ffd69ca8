// @ts-check
// 5. Build: `turbo run build` with the cache bypassed (--force: every task runs; the cache
// itself is left as it is) and then with the cache warm, as `npm run build` runs it.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '../lib/processes.mjs';
import { summarize } from '../lib/stats.mjs';
import { formatNumber, formatRatio } from '../lib/table.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @param {string[]} args @param {string} logFile
 * @returns {Promise<{ ms: number, cached: string, missed: string[] }>}
 */
async function turboBuild(args, logFile) {
  const result = await runNode(['tools/turbo.mjs', 'run', 'build', ...args], { cwd: ROOT, timeoutMs: 120_000 });
  appendFileSync(logFile, `\n$ turbo run build ${args.join(' ')}  (${Math.round(result.ms)} ms, exit ${result.code})\n${result.stdout}${result.stderr}`);
  if (result.code !== 0) throw new Error(`turbo run build ${args.join(' ')} exited ${result.code}`);
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(result.stdout);
  // The tasks that missed the cache, so a slow "cached" build names the task to look at.
  const missed = [...result.stdout.matchAll(/^(\S+): cache miss/gm)].map((match) => /** @type {string} */ (match[1]));
  // Tasks configured with `cache: false` run every time; name them, they are what a cached build still pays for.
  const bypassed = [...result.stdout.matchAll(/^(\S+): cache bypass/gm)].map((match) => /** @type {string} */ (match[1]));
  const count = cached ? `${cached[1]} of ${cached[2]} cached` : '?';
  return { ms: result.ms, cached: bypassed.length && !args.includes('--force') ? `${count}; always run (cache: false): ${bypassed.join(', ')}` : count, missed };
}

/**
 * Cold runs count when they succeed; cached runs count only when every task came from the cache
 * (anything editing a package between runs makes a task miss, and that is not a cached build).
 * @param {{ coldRuns: number, cachedRuns: number, logDir: string }} options
 */
export async function buildSection({ coldRuns, cachedRuns, logDir }) {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, 'build.log');
  /** @type {{ name: string, runs: number, args: string[], mustHitCache: boolean, values: number[], tasks: string, failed: number, missed: Set<string>, missedRuns: number, error?: string }[]} */
  const rows = [
    {
      name: 'cold: turbo run build --force (cache bypassed)',
      runs: coldRuns,
      args: ['--force'],
      mustHitCache: false,
      values: [],
      tasks: '',
      failed: 0,
      missed: new Set(),
      missedRuns: 0,
    },
    { name: 'cached: turbo run build', runs: cachedRuns, args: [], mustHitCache: true, values: [], tasks: '', failed: 0, missed: new Set(), missedRuns: 0 },
  ];
  for (const row of rows) {
    for (let run = 0; run < row.runs; run += 1) {
      try {
        const measured = await turboBuild(row.args, logFile);
        if (row.mustHitCache && measured.missed.length > 0) {
          row.missedRuns += 1;
          for (const task of measured.missed) row.missed.add(task);
        } else {
          row.values.push(measured.ms);
          row.tasks = measured.cached;
        }
      } catch {
        row.failed += 1;
      }
    }
    const notes = [
      row.failed ? `${row.failed} of ${row.runs} runs failed (see bench-results/logs/build.log)` : '',
      row.missedRuns ? `${row.missedRuns} of ${row.runs} runs missed the cache (${[...row.missed].join(', ')}) and are not counted` : '',
    ].filter(Boolean);
    if (row.values.length === 0) row.error = `error: no usable run: ${notes.join('; ')}`;
    else if (notes.length) row.tasks = `${row.tasks}; ${notes.join('; ')}`;
  }
  const summaries = rows.map(({ missed, ...row }) => ({ ...row, missed: [...missed], summary: row.error ? undefined : summarize(row.values) }));
  const cold = summaries[0]?.summary;
  const cells = summaries.map((row, index) => {
    if (!row.summary) return [row.name, row.error ?? 'n/a', '-', '-', '-', '-'];
    const ratio = index === 0 ? '1.00x (ref)' : formatRatio(cold && row.summary.median / cold.median);
    return [row.name, formatNumber(row.summary.median), formatNumber(row.summary.min), formatNumber(row.summary.max), row.tasks, ratio];
  });
  return {
    id: 'build',
    title: '5. Build: turbo run build',
    note: `Wall-clock milliseconds of \`node tools/turbo.mjs run build\` from the repository root (what \`npm run build\` runs): ${coldRuns} cold run(s) with --force, then ${cachedRuns} cached; a cached run counts only if every task came from the cache. Ratio: this row / cold. Goal: cached under 1000 ms.`,
    headers: ['build', 'median ms', 'min ms', 'max ms', 'tasks (last counted run)', 'ratio (row / cold)'],
    rows: cells,
    data: summaries,
  };
}
