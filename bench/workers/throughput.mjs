// @ts-check
// One client in a fresh process (no client shares JIT state or sockets with another). It checks
// that a call succeeds and says `ready`; then, each time the parent asks, it warms up and counts
// the calls completed in one window with `concurrency` calls in flight. The parent interleaves
// the windows of all clients, so a noisy moment on the machine spreads over every row. Asked for
// `calls` instead (the memory section), it makes that many calls and reports its peak RSS.
import { NotBuiltError, checkBuilt, createCall } from '../lib/targets.mjs';

const [id = '', endpoint = '', concurrencyText = '1', marker = ''] = process.argv.slice(2);
const concurrency = Number(concurrencyText);

/** Keeps `concurrency` calls in flight until `until`; returns how many completed. @param {() => Promise<unknown>} call @param {number} until */
async function callUntil(call, until) {
  let completed = 0;
  const caller = async () => {
    while (performance.now() < until) {
      await call();
      completed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return completed;
}

try {
  await checkBuilt(id);
  const call = await createCall(id, endpoint);
  const first = JSON.stringify(await call(), (_key, value) => (typeof value === 'bigint' ? String(value) : value));
  if (!first.includes(marker)) throw new Error(`first call's result lacks "${marker}": ${first.slice(0, 200)}`);
  process.on('message', async (/** @type {any} */ message) => {
    if (message?.type === 'calls') {
      // The memory section: this many calls (with `concurrency` in flight), then the process's peak RSS so far.
      try {
        let left = message.count;
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (left-- > 0) await call();
          }),
        );
        process.send?.({ type: 'rss', value: process.resourceUsage().maxRSS * 1024 });
      } catch (error) {
        process.send?.({ type: 'error', message: `calls failed: ${/** @type {Error} */ (error).message.split('\n')[0]}` });
      }
      return;
    }
    if (message?.type !== 'run') return;
    try {
      await callUntil(call, performance.now() + message.warmupMs);
      const startedAt = performance.now();
      const completed = await callUntil(call, startedAt + message.runMs);
      process.send?.({ type: 'window', value: (completed * 1000) / (performance.now() - startedAt) });
    } catch (error) {
      process.send?.({ type: 'error', message: `window failed: ${/** @type {Error} */ (error).message.split('\n')[0]}` });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready' });
} catch (error) {
  process.send?.({ type: 'failed', notBuilt: error instanceof NotBuiltError, message: /** @type {Error} */ (error).message.split('\n')[0] });
  process.disconnect?.();
}
