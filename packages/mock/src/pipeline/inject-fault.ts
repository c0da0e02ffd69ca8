// The fault stage: the first fault in force that takes this request shapes its answer (a provider
// error, a wait) or its delivery (a dropped connection, a cut-off body).
import { setTimeout as delay } from 'node:timers/promises';
import { requestedLayer } from '../state/lookup.js';
import type { Exchange, MockParts } from './exchange.js';

export async function injectFault({ spec, state, adapter }: MockParts, exchange: Exchange): Promise<void> {
  const taken = state.faults.take(() => requestedLayer(spec.model, exchange.request));
  if (!taken) return;
  exchange.fault = { kind: taken.fault.kind, effect: taken.effect };
  if (taken.effect.kind === 'delay') await delay(taken.effect.delayMs);
  if (taken.effect.kind === 'scenario') exchange.answer = adapter.renderScenario(taken.effect.scenario);
}
