#!/usr/bin/env node
// `npm run size`: the gzipped size of a program that creates a client and makes one call.
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureBundle, printBundleSize } from '../../client-runtime/testing/bundle-size.mjs';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const program = `
import { createLambdaClient } from ${JSON.stringify(resolve(packageDir, 'dist/index.js'))};
const client = createLambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } });
client.getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 }).then(console.log, console.error);
`;

export const measure = () => measureBundle({ packageDir, program });

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printBundleSize('@layerspec/aws-lambda', 'createLambdaClient + getLayerVersion with SigV4', await measure());
}
