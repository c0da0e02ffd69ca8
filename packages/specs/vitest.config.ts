import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // Linting and bundling start redocly, which takes a few seconds on 2 cores.
      testTimeout: 60_000,
    },
  }),
);
