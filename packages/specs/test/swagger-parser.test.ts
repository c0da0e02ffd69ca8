// Both bundles pass @apidevtools/swagger-parser's validation (the OpenAPI 3.1 schema check that
// orval and many CI pipelines run), beside Redocly's lint.
import { createRequire } from 'node:module';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { apiNames } from './bundles.js';

const require = createRequire(import.meta.url);

describe.each(apiNames)('%s', (api) => {
  it('validates with @apidevtools/swagger-parser', async () => {
    const path = require.resolve(`@layerspec/specs/${api}.yaml`);
    const problem = await SwaggerParser.validate(path).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(problem).toBeUndefined();
  });
});
