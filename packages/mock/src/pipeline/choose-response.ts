// Which answer a request to an operation asks for: its `Prefer` header, else the mock's scenario,
// else the operation's first success example; and the mock's own answer when it cannot honour what was asked.
import type { OperationModel } from '@layerspec/specs/model';
import type { Answer } from '../answer.js';
import { parsePrefer } from '../prefer.js';
import type { LoadedSpec } from '../spec.js';

export interface ResponseChoice {
  code?: number;
  scenario?: string;
  dynamic: boolean;
}

/** The mock's scenario: one name for every operation that has it, or a name per operationId. */
export type MockScenario = string | Readonly<Record<string, string>>;

/** The scenario the mock answers an operation with unless a request asks for another, if any. */
export function mockScenarioFor(operation: OperationModel, scenario: MockScenario | undefined): string | undefined {
  if (scenario === undefined) return undefined;
  const name = typeof scenario === 'string' ? scenario : Object.hasOwn(scenario, operation.id) ? scenario[operation.id] : undefined;
  // One name for every operation: an operation without that example answers as it would without it.
  return name !== undefined && operation.scenarios.some((candidate) => candidate.name === name) ? name : undefined;
}

/** Which response a request to an operation gets: its `Prefer` header, else the mock's scenario, else the operation's default. */
export function chooseResponse(
  spec: LoadedSpec,
  operation: OperationModel,
  preferHeader: string | undefined,
  options: { scenario?: MockScenario | undefined; dynamic?: boolean | undefined },
): ResponseChoice | { error: string } {
  const prefer = parsePrefer(preferHeader);
  if ('error' in prefer) return prefer;
  let { example, code } = prefer;
  if (example === undefined && code === undefined && !prefer.dynamic) example = mockScenarioFor(operation, options.scenario);
  if (example !== undefined) {
    const scenario = operation.scenarios.find((candidate) => candidate.name === example);
    if (!scenario) return { error: `Prefer: example=${example} names no scenario of ${operation.id} on ${spec.provider}` };
    if (code !== undefined && code !== scenario.status) {
      return { error: `Prefer: example=${example} is a ${scenario.status} answer, not ${code}` };
    }
    // A scenario implies its status, so `Prefer: example=` alone reaches error examples too.
    return { code: scenario.status, scenario: example, dynamic: false };
  }
  if (code !== undefined) {
    const first = operation.scenarios.find((candidate) => candidate.status === code);
    const declared = operation.scenarios.map((scenario) => scenario.status);
    if (!first) return { error: `Prefer: code=${code} is not a status ${operation.id} answers with; it answers ${[...new Set(declared)].join(', ')}` };
    const dynamic = prefer.dynamic ?? options.dynamic ?? false;
    return dynamic ? { code, dynamic } : { code, scenario: first.name, dynamic };
  }
  const dynamic = prefer.dynamic ?? options.dynamic ?? false;
  // Without a preference Prism answers the first example of the success response: named here, so
  // the answer is known to come from that example.
  const first = operation.scenarios.find((candidate) => candidate.outcome === 'success');
  return dynamic || !first ? { dynamic } : { code: first.status, scenario: first.name, dynamic };
}

/** Whether a Prefer header names an example or a status, which a mock with fixtures honours over its fixtures. */
export function asksForExample(header: string | undefined): boolean {
  const prefer = parsePrefer(header);
  return !('error' in prefer) && (prefer.example !== undefined || prefer.code !== undefined || prefer.dynamic === true);
}

/**
 * The answer to a `Prefer` the mock cannot honour (a misspelt scenario, an undeclared status):
 * a status, content type and body that neither provider sends, so that no provider-shaped
 * assertion mistakes a typo in a test for the answer it expected.
 */
export function mockUsageError(message: string): Answer {
  return {
    status: 501,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: undefined,
    text: `layerspec-mock cannot answer this request as asked: ${message}\n`,
  };
}
