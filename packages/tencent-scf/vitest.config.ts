import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';
import { transportProjects } from '../client-runtime/testing/transport-projects.js';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // Type tests (expectTypeOf, @ts-expect-error) run with tsc as part of `npm test`.
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
      testTimeout: 20_000,
      // Every test file against both entries: fetch (universal) and node:http (the `node` condition).
      projects: transportProjects(import.meta.dirname),
    },
  }),
);
