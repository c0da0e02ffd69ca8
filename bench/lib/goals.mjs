// @ts-check
// The project's speed and size goals, checked against this run's numbers. A goal whose inputs are missing
// says so; nothing is counted as met without a measurement.
import { providerName } from './providers.mjs';
import { formatNumber, formatRatio } from './table.mjs';

/** @param {boolean} met @param {string} [shortBy] */
const verdict = (met, shortBy) => (met ? 'met' : `missed${shortBy ? ` (${shortBy})` : ''}`);

/** @param {any[]} sections */
export function goalsSection(sections) {
  const byId = Object.fromEntries(sections.map((section) => [section.id, section]));
  /** @type {string[][]} */
  const rows = [];
  /** @param {string} goal @param {string} measured @param {string} result */
  const add = (goal, measured, result) => rows.push([goal, measured, result]);

  for (const entry of byId.size?.data ?? []) {
    if (!entry.target.endsWith('/ours')) continue;
    const official = byId.size.data.find(
      (/** @type {any} */ other) => other.provider === entry.provider && other.platform === entry.platform && other.target.endsWith('/official'),
    );
    const name = `${providerName(entry.provider)}, ${entry.platform}`;
    // The size budget is .size-limit.json's, which the size section attaches to the rows it applies to.
    const budgetGoal = `${name}: ours within its .size-limit.json budget`;
    if (!entry.gzipped) {
      if (entry.platform === 'browser') add(budgetGoal, entry.error ?? 'n/a', 'not measured');
      continue;
    }
    if (entry.limit)
      add(
        budgetGoal,
        `${entry.gzipped.toLocaleString('en-US')} B of ${entry.limit.toLocaleString('en-US')} B`,
        verdict(entry.gzipped <= entry.limit, `${(entry.gzipped - entry.limit).toLocaleString('en-US')} B over`),
      );
    else if (entry.platform === 'browser') add(budgetGoal, `${entry.gzipped.toLocaleString('en-US')} B`, 'not measured: no budget read from .size-limit.json');
    if (official?.gzipped) {
      const times = official.gzipped / entry.gzipped;
      add(`${name}: at least 15x smaller than the official SDK`, formatRatio(times), verdict(times >= 15, `${formatRatio(times)} of 15x`));
    } else {
      add(`${name}: at least 15x smaller than the official SDK`, official?.error ?? 'n/a', 'not comparable: the official SDK does not bundle here');
    }
  }

  // Node: the entry the `node` condition picks, within 2 KB of the browser entry.
  for (const entry of (byId.size?.data ?? []).filter((/** @type {any} */ e) => e.platform === 'node' && e.target.endsWith('/ours'))) {
    const browser = byId.size.data.find((/** @type {any} */ other) => other.target === entry.target && other.platform === 'browser');
    const goal = `${providerName(entry.provider)}, node: ours within 2 KB of the browser entry`;
    if (!entry.gzipped || !browser?.gzipped) add(goal, entry.error ?? browser?.error ?? 'n/a', 'not measured');
    else {
      const over = entry.gzipped - browser.gzipped;
      add(
        goal,
        `${entry.gzipped.toLocaleString('en-US')} B vs ${browser.gzipped.toLocaleString('en-US')} B (${over >= 0 ? '+' : ''}${over.toLocaleString('en-US')} B)`,
        verdict(over <= 2048, `${(over - 2048).toLocaleString('en-US')} B over`),
      );
    }
  }

  const coldStart = byId['cold-start']?.data ?? [];
  for (const row of coldStart.filter((/** @type {any} */ r) => r.kind === 'ours')) {
    const goal = `${providerName(row.provider)}: cold start above the empty-Node floor at most 0.3x the official SDK's`;
    const official = coldStart.find((/** @type {any} */ r) => r.provider === row.provider && r.kind === 'official');
    if (row.aboveFloorMs === undefined || official?.aboveFloorMs === undefined || official.aboveFloorMs <= 0) {
      add(goal, row.error ?? official?.error ?? 'n/a', 'not measured');
      continue;
    }
    const times = row.aboveFloorMs / official.aboveFloorMs;
    add(
      goal,
      `${formatNumber(row.aboveFloorMs)} vs ${formatNumber(official.aboveFloorMs)} ms (${formatRatio(times)})`,
      verdict(times <= 0.3, `${formatRatio(times)} of at most 0.30x`),
    );
  }

  const throughput = byId.throughput?.data ?? [];
  for (const row of throughput.filter((/** @type {any} */ r) => r.kind === 'ours')) {
    const name = `${providerName(row.provider)}, c=${row.concurrency}`;
    const official = throughput.find((/** @type {any} */ r) => r.provider === row.provider && r.concurrency === row.concurrency && r.kind === 'official');
    const limit = throughput.find((/** @type {any} */ r) => r.provider === row.provider && r.concurrency === row.concurrency && r.kind === 'limit');
    const againstOfficial = `${name}: ours at least 2x the official SDK's calls/s`;
    const againstLimit = `${name}: ours at least 0.5x raw node:http's calls/s`;
    if (!row.summary) {
      add(againstOfficial, row.error ?? 'n/a', 'not measured');
      add(againstLimit, row.error ?? 'n/a', 'not measured');
      continue;
    }
    if (official?.summary) {
      const times = row.summary.median / official.summary.median;
      add(
        againstOfficial,
        `${formatNumber(row.summary.median)} vs ${formatNumber(official.summary.median)} (${formatRatio(times)})`,
        verdict(times >= 2, `${formatRatio(times)} of 2x`),
      );
    } else add(againstOfficial, official?.error ?? 'n/a', 'not measured');
    if (limit?.summary) {
      const times = row.summary.median / limit.summary.median;
      add(
        againstLimit,
        `${formatNumber(row.summary.median)} vs ${formatNumber(limit.summary.median)} (${formatRatio(times)})`,
        verdict(times >= 0.5, `${formatRatio(times)} of 0.5x`),
      );
    } else add(againstLimit, limit?.error ?? 'n/a', 'not measured');
  }

  const memory = byId.memory?.data ?? [];
  for (const row of memory.filter((/** @type {any} */ r) => r.kind === 'ours')) {
    const goal = `${providerName(row.provider)}: peak RSS after the calls at most the official SDK's`;
    const official = memory.find((/** @type {any} */ r) => r.provider === row.provider && r.kind === 'official');
    if (!row.summary || !official?.summary) {
      add(goal, row.error ?? official?.error ?? 'n/a', 'not measured');
      continue;
    }
    const mb = (/** @type {number} */ bytes) => `${formatNumber(bytes / 1024 / 1024)} MB`;
    const times = row.summary.median / official.summary.median;
    add(
      goal,
      `${mb(row.summary.median)} vs ${mb(official.summary.median)} (${formatRatio(times)})`,
      verdict(times <= 1, `${mb(row.summary.median - official.summary.median)} more`),
    );
  }

  const mock = byId.mock?.data ?? [];
  for (const row of mock.filter((/** @type {any} */ r) => r.kind === 'ours')) {
    const name = `${row.providerName}, ${row.connections} conn`;
    const prism = mock.find((/** @type {any} */ r) => r.provider === row.provider && r.connections === row.connections && r.kind === 'prism');
    if (!row.rps || !prism?.rps) {
      add(`${name}: our mock within 10% of bare Prism's req/s`, row.error ?? prism?.error ?? 'n/a', 'not measured');
      continue;
    }
    const times = row.rps.median / prism.rps.median;
    add(
      `${name}: our mock within 10% of bare Prism's req/s`,
      `${formatNumber(row.rps.median)} vs ${formatNumber(prism.rps.median)} (${formatRatio(times)})`,
      verdict(times >= 0.9, `${((1 - times) * 100).toFixed(0)}% below Prism`),
    );
  }
  // Answering from fixtures adds a lookup to the same Prism validation, so it should cost nothing
  // measurable; 5% is the spread of the windows on a quiet machine.
  for (const row of mock.filter((/** @type {any} */ r) => r.kind === 'fixtures' && r.connections === 50)) {
    const goal = `${row.providerName}, 50 conn: our mock from fixtures no slower than from examples (within 5%)`;
    const examples = mock.find((/** @type {any} */ r) => r.provider === row.provider && r.connections === row.connections && r.kind === 'ours');
    if (!row.rps || !examples?.rps) {
      add(goal, row.error ?? examples?.error ?? 'n/a', 'not measured');
      continue;
    }
    const times = row.rps.median / examples.rps.median;
    add(
      goal,
      `${formatNumber(row.rps.median)} vs ${formatNumber(examples.rps.median)} (${formatRatio(times)})`,
      verdict(times >= 0.95, `${((1 - times) * 100).toFixed(0)}% slower`),
    );
  }
  for (const row of (byId['mock-start']?.data ?? []).filter((/** @type {any} */ r) => r.kind === 'ours')) {
    const goal = `${row.providerName}: our mock's first 200 under 2 s`;
    if (!row.startMs) add(goal, row.error ?? 'n/a', 'not measured');
    else add(goal, `${formatNumber(row.startMs.median)} ms`, verdict(row.startMs.median < 2000, `${formatNumber(row.startMs.median - 2000)} ms over`));
  }

  const cached = (byId.build?.data ?? [])[1];
  if (cached) {
    if (!cached.summary) add('cached build under 1 s', cached.error ?? 'n/a', 'not measured');
    else
      add(
        'cached build under 1 s',
        `${formatNumber(cached.summary.median)} ms`,
        verdict(cached.summary.median < 1000, `${formatNumber(cached.summary.median - 1000)} ms over`),
      );
  }

  return {
    id: 'goals',
    title: 'Goals',
    note: 'Each of the project\'s goals against this run\'s medians. "not measured" means a row above has no number (see its reason).',
    headers: ['goal', 'measured', 'result'],
    rows: rows.length ? rows : [['(no section with goals ran)', '-', '-']],
    data: rows.map(([goal, measured, result]) => ({ goal, measured, result })),
  };
}
