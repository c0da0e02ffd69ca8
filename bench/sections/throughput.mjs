// @ts-check
// 3. Throughput and overhead: completed calls per second at concurrency 1 and 10 against the
// canned server in another process. Raw node:http with keep-alive and no signing is the limit.
import { fork } from 'node:child_process';
import { cannedCall } from '../lib/canned.mjs';
import { providerName } from '../lib/providers.mjs';
import { childEnv, nextMessage, track, startServerChild, stopChild } from '../lib/processes.mjs';
import { summarize } from '../lib/stats.mjs';
import { NOT_BUILT, formatNumber, formatRatio } from '../lib/table.mjs';
import { TARGETS } from '../lib/targets.mjs';

const CANNED_SERVER = new URL('../servers/canned-server.mjs', import.meta.url);
const WORKER = new URL('../workers/throughput.mjs', import.meta.url);

/**
 * @param {{ concurrencies: number[], warmupMs: number, runMs: number, runs: number }} options
 */
export async function throughputSection({ concurrencies, warmupMs, runMs, runs }) {
  const server = await startServerChild(CANNED_SERVER);
  /** @type {{ id: string, label: string, provider: string, kind: string, concurrency: number, values: number[], error?: string }[]} */
  const results = [];
  try {
    for (const concurrency of concurrencies) {
      /** @type {{ row: (typeof results)[number], worker: import('node:child_process').ChildProcess }[]} */
      const live = [];
      try {
        for (const t of TARGETS) {
          /** @type {(typeof results)[number]} */
          const row = { id: t.id, label: t.label, provider: t.provider, kind: t.kind, concurrency, values: [] };
          results.push(row);
          const worker = track(
            fork(WORKER, [t.id, server.url, String(concurrency), cannedCall(t.provider).marker], { env: childEnv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
          );
          const message = await nextMessage(worker, ['ready', 'failed'], 30_000).catch((error) => ({ type: 'failed', message: error.message }));
          if (message.type === 'ready') live.push({ row, worker });
          else {
            row.error = message.notBuilt ? NOT_BUILT : `error: ${String(message.message).slice(0, 100)}`;
            await stopChild(worker);
          }
        }
        // Windows round-robin over the clients; each worker runs alone while it is measured.
        for (let run = 0; run < runs; run += 1) {
          for (const entry of live) {
            if (entry.row.error) continue;
            if (!entry.worker.connected) {
              entry.row.error = 'error: the worker process exited';
              continue;
            }
            // A send that fails shows up as the worker's exit in nextMessage below.
            entry.worker.send({ type: 'run', warmupMs, runMs }, () => {});
            try {
              const message = await nextMessage(entry.worker, 'window', 30_000 + warmupMs + runMs);
              entry.row.values.push(message.value);
            } catch (error) {
              entry.row.error = `error: ${/** @type {Error} */ (error).message.slice(0, 100)}`;
            }
          }
        }
      } finally {
        for (const entry of live) await stopChild(entry.worker);
      }
    }
  } finally {
    await stopChild(server.child);
  }
  const summaries = results.map((row) => ({ ...row, summary: !row.error && row.values.length > 0 ? summarize(row.values) : undefined }));
  const rows = summaries.map((row) => {
    const same = (/** @type {string} */ kind) =>
      summaries.find((other) => other.provider === row.provider && other.concurrency === row.concurrency && other.kind === kind)?.summary;
    const limit = same('limit');
    const official = same('official');
    const label = `${providerName(row.provider)}, c=${row.concurrency}: ${row.label}`;
    if (!row.summary) return [label, row.error ?? 'n/a', '-', '-', '-', '-', '-'];
    const ratio = row.kind === 'limit' ? '1.00x (ref)' : formatRatio(limit && row.summary.median / limit.median);
    const vsOfficial = row.kind === 'ours' ? formatRatio(official && row.summary.median / official.median) : '-';
    return [
      label,
      formatNumber(row.summary.median),
      formatNumber(row.summary.min),
      formatNumber(row.summary.max),
      formatNumber((1_000_000 * row.concurrency) / row.summary.median),
      ratio,
      vsOfficial,
    ];
  });
  return {
    id: 'throughput',
    title: '3. Throughput and overhead: calls per second',
    note: `Completed getLayerVersion calls per second with c calls in flight, against a canned node:http server in another process on 127.0.0.1 (same bytes for every row). Each client runs in a fresh process; after one checked call it is measured in ${runs} windows of ${runMs} ms (each after ${warmupMs} ms of warm-up), taken round-robin with the other clients so that noise spreads over all rows; median, min and max over its windows. "µs/call" is the median's time per call per caller (c / rate). The limit is raw node:http with a keep-alive agent and no signing (what the official SDKs and our Node entry sit on); raw fetch (undici) is shown beside it. Goals: ours at least 2x the official SDK and at least 0.5x the limit.`,
    headers: ['client', 'median calls/s', 'min', 'max', 'µs/call', 'ratio (row / raw node:http)', 'ours / official'],
    rows,
    data: summaries.map(({ values, ...row }) => row),
  };
}
