// The generated model of each API (@layerspec/specs/model), read from the copy the build writes
// to dist/model/<api>.json: the mock's tarball carries the model it was built and tested with,
// and installs without @layerspec/specs. Ports, signing rules, auth messages and download
// fields are read here instead of being typed again.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApiModel } from '@layerspec/specs/model';
import type { Provider } from './spec.js';

/** The path of a provider's model: the build's copy of @layerspec/specs/model/<api>. */
export function modelPath(provider: Provider): string {
  // From dist/model.js and from src/model.ts (the tests) alike, the package's dist/ folder.
  return fileURLToPath(new URL(`../dist/model/${provider}.json`, import.meta.url));
}

const loaded = new Map<Provider, ApiModel>();

export function loadModel(provider: Provider): ApiModel {
  let model = loaded.get(provider);
  if (!model) {
    if (!existsSync(modelPath(provider))) {
      throw new Error(`${modelPath(provider)} is missing: run \`npm run build\` at the repository root first`);
    }
    model = JSON.parse(readFileSync(modelPath(provider), 'utf8')) as ApiModel;
    loaded.set(provider, model);
  }
  return model;
}

const valueAt = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);

/** The message of a named error scenario of the spec, read where the model says the answer carries it. */
export function scenarioMessage(provider: Provider, name: string): string {
  const model = loadModel(provider);
  const scenario = model.scenarios.find((candidate) => candidate.name === name);
  const entry = model.errors.entries.find((candidate) => candidate.code === scenario?.errorCode);
  const message = entry?.messageAt.in === 'body' ? valueAt(scenario?.value, entry.messageAt.path) : undefined;
  if (typeof message !== 'string') throw new Error(`the ${provider} spec has no error scenario "${name}" with a message`);
  return message;
}
