// Faults on demand: the next requests (a number of them, or all, or only those to one operation or
// naming one layer) get a provider error, a delay, a dropped connection, a cut-off body or any named scenario.
import type { ErrorKind, OperationModel } from '@layerspec/specs/model';
import { type LoadedSpec, firstScenarioOfKind, scenarioNames } from '../spec.js';
import { type RequestedLayer, namesLayer } from './lookup.js';

/** What a fault does to the request it takes. */
export const FAULT_KINDS = ['throttle', 'service-error', 'scenario', 'delay', 'drop', 'cut-off'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A fault as asked for, from JavaScript or the control API. */
export interface FaultRequest {
  kind: FaultKind;
  /** How many requests it takes (default 1), or `all` until faults are cleared. */
  times?: number | 'all';
  /** Only requests to this operation (its operationId); every operation's without it. */
  operation?: string;
  /** Only requests that name this layer (by name, or by an ARN ending in it). */
  layer?: string;
  /** For `scenario`: the spec's named example to answer with. */
  scenario?: string;
  /** For `delay`: milliseconds to wait before answering as usual. */
  delayMs?: number;
}

/** A fault in force, with what remains of it. */
export interface Fault extends FaultRequest {
  id: number;
  /** Requests it still takes; Infinity for `all`. */
  remaining: number;
}

/** A fault's effect on one request: an answer from a scenario, a wait, or no answer at all. */
export type FaultEffect = { kind: 'scenario'; scenario: string } | { kind: 'delay'; delayMs: number } | { kind: 'drop' } | { kind: 'cut-off' };

/** The most faults a mock holds at once: enough for any test, and a caller cannot grow the mock without bound. */
export const MAX_FAULTS = 100;

/** The longest delay a fault may ask for: long enough for any client timeout, short enough not to hang a test run. */
export const MAX_FAULT_DELAY_MS = 120_000;

/** The scenario of each fault that answers with a provider error, by the error's kind in the model. */
const ERROR_KINDS: Partial<Record<FaultKind, ErrorKind>> = { throttle: 'throttled', 'service-error': 'service' };

/** A fault request checked field by field; throws a TypeError that names the field and the rule. */
export function checkFaultRequest(value: unknown, spec: LoadedSpec): FaultRequest {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('a fault must be an object such as {"kind": "throttle"}');
  const fault = value as Record<string, unknown>;
  const known = ['kind', 'times', 'operation', 'layer', 'scenario', 'delayMs'];
  const unknown = Object.keys(fault).find((key) => !known.includes(key));
  if (unknown !== undefined) throw new TypeError(`fault.${unknown} is not a member of a fault; its members are ${known.join(', ')}`);
  if (!FAULT_KINDS.includes(fault.kind as FaultKind)) throw new TypeError(`fault.kind must be one of ${FAULT_KINDS.join(', ')}, got ${JSON.stringify(fault.kind)}`);
  const kind = fault.kind as FaultKind;
  if (fault.times !== undefined && fault.times !== 'all' && !(Number.isInteger(fault.times) && (fault.times as number) >= 1)) {
    throw new TypeError(`fault.times must be a whole number from 1, or "all", got ${JSON.stringify(fault.times)}`);
  }
  const operationIds = Object.keys(spec.model.operations);
  if (fault.operation !== undefined && !(typeof fault.operation === 'string' && operationIds.includes(fault.operation))) {
    throw new TypeError(`fault.operation must be an operation of ${spec.provider}: ${operationIds.join(', ')}; got ${JSON.stringify(fault.operation)}`);
  }
  if (fault.layer !== undefined && (typeof fault.layer !== 'string' || fault.layer === '')) throw new TypeError('fault.layer must be a layer name');
  if (kind === 'scenario') {
    const operation = fault.operation === undefined ? undefined : spec.model.operations[fault.operation as string];
    const names = scenarioNames(spec.model, operation);
    if (typeof fault.scenario !== 'string' || !names.includes(fault.scenario)) {
      const of = operation ? `${operation.id} on ${spec.provider}` : spec.provider;
      throw new TypeError(`fault.scenario must name a scenario of ${of}: ${names.join(', ')}; got ${JSON.stringify(fault.scenario)}`);
    }
  } else if (fault.scenario !== undefined) throw new TypeError(`fault.scenario belongs to a fault of the kind "scenario", not "${kind}"`);
  if (kind === 'delay') {
    if (!(Number.isInteger(fault.delayMs) && (fault.delayMs as number) >= 0 && (fault.delayMs as number) <= MAX_FAULT_DELAY_MS)) {
      throw new TypeError(`fault.delayMs must be a whole number of milliseconds from 0 to ${MAX_FAULT_DELAY_MS}, got ${JSON.stringify(fault.delayMs)}`);
    }
  } else if (fault.delayMs !== undefined) throw new TypeError(`fault.delayMs belongs to a fault of the kind "delay", not "${kind}"`);
  return fault as unknown as FaultRequest;
}

export interface Faults {
  add(request: FaultRequest): Fault;
  list(): Fault[];
  clear(): void;
  /** Whether any fault is in force. */
  inForce(): boolean;
  /**
   * The effect on a request of the first fault that takes it, which then has one use fewer. The
   * request's operation and layer are read only when some fault is in force.
   */
  take(requested: () => { operation: OperationModel | undefined; layer: RequestedLayer }): { fault: Fault; effect: FaultEffect } | undefined;
}

export function createFaults(spec: LoadedSpec): Faults {
  let faults: Fault[] = [];
  let nextId = 1;
  const effectOf = (fault: Fault, operation?: OperationModel): FaultEffect => {
    const errorKind = ERROR_KINDS[fault.kind];
    if (errorKind) return { kind: 'scenario', scenario: firstScenarioOfKind(spec, errorKind, operation) };
    if (fault.kind === 'scenario') return { kind: 'scenario', scenario: fault.scenario! };
    if (fault.kind === 'delay') return { kind: 'delay', delayMs: fault.delayMs ?? 0 };
    return { kind: fault.kind as 'drop' | 'cut-off' };
  };
  return {
    add(request) {
      if (faults.length >= MAX_FAULTS)
        throw new TypeError(`a mock holds at most ${MAX_FAULTS} faults; clear them first (DELETE /__layerspec/faults, or mock.clearFaults())`);
      const fault: Fault = { ...request, id: nextId++, remaining: request.times === 'all' ? Number.POSITIVE_INFINITY : (request.times ?? 1) };
      // A spec without a throttling or service example fails here, when the fault is asked for.
      effectOf(fault);
      faults.push(fault);
      return { ...fault };
    },
    list: () => faults.map((fault) => ({ ...fault })),
    inForce: () => faults.length > 0,
    clear() {
      faults = [];
    },
    take(requested) {
      if (faults.length === 0) return undefined;
      const { operation, layer } = requested();
      const fault = faults.find(
        (candidate) =>
          (candidate.operation === undefined || candidate.operation === operation?.id) && (candidate.layer === undefined || namesLayer(layer, candidate.layer)),
      );
      if (!fault) return undefined;
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults = faults.filter((candidate) => candidate !== fault);
      return { fault: { ...fault }, effect: effectOf(fault, operation) };
    },
  };
}
