// Test support: the two vitest projects every client's suite runs as, one per entry. `fetch` runs
// the tests against src/index.ts (fetch and Web Crypto, what browsers and edge runtimes get);
// `node` runs the same files with src/index.js resolved to src/index.node.ts (node:http and
// node:crypto, what the `node` export condition gives). A test that passes its own `fetch`
// checks that the caller's fetch is used on that entry; every other test reaches the entry's
// own transport (LAYERSPEC_TEST_ENTRY says which). Tests of files, not of behaviour, run once.
import { resolve } from 'node:path';
import { configDefaults } from 'vitest/config';

const ONCE = ['test/pack.test.ts', 'test/size.test.ts', 'test/generated.test.ts', 'test/rules-generator.test.ts'];

export function transportProjects(packageDir: string) {
  return [
    { extends: true, test: { name: 'fetch', env: { LAYERSPEC_TEST_ENTRY: 'fetch' } } },
    {
      extends: true,
      test: { name: 'node', env: { LAYERSPEC_TEST_ENTRY: 'node' }, exclude: [...configDefaults.exclude, ...ONCE], typecheck: { enabled: false } },
      resolve: { alias: [{ find: /^\.\.\/src\/index\.js$/, replacement: resolve(packageDir, 'src/index.node.ts') }] },
    },
  ];
}
