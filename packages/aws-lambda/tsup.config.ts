// ESM + .d.ts in dist/. The private @layerspec/client-runtime is bundled in (code and types),
// so the published package depends on openapi-fetch and aws4fetch only.
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  tsconfig: 'tsconfig.build.json',
  dts: { resolve: [/^@layerspec\/client-runtime/] },
  noExternal: [/^@layerspec\/client-runtime/],
  // node: built-ins appear only in the /node entry.
  external: ['openapi-fetch', 'aws4fetch', /^node:/],
  // Keep `node:` specifiers in the /node entry.
  removeNodeProtocol: false,
  clean: true,
  sourcemap: false,
});
