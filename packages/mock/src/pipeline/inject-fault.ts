// The fault stage: the first fault in force that takes this request (every operation's, or the
// one it names) shapes its answer (a provider error, a wait) or its delivery (a dropped
// connection, a cut-off body).
import { setTimeout as delay } from 'node:timers/promises';
import { requestedLayer } from '../state/lookup.js';
import type { Exchange, MockParts } from './exchange.js';

export async function injectFault({ state, adapter }: MockParts, exchange: Exchange): Promise<void> {
  const { request } = exchange;
  // The operation is read before the request's credentials are checked: a fault takes a request as it arrives.
  const operation = state.faults.inForce() ? adapter.operationOf(request) : undefined;
  const taken = state.faults.take(() => ({ operation, layer: operation ? requestedLayer(operation, request) : {} }));
  if (!taken) return;
  exchange.operation ??= operation;
  exchange.fault = { kind: taken.fault.kind, effect: taken.effect };
  if (taken.effect.kind === 'delay') await delay(taken.effect.delayMs);
  if (taken.effect.kind === 'scenario') exchange.answer = adapter.renderError({ kind: 'scenario', name: taken.effect.scenario, operation });
}
