// Three versions of one layer, for the tests of listing: each with its own runtimes and
// architectures, so that every filter keeps a different set of them.
import type { FixtureSet } from '../src/index.js';

export const LAYER = 'node-utils';

const version = (number: number, runtimes: { language: string; version: string }[], architectures: string[], awsRuntimes: string[]) => ({
  name: LAYER,
  version: number,
  description: `Shared utilities, release ${number}`,
  license: 'MIT',
  createdAt: `2024-0${number}-01T12:00:00Z`,
  runtimes,
  architectures,
  archive: { size: 2048, sha256: 'fz+qd5aUv54eySvF6iHsJHHdBfEx4K64hNJrO9tKsEM=', location: `https://layers.example.com/${LAYER}/${number}.zip` },
  // AWS names Node.js 16 by its major version only.
  'aws-lambda': { runtimes: awsRuntimes.map((name) => ({ name })) },
});

const python = { language: 'python', version: '3.9' };
const nodejs = { language: 'nodejs', version: '16.13' };

export const THREE_VERSIONS: FixtureSet = {
  layers: [
    version(1, [python], ['x86_64'], ['python3.9']),
    version(2, [nodejs], ['arm64'], ['nodejs16.x']),
    version(3, [python, nodejs], ['x86_64', 'arm64'], ['python3.9', 'nodejs16.x']),
  ],
};
