import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineConfig({
    // Property tests run hundreds of cases; the machine may be shared.
    test: { testTimeout: 60_000 },
  }),
);
