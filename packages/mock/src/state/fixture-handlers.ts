// How an operation answers from fixtures. An operation is given a handler by the concepts its
// inputs and outputs carry, never by its name: one whose inputs name a layer and a version reads
// that version. An operation with no handler answers from the spec's examples, fixtures or not.
import type { ApiModel, OperationModel } from '@layerspec/specs/model';
import type { ReceivedRequest } from '../answer.js';
import { firstScenarioOfKind, type LoadedSpec } from '../spec.js';
import { type ServedLayer, withArchiveOrigin } from './fixtures.js';
import { findServed, requestedLayer } from './lookup.js';

/** What a handler answers: a result (without its envelope or request ID), or a named example of the operation. */
export type FixtureAnswer = { result: Record<string, unknown> } | { scenario: string };

export interface FixtureRequest {
  spec: LoadedSpec;
  operation: OperationModel;
  served: readonly ServedLayer[];
  request: ReceivedRequest;
  /** The mock's own address, for the Location of archives it serves. */
  origin: string;
}

export type FixtureHandler = (request: FixtureRequest) => FixtureAnswer;

const carries = (operation: OperationModel, concept: string) => operation.inputs.some((input) => input.concept === concept);

/** Reads one layer version: the fixture's result, or the operation's not-found answer (AWS shows only available versions). */
const readLayerVersion: FixtureHandler = ({ spec, operation, served, request, origin }) => {
  const layer = findServed(served, requestedLayer(operation, request));
  return layer?.visible ? { result: withArchiveOrigin(spec.provider, layer, origin) } : { scenario: firstScenarioOfKind(spec, 'not-found', operation) };
};

/** The handler of an operation, if it reads layers. */
export function fixtureHandler(_model: ApiModel, operation: OperationModel): FixtureHandler | undefined {
  if (carries(operation, 'layer-name') && carries(operation, 'layer-version')) return readLayerVersion;
  return undefined;
}
