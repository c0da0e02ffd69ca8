// 3b. Memory: each client in a fresh process makes 10,000 getLayerVersion calls against the
// canned server (another process), then reports its peak resident set size (maxRSS).
import { fork } from 'node:child_process';
import { cannedCall } from '../lib/canned.mjs';
import { providerName } from '../lib/providers.mjs';
import { childEnv, nextMessage, startServerChild, stopChild, track } from '../lib/processes.mjs';
import { summarize } from '../lib/stats.mjs';
import { NOT_BUILT, formatNumber, formatRatio } from '../lib/table.mjs';
import { TARGETS } from '../lib/targets.mjs';

const CANNED_SERVER = new URL('../servers/canned-server.mjs', import.meta.url);
const WORKER = new URL('../workers/throughput.mjs', import.meta.url);
const MB = 1024 * 1024;

/** @param {{ calls: number, concurrency: number, runs: number }} options */
export async function memorySection({ calls, concurrency, runs }) {
  const server = await startServerChild(CANNED_SERVER);
  /** @type {{ id: string, label: string, provider: string, kind: string, values: number[], error?: string }[]} */
  const results = TARGETS.map((t) => ({ id: t.id, label: t.label, provider: t.provider, kind: t.kind, values: [] }));
  try {
    // Round-robin: one fresh process per client and run.
    for (let run = 0; run < runs; run += 1) {
      for (const row of results) {
        if (row.error) continue;
        const worker = track(
          fork(WORKER, [row.id, server.url, String(concurrency), cannedCall(/** @type {any} */ (row.provider)).marker], {
            env: childEnv(),
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          }),
        );
        try {
          const ready = await nextMessage(worker, ['ready', 'failed'], 30_000).catch((error) => ({ type: 'failed', message: error.message }));
          if (ready.type !== 'ready') {
            row.error = ready.notBuilt ? NOT_BUILT : `error: ${String(ready.message).slice(0, 100)}`;
            continue;
          }
          worker.send({ type: 'calls', count: calls }, () => {});
          const message = await nextMessage(worker, ['rss', 'error'], 300_000);
          if (message.type === 'rss') row.values.push(message.value);
          else row.error = `error: ${String(message.message).slice(0, 100)}`;
        } catch (error) {
          row.error = `error: ${/** @type {Error} */ (error).message.slice(0, 100)}`;
        } finally {
          await stopChild(worker);
        }
      }
    }
  } finally {
    await stopChild(server.child);
  }
  const summaries = results.map((row) => ({ ...row, summary: !row.error && row.values.length > 0 ? summarize(row.values) : undefined }));
  const rows = summaries.map((row) => {
    const label = `${providerName(row.provider)}: ${row.label}`;
    if (!row.summary) return [label, row.error ?? 'n/a', '-', '-', '-'];
    const official = summaries.find((other) => other.provider === row.provider && other.kind === 'official')?.summary;
    const vsOfficial = row.kind === 'ours' ? formatRatio(official && row.summary.median / official.median) : '-';
    return [label, formatNumber(row.summary.median / MB), formatNumber(row.summary.min / MB), formatNumber(row.summary.max / MB), vsOfficial];
  });
  return {
    id: 'memory',
    title: `3b. Memory: peak RSS after ${calls.toLocaleString('en-US')} calls`,
    note: `Peak resident set size (process.resourceUsage().maxRSS) of a fresh Node process that loads one client, checks one call, then makes ${calls.toLocaleString('en-US')} getLayerVersion calls with ${concurrency} in flight against the canned server; ${runs} process${runs === 1 ? '' : 'es'} per client, round-robin. It includes Node itself (about 40-50 MB). Goal: ours at most the official SDK's.`,
    headers: ['client', 'median MB', 'min MB', 'max MB', 'ours / official'],
    rows,
    data: summaries.map(({ values, ...row }) => row),
  };
}
