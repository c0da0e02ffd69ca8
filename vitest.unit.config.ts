// The fast lane, `npm run test:unit`: every test that needs no browser, no listening socket, no
// pack and no child process, all packages in one vitest run. A test that starts any of those
// belongs in its package's own suite only (`npm test`); to add a test here, name its file below.
// The tests read the built spec bundles and packages, so the script builds first (a turbo cache hit).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Test files of one package that run in the fast lane, relative to its folder. */
const unitTests: Record<string, string[]> = {
  bench: ['test/*.test.ts'],
  'packages/client-runtime': ['test/runtime.test.ts', 'test/node.test.ts', 'test/core.test.ts'],
  'packages/aws-lambda': [
    'test/client.test.ts',
    'test/rules-generator.test.ts',
    'test/answers.property.test.ts',
    'test/input.property.test.ts',
    'test/secrets.test.ts',
    'test/signing.test.ts',
  ],
  'packages/tencent-scf': [
    'test/client.test.ts',
    'test/answers.property.test.ts',
    'test/input.property.test.ts',
    'test/secrets.test.ts',
    'test/signing.test.ts',
    'test/errors.test.ts',
  ],
  'packages/mock': [
    'test/har.test.ts',
    'test/json-bounds.test.ts',
    'test/readme.test.ts',
    'test/spec-copy.test.ts',
    'test/hardening/archive.test.ts',
    'test/hardening/verifier-properties.test.ts',
  ],
  'packages/layers': [
    'test/aws-sdk.test.ts',
    'test/client.test.ts',
    'test/conversions.property.test.ts',
    'test/conversions.test.ts',
    'test/examples.test.ts',
    'test/mapping.test.ts',
    'test/package.test.ts',
    'test/schema.test.ts',
    'test/summaries.test.ts',
    'test/tables.test.ts',
  ],
  'packages/docs': ['test/comparison.test.ts', 'test/portal.test.ts', 'test/providers.test.ts'],
  'packages/specs': [
    'test/constraints.test.ts',
    'test/dates.test.ts',
    'test/exact-integers.test.ts',
    'test/examples.test.ts',
    'test/model.test.ts',
    'test/model-extensions.test.ts',
    'test/model-int64.test.ts',
    'test/model-response-schema.test.ts',
    'test/package.test.ts',
    'test/patterns.test.ts',
    'test/release.test.ts',
    'test/releases-drift.test.ts',
    'test/swagger-parser.test.ts',
    'test/tencent-envelope.test.ts',
  ],
};

// A renamed or deleted file would otherwise leave the lane quietly smaller.
for (const [folder, files] of Object.entries(unitTests)) {
  const missing = files.filter((file) => !file.includes('*') && !existsSync(join(import.meta.dirname, folder, file)));
  if (missing.length > 0) throw new Error(`vitest.unit.config.ts lists test files that do not exist in ${folder}: ${missing.join(', ')}`);
}

export default defineConfig({
  test: {
    // Every core (vitest's default leaves one idle), and one module graph per worker: these files keep
    // no state between them, and sharing the imports of redocly, Prism and the SDKs saves a third.
    maxWorkers: '100%',
    pool: 'threads',
    isolate: false,
    projects: Object.entries(unitTests).map(([folder, include]) => ({
      extends: true,
      root: folder,
      test: {
        name: folder.replace(/^packages\//, ''),
        include,
        // Property tests run thousands of cases; the machine may be shared.
        testTimeout: 60_000,
      },
    })),
  },
});
