// Settings every package's vitest.config.ts shares: where tests live, and a JSON report
// under test-output/ that .ci/run adds up into its one `N passed, N failed` line.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-output/vitest.json' }]],
  },
});
