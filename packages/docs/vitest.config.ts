import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // The browser tests start Chromium and build a page with redocly; both take seconds on 2 cores.
      testTimeout: 90_000,
      hookTimeout: 120_000,
      // One Chromium at a time: two cores do not run two browsers and a build well.
      fileParallelism: false,
    },
  }),
);
