import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // Tests that start mocks and call them over HTTP; a generous timeout for slow CI machines.
      testTimeout: 30_000,
      // The README's globalSetup recipe, so the recipe is tested as written.
      globalSetup: ['./test/global-setup.ts'],
    },
  }),
);
