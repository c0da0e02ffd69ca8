// The mock stage: the answer a valid request gets, from the fixtures when the mock serves some
// (and the request names no example), else the example or data Prism picked, in the provider's shape.
import { withArchiveOrigin } from '../state/fixtures.js';
import { findServed, requestedLayer } from '../state/lookup.js';
import { firstScenarioOfKind } from '../spec.js';
import { asksForExample } from './choose-response.js';
import type { Exchange, MockParts } from './exchange.js';

export function mock({ spec, adapter, state }: MockParts, exchange: Exchange): void {
  const { request } = exchange;
  const served = state.served();
  // With fixtures, a request that names no example answers from them; Prism has still checked it against the spec.
  if (served && !asksForExample(request.headers.prefer)) {
    const layer = findServed(spec.model, served, requestedLayer(spec.model, request));
    exchange.answer = layer?.visible
      ? adapter.answerResult(withArchiveOrigin(spec.provider, layer, exchange.origin))
      : adapter.renderScenario(firstScenarioOfKind(spec, 'not-found'));
    return;
  }
  const result = exchange.prism;
  if (result?._tag !== 'Right') throw new Error('the mock stage runs only after Prism has answered');
  const { output } = result.right;
  const choice = exchange.choice!;
  exchange.answer = adapter.finish(
    { status: output.statusCode, headers: (output.headers ?? {}) as Record<string, string>, body: output.body },
    choice.dynamic ? undefined : choice.scenario,
  );
}
