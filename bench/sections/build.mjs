// 5. Build: `turbo run build` with the cache bypassed (--force: every task runs, other helpers'
// caches are left as they are) and then with the cache warm, as `npm run build` runs it.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '../lib/processes.mjs';
import { summarize } from '../lib/stats.mjs';
import { formatNumber, formatRatio } from '../lib/table.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @param {string[]} args @param {string} logFile
 * @returns {Promise<{ ms: number, tasks: string }>}
 */
async function turboBuild(args, logFile) {
  const result = await runNode(['tools/turbo.mjs', 'run', 'build', ...args], { cwd: ROOT, timeoutMs: 120_000 });
  appendFileSync(logFile, `\n$ turbo run build ${args.join(' ')}  (${Math.round(result.ms)} ms, exit ${result.code})\n${result.stdout}${result.stderr}`);
  if (result.code !== 0) throw new Error(`turbo run build ${args.join(' ')} exited ${result.code}; see ${logFile}`);
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(result.stdout);
  // Name the tasks that missed the cache, so a slow "cached" build says which task to look at.
  const missed = [...result.stdout.matchAll(/^(\S+): cache miss/gm)].map((match) => match[1]);
  const tasks = cached ? `${cached[1]} of ${cached[2]} cached` : '?';
  return { ms: result.ms, tasks: args.includes('--force') || missed.length === 0 ? tasks : `${tasks}; missed: ${missed.join(', ')}` };
}

/** @param {{ coldRuns: number, cachedRuns: number, logDir: string }} options */
export async function buildSection({ coldRuns, cachedRuns, logDir }) {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, 'build.log');
  /** @type {{ name: string, runs: number, args: string[], values: number[], tasks: string, error?: string }[]} */
  // The tasks column shows the last run's count; any run that missed the cache is named too.
  const rows = [
    { name: 'cold: turbo run build --force (cache bypassed)', runs: coldRuns, args: ['--force'], values: [], tasks: '' },
    { name: 'cached: turbo run build', runs: cachedRuns, args: [], values: [], tasks: '' },
  ];
  for (const row of rows) {
    for (let run = 0; run < row.runs && !row.error; run += 1) {
      try {
        const measured = await turboBuild(row.args, logFile);
        row.values.push(measured.ms);
        // Keep a run that missed the cache visible even if a later run hit it.
        if (!row.tasks.includes('missed')) row.tasks = measured.tasks;
      } catch (error) {
        row.error = `error: ${/** @type {Error} */ (error).message.slice(0, 120)}`;
      }
    }
  }
  const summaries = rows.map((row) => ({ ...row, summary: row.error ? undefined : summarize(row.values) }));
  const cold = summaries[0]?.summary;
  const cells = summaries.map((row, index) => {
    if (!row.summary) return [row.name, row.error ?? 'n/a', '-', '-', '-', '-'];
    const ratio = index === 0 ? '1.00x (ref)' : formatRatio(cold && row.summary.median / cold.median);
    return [row.name, formatNumber(row.summary.median), formatNumber(row.summary.min), formatNumber(row.summary.max), row.tasks, ratio];
  });
  return {
    id: 'build',
    title: '5. Build: turbo run build',
    note: `Wall-clock milliseconds of \`node tools/turbo.mjs run build\` from the repository root (what \`npm run build\` runs), ${coldRuns} cold run(s) with --force and then ${cachedRuns} cached. Ratio: this row / cold. Goal: cached under 1000 ms.`,
    headers: ['build', 'median ms', 'min ms', 'max ms', 'tasks', 'ratio (row / cold)'],
    rows: cells,
    data: summaries,
  };
}
