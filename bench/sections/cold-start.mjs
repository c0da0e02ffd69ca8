// @ts-check
// 2. Cold start: a fresh Node process imports the client, creates it and completes one call
// against the canned server (a separate process); wall time from spawn to exit.
import { NOT_BUILT, formatNumber, formatRatio } from '../lib/table.mjs';
import { cannedCall } from '../lib/canned.mjs';
import { providerName } from '../lib/providers.mjs';
import { runNode, startServerChild, stopChild } from '../lib/processes.mjs';
import { summarize } from '../lib/stats.mjs';
import { NotBuiltError, TARGETS, checkBuilt, oneCallProgram, target as targetOf } from '../lib/targets.mjs';

const CANNED_SERVER = new URL('../servers/canned-server.mjs', import.meta.url);

/** @param {{ runs: number }} options */
export async function coldStartSection({ runs }) {
  const server = await startServerChild(CANNED_SERVER);
  try {
    const markers = { 'aws-lambda': cannedCall('aws-lambda').marker, 'tencent-scf': cannedCall('tencent-scf').marker };
    /** @type {{ id: string, label: string, group: string, ref: boolean, program: string, marker: string, values: number[], error?: string }[]} */
    const rows = [{ id: 'node/empty', label: 'node, empty program (floor)', group: 'Node', ref: false, program: '', marker: '', values: [] }];
    for (const t of TARGETS) {
      /** @type {string | undefined} */
      let error;
      try {
        await checkBuilt(t.id);
      } catch (caught) {
        if (!(caught instanceof NotBuiltError)) throw caught;
        error = NOT_BUILT;
      }
      rows.push({
        id: t.id,
        label: t.label,
        group: providerName(t.provider),
        ref: t.kind === 'ours',
        program: oneCallProgram(t.id, 'process.env.LAYERSPEC_BENCH_ENDPOINT'),
        marker: markers[t.provider],
        values: [],
        ...(error ? { error } : {}),
      });
    }
    // Round-robin over the rows so that a noisy moment spreads over all of them.
    for (let run = 0; run < runs; run += 1) {
      for (const row of rows) {
        if (row.error) continue;
        const result = await runNode(['--input-type=module', '-e', row.program], { env: { LAYERSPEC_BENCH_ENDPOINT: server.url }, timeoutMs: 30_000 });
        if (result.code !== 0 || !result.stdout.includes(row.marker)) {
          row.error = `error: ${(
            result.stderr
              .trim()
              .split('\n')
              .find((line) => /Error/.test(line)) ??
              result.stderr.trim().split('\n')[0] ??
              `exit ${result.code}`
          ).slice(0, 100)}`;
          continue;
        }
        row.values.push(result.ms);
      }
    }
    return table(rows);
  } finally {
    await stopChild(server.child);
  }
}

/** @param {{ id: string, label: string, group: string, ref: boolean, program: string, marker: string, values: number[], error?: string }[]} rows */
function table(rows) {
  const summaries = rows.map((row) => ({ ...row, summary: row.error || row.values.length === 0 ? undefined : summarize(row.values) }));
  const floor = summaries.find((row) => row.group === 'Node')?.summary?.median;
  const above = (/** @type {{ median: number } | undefined} */ summary) => (summary && floor !== undefined ? summary.median - floor : undefined);
  const cells = summaries.map((row) => {
    const reference = summaries.find((other) => other.group === row.group && other.ref)?.summary;
    const official = summaries.find((other) => other.group === row.group && other.id.endsWith('/official'))?.summary;
    const label = `${row.group === 'Node' ? '' : `${row.group}: `}${row.label}`;
    if (!row.summary) return [label, row.error ?? 'n/a', '-', '-', '-', '-', '-'];
    const ratio = row.group === 'Node' || !reference ? '-' : row.ref ? '1.00x (ref)' : formatRatio(row.summary.median / reference.median);
    const mine = above(row.summary);
    const theirs = above(official);
    const vsOfficial = row.ref && mine !== undefined && theirs ? formatRatio(mine / theirs) : '-';
    return [
      label,
      formatNumber(row.summary.median),
      formatNumber(row.summary.min),
      formatNumber(row.summary.max),
      row.group === 'Node' || mine === undefined ? '-' : formatNumber(mine),
      ratio,
      vsOfficial,
    ];
  });
  return {
    id: 'cold-start',
    title: '2. Cold start: fresh process, import, create, one call',
    note: "Milliseconds from spawning `node` to its exit, for a program that imports the client, creates it and completes one getLayerVersion call against a canned server on 127.0.0.1 (another process). The floor row is Node starting and exiting with nothing to do; \"above floor\" is a row's median less the floor's, the client's own cost. Raw node:http (unsigned) is the limit, raw fetch beside it. Ratio: this row / ours (per provider); above 1 means ours starts faster. Goal: ours above the floor at most 0.3x the official SDK above the floor.",
    headers: ['program', 'median ms', 'min ms', 'max ms', 'above floor ms', 'ratio (row / ours)', 'ours / official, above floor'],
    rows: cells,
    data: summaries.map(({ program, marker, ...row }) => ({
      ...row,
      kind: row.group === 'Node' ? 'floor' : targetOf(row.id).kind,
      provider: row.group === 'Node' ? undefined : targetOf(row.id).provider,
      aboveFloorMs: above(row.summary),
    })),
  };
}
