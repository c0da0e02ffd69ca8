// What the mock serves for a provider: its model (model.ts), which is all the mock reads itself,
// and its bundled spec for Prism, which follows the spec's `$ref`s on its own.
import type { ApiModel, ScenarioModel } from '@layerspec/specs/model';
import { loadModel, readBuilt, specPath } from './model.js';
import type { Provider } from './providers.js';

export { PROVIDERS, type Provider, isProvider } from './providers.js';
export { specPath };

/** A named response example of the spec, as the model lists it: name, status, outcome, error code, headers, body. */
export type Scenario = ScenarioModel;

export interface LoadedSpec {
  provider: Provider;
  /** The provider's model, a copy of its own per mock. */
  model: ApiModel;
  /** The bundle, for Prism. */
  prismDocument: Record<string, unknown>;
}

export function loadSpec(provider: Provider): LoadedSpec {
  return { provider, model: structuredClone(loadModel(provider)), prismDocument: readBuilt(specPath(provider)) as Record<string, unknown> };
}

export function findScenario(spec: LoadedSpec, name: string): Scenario {
  const scenario = spec.model.scenarios.find((candidate) => candidate.name === name);
  if (!scenario) {
    throw new UnknownScenarioError(
      spec.provider,
      name,
      spec.model.scenarios.map((s) => s.name),
    );
  }
  return scenario;
}

export class UnknownScenarioError extends Error {
  override readonly name = 'UnknownScenarioError';
  constructor(
    readonly provider: Provider,
    readonly scenario: string,
    readonly validScenarios: string[],
  ) {
    super(`${provider} has no scenario "${scenario}"; the spec's scenarios are: ${validScenarios.join(', ')}`);
  }
}
