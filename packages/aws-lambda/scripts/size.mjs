#!/usr/bin/env node
// Bundles a tiny program (create a client, make one call) against dist/ with esbuild, minified,
// and prints its gzipped size: what a browser or edge bundle pays for this package, signing included.
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const program = `
import { createLambdaClient } from ${JSON.stringify(resolve(packageDir, 'dist/index.js'))};
const client = createLambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } });
client.getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 }).then(console.log, console.error);
`;

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

async function bundle(contents, external = []) {
  const result = await build({
    stdin: { contents, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    external,
  });
  return result.outputFiles[0].contents;
}

/** @returns {Promise<{ minified: number, gzipped: number, lazyGzipped: number }>} sizes in bytes */
export async function measure() {
  // The response validator is a chunk of dist/ that the client imports only when a caller
  // asks for validateResponses: a browser bundler loads it lazily, so it is counted apart.
  const eager = await bundle(program, ['./validate-*']);
  const validator = readdirSync(resolve(packageDir, 'dist')).find((name) => name.startsWith('validate-'));
  const lazy = validator ? await bundle(`export * from ${JSON.stringify(resolve(packageDir, 'dist', validator))};`) : new Uint8Array();
  return { minified: eager.length, gzipped: gzip(eager), lazyGzipped: gzip(lazy) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { minified, gzipped, lazyGzipped } = await measure();
  console.log(`@layerspec/aws-lambda: ${gzipped} bytes minified+gzipped (${minified} bytes minified), createLambdaClient + getLayerVersion with SigV4`);
  console.log(`  + ${lazyGzipped} bytes gzipped (the response validator, bundled standalone) loaded only with validateResponses: true`);
}
