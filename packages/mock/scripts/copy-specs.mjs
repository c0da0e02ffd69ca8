#!/usr/bin/env node
// Part of the build: copies each provider's bundled JSON spec from @layerspec/specs into
// dist/specs/, and its generated model into dist/model/<api>.json, where the mock reads them.
// The mock's tarball then carries the very spec and model it was built and tested with, and
// installs without @layerspec/specs, which is on no registry.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { PROVIDERS, specPath } from '../dist/spec.js';
import { modelPath } from '../dist/model.js';

const require = createRequire(import.meta.url);
for (const provider of PROVIDERS) {
  const to = specPath(provider);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(require.resolve(`@layerspec/specs/${provider}.json`), to);
  const { default: model } = await import(`@layerspec/specs/model/${provider}`);
  mkdirSync(dirname(modelPath(provider)), { recursive: true });
  writeFileSync(modelPath(provider), `${JSON.stringify(model, null, 2)}\n`);
}
console.log(`copied the ${PROVIDERS.join(', ')} specs and models into dist/specs/ and dist/model/`);
