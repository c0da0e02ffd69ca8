#!/usr/bin/env node
// Part of the build: copies each provider's bundled JSON spec from @layerspec/specs into
// dist/specs/, where the mock reads it. The mock's tarball then carries the very spec it was
// built and tested with, and installs without @layerspec/specs, which is on no registry.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { PROVIDERS, specPath } from '../dist/spec.js';

const require = createRequire(import.meta.url);
for (const provider of PROVIDERS) {
  const to = specPath(provider);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(require.resolve(`@layerspec/specs/${provider}.json`), to);
}
console.log(`copied the ${PROVIDERS.join(', ')} specs into dist/specs/`);
