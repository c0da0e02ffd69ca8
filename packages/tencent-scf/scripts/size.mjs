#!/usr/bin/env node
// `npm run size`: the gzipped size of a program that creates a client and makes one call.
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureBundle, printBundleSize } from '../../client-runtime/testing/bundle-size.mjs';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const program = `
import { createScfClient } from ${JSON.stringify(resolve(packageDir, 'dist/index.js'))};
const client = createScfClient({ region: 'ap-guangzhou', credentials: { secretId: 'AKID', secretKey: 'SECRET' } });
client.getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 }).then(console.log, console.error);
`;

export const measure = () => measureBundle({ packageDir, program });

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printBundleSize('@layerspec/tencent-scf', 'createScfClient + getLayerVersion with TC3', await measure());
}
