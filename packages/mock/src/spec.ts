// What the mock serves for a provider: its model (model.ts), which is all the mock reads itself,
// and its bundled spec for Prism, which follows the spec's `$ref`s on its own.
import type { ApiModel, ErrorKind, OperationModel, ScenarioModel } from '@layerspec/specs/model';
import { loadModel, operationsOf, readBuilt, scenarioOf, specPath } from './model.js';
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

/** The scenario names of an operation, or of every operation (each name once, in the spec's order). */
export function scenarioNames(model: ApiModel, operation?: OperationModel): string[] {
  const scenarios = operation ? operation.scenarios : operationsOf(model).flatMap((each) => each.scenarios);
  return [...new Set(scenarios.map((scenario) => scenario.name))];
}

/** A named example of the operation (or, where it has none of that name, of another operation); UnknownScenarioError when no operation has it. */
export function findScenario(spec: LoadedSpec, name: string, operation?: OperationModel): Scenario {
  const scenario = scenarioOf(spec.model, name, operation);
  if (!scenario) throw new UnknownScenarioError(spec.provider, name, scenarioNames(spec.model, operation));
  return scenario;
}

/** The first error scenario whose error is of a kind (invalid-input, service, ...), the operation's own first. */
export function firstScenarioOfKind(spec: LoadedSpec, kind: ErrorKind, operation?: OperationModel): string {
  const codes = new Set(spec.model.errors.entries.filter((entry) => entry.kind === kind).map((entry) => entry.code));
  const candidates = [...(operation ? [operation] : []), ...operationsOf(spec.model)].flatMap((each) => each.scenarios);
  const scenario = candidates.find((candidate) => candidate.errorCode !== undefined && codes.has(candidate.errorCode));
  if (!scenario) throw new Error(`the ${spec.provider} spec has no example of an error of the kind ${kind}`);
  return scenario.name;
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
