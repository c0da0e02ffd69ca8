// The mock stage: the answer a valid request gets, from the fixtures when the mock serves some, the
// operation reads or lists layers and the request names no example; else the example or data
// Prism picked, in the provider's shape.
import { atResultPath } from '../model.js';
import { fixtureHandler } from '../state/fixture-handlers.js';
import { asksForExample } from './choose-response.js';
import type { Exchange, MockParts } from './exchange.js';

export function mock({ spec, adapter, state }: MockParts, exchange: Exchange): void {
  const { request } = exchange;
  const operation = exchange.operation;
  if (!operation) throw new Error('the mock stage runs only after the request was read into an operation');
  const served = state.served();
  // With fixtures, a request that names no example answers from them; Prism has still checked it against the spec.
  const handler = served && !asksForExample(request.headers.prefer) ? fixtureHandler(spec.model, operation) : undefined;
  if (served && handler) {
    const answered = handler({ spec, operation, served, request, origin: exchange.origin });
    if ('scenario' in answered) {
      exchange.answer = adapter.renderError({ kind: 'scenario', name: answered.scenario, operation });
      return;
    }
    if ('violations' in answered) {
      exchange.answer = adapter.renderError({ kind: 'invalid-request', operation, violations: answered.violations, request, fixtures: true });
      return;
    }
    const status = operation.scenarios.find((scenario) => scenario.outcome === 'success')?.status ?? 200;
    // A shallow copy: only the request ID is set on it, and the fixture's result itself is never changed.
    exchange.answer = adapter.renderResult(operation, { status, headers: {}, body: atResultPath(operation, { ...answered.result }) });
    return;
  }
  const result = exchange.prism;
  if (result?._tag !== 'Right') throw new Error('the mock stage runs only after Prism has answered');
  const { output } = result.right;
  const choice = exchange.choice!;
  exchange.answer = adapter.renderResult(
    operation,
    { status: output.statusCode, headers: (output.headers ?? {}) as Record<string, string>, body: output.body },
    choice.dynamic ? undefined : choice.scenario,
  );
}
