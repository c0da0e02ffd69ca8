#!/usr/bin/env node
// Part of the build: copies each API's bundled JSON spec from @layerspec/specs into dist/specs/
// (for Prism), its generated model into dist/model/<api>.json, its operations' success answers'
// JSON Schemas (by operationId) into dist/model/<api>-success-schemas.json and the list of APIs into
// dist/model/apis.json, where the mock reads them. The mock's tarball then carries the very spec
// and model it was built and tested with, and installs without @layerspec/specs, which is on no registry.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { models } from '@layerspec/specs/model';
import { PROVIDER_LIST_PATH, modelPath, specPath, successSchemaPath } from '../dist/model.js';

/** @import { Provider } from '../dist/providers.js' */

const require = createRequire(import.meta.url);
/** @param {string} path @param {string} text */
const write = (path, text) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
for (const [api, model] of /** @type {[Provider, unknown][]} */ (Object.entries(models))) {
  mkdirSync(dirname(specPath(api)), { recursive: true });
  copyFileSync(require.resolve(`@layerspec/specs/${api}.json`), specPath(api));
  write(modelPath(api), `${JSON.stringify(model, null, 2)}\n`);
  // The success answers' JSON Schemas, which fixtures are checked against before they are served.
  const { successSchemas } = await import(`@layerspec/specs/model/${api}-response-schema`);
  write(successSchemaPath(api), `${JSON.stringify(successSchemas, null, 2)}\n`);
}
write(PROVIDER_LIST_PATH, `${JSON.stringify(Object.keys(models))}\n`);
console.log(`copied the ${Object.keys(models).join(', ')} specs and models into dist/specs/ and dist/model/`);
