// The build copies @layerspec/specs' bundles into dist/specs/, and the mock serves the copy:
// it must be the bundle, byte for byte, never an older one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PROVIDERS, specPath } from '../src/spec.js';

const require = createRequire(import.meta.url);

describe.each(PROVIDERS)('%s', (provider) => {
  it('serves the @layerspec/specs bundle as built', () => {
    expect(specPath(provider)).toMatch(/[/\\]dist[/\\]specs[/\\]/);
    expect(readFileSync(specPath(provider), 'utf8')).toBe(readFileSync(require.resolve(`@layerspec/specs/${provider}.json`), 'utf8'));
  });
});
