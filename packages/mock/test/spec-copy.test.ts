// The build copies @layerspec/specs' bundles into dist/specs/ and its models into dist/model/,
// and the mock reads the copies: they must be the bundle, byte for byte, and the model, never
// older ones.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { models } from '@layerspec/specs/model';
import { describe, expect, it } from 'vitest';
import { loadModel, modelPath } from '../src/model.js';
import { DEFAULT_PORTS } from '../src/ports.js';
import { PROVIDERS, specPath } from '../src/spec.js';

const require = createRequire(import.meta.url);

describe.each(PROVIDERS)('%s', (provider) => {
  it('serves the @layerspec/specs bundle as built', () => {
    expect(specPath(provider)).toMatch(/[/\\]dist[/\\]specs[/\\]/);
    expect(readFileSync(specPath(provider), 'utf8')).toBe(readFileSync(require.resolve(`@layerspec/specs/${provider}.json`), 'utf8'));
  });

  it('reads the @layerspec/specs model as built', () => {
    expect(modelPath(provider)).toMatch(/[/\\]dist[/\\]model[/\\]/);
    expect(loadModel(provider)).toEqual(models[provider]);
  });

  it('takes the default port the spec states (x-layerspec-mock), not one of its own', () => {
    expect(DEFAULT_PORTS[provider]).toBe(models[provider].mock.defaultPort);
  });
});
