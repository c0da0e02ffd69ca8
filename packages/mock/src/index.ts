export { startMock, createMockHandler, type StartMockOptions, type RunningMock } from './server.js';
export { PROVIDERS, type Provider, type Scenario, loadSpec, UnknownScenarioError } from './spec.js';
export type { Answer, ReceivedRequest } from './answer.js';
export { defaultTestCredentials, type TestCredentials } from './signatures/index.js';
export { DEFAULT_PORTS } from './ports.js';

import { loadSpec, type Provider } from './spec.js';

/** The scenario names of a provider, as its spec's named examples list them. */
export function listScenarioNames(provider: Provider): string[] {
  return loadSpec(provider).scenarios.map((scenario) => scenario.name);
}
