// @ts-check
// Starts @layerspec/mock for one provider on a free port in this (child) process and reports its
// URL, so that autocannon in the parent never shares an event loop with the mock it measures.
const provider = process.argv[2] === 'tencent-scf' ? 'tencent-scf' : 'aws-lambda';
// A fixture set as JSON, to answer from fixtures instead of the spec's examples.
const fixtures = process.env.LAYERSPEC_BENCH_FIXTURES ? JSON.parse(process.env.LAYERSPEC_BENCH_FIXTURES) : undefined;
try {
  const { startMock } = await import('@layerspec/mock');
  if (typeof startMock !== 'function') {
    process.send?.({ type: 'failed', notBuilt: true, message: '@layerspec/mock does not export startMock() yet' });
    process.disconnect?.();
  } else {
    const mock = await startMock({ provider, port: 0, ...(fixtures ? { fixtures } : {}) });
    process.send?.({ type: 'listening', url: String(mock.url).replace(/\/$/, '') });
    process.on('disconnect', () => {
      Promise.resolve(mock.close()).finally(() => process.exit(0));
      setTimeout(() => process.exit(0), 2000).unref();
    });
  }
} catch (error) {
  const message = /** @type {Error} */ (error).message.split('\n')[0];
  const notBuilt =
    /** @type {any} */ (error).code === 'ERR_MODULE_NOT_FOUND' ||
    /** @type {any} */ (error).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' ||
    /does not provide an export/.test(message ?? '');
  process.send?.({ type: 'failed', notBuilt, message });
  process.disconnect?.();
}
// Never outlive the bench.
setTimeout(() => process.exit(0), 10 * 60_000).unref();
