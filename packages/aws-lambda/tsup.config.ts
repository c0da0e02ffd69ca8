// ESM + .d.ts in dist/. @layerspec/client-runtime stays a dependency (not bundled), so the
// error classes are one class across both clients.
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'index.node': 'src/index.node.ts', node: 'src/node.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  tsconfig: 'tsconfig.build.json',
  dts: true,
  // node: built-ins appear only in the /node entry.
  external: [/^@layerspec\/client-runtime/, 'openapi-fetch', 'aws4fetch', /^node:/],
  // Keep `node:` specifiers in the /node entry.
  removeNodeProtocol: false,
  clean: true,
  sourcemap: false,
});
