export { startMock, createMockHandler, type StartMockOptions, type RunningMock } from './server.js';
export { PROVIDERS, type Provider, type Scenario, loadSpec, UnknownScenarioError } from './spec.js';
export type { Answer, ReceivedRequest } from './answer.js';
export { defaultTestCredentials, type TestCredentials } from './signatures/index.js';
export { DEFAULT_PORTS } from './ports.js';
export { PREFER_HEADER } from './prefer.js';
export { CONTROL_ENDPOINTS } from './state/control.js';
export { CONTROL_PREFIX, CONTROL_TOKEN_HEADER } from './state/control-guard.js';
export { FAULT_KINDS, type Fault, type FaultKind, type FaultRequest } from './state/faults.js';
export { DEFAULT_ACCOUNT, FixtureError, type FixtureArchive, type FixtureLayer, type FixtureSet, type ProviderOverride } from './state/fixtures.js';
export { type Har, journalToHar } from './state/har.js';
export type { JournalAnswer, JournalEntry, SignatureCheck } from './state/journal-entry.js';

import { loadModel } from './model.js';
import { type Provider, scenarioNames } from './spec.js';

/** The scenario names of a provider (of one of its operations, by operationId), as its model lists the spec's named examples. */
export function listScenarioNames(provider: Provider, operationId?: string): string[] {
  const model = loadModel(provider);
  if (operationId !== undefined && !Object.hasOwn(model.operations, operationId)) throw new TypeError(`${provider} has no operation ${operationId}`);
  return scenarioNames(model, operationId === undefined ? undefined : model.operations[operationId]);
}
