// How an operation answers from fixtures. An operation is given a handler by the concepts its
// inputs and outputs carry, never by its name: the one whose inputs name a layer and a version and
// whose answer describes it reads that version; one whose inputs name a layer and whose answer is
// a list of versions lists them.
// An operation with no handler answers from the spec's examples, fixtures or not.
import type { ApiModel, OperationModel } from '@layerspec/specs/model';
import type { ReceivedRequest, Violation } from '../answer.js';
import { placeAt, valueAt } from '../model.js';
import { firstScenarioOfKind, type LoadedSpec } from '../spec.js';
import { type ListShape, type ServedLayer, listShape, readOperation, readsLayerVersion, withArchiveOrigin } from './fixtures.js';
import { conceptValues, findServed, isLayerNamed, requestedLayer } from './lookup.js';

/**
 * What a handler answers: a result (without its envelope or request ID), a named example of the
 * operation, or the rules the request broke that only the fixtures show (a page token the mock never gave).
 */
export type FixtureAnswer = { result: Record<string, unknown> } | { scenario: string } | { violations: Violation[] };

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

/** The concepts of a list's paging: the page size and token a request sends, and the token of the next page an answer carries. */
const PAGING = { size: 'page-size', token: 'page-token', next: 'next-page-token' } as const;

/**
 * A page token the mock makes: the layer's name and the first version of the next page, in
 * base64url, as opaque to a client as the provider's (the spec's example token has this form).
 */
const pageToken = (layer: ServedLayer) => Buffer.from(`${layer.name}:${layer.version}`).toString('base64url');

/**
 * Lists the versions of a layer, newest first (the order AWS lists in, as LocalStack's parity
 * snapshots recorded it; Tencent states no order, so it gets the same), kept by every filter the
 * request gives (an input whose concept an item carries, such as the compatible runtimes), and
 * paged where the operation pages.
 */
function listLayerVersions(shape: ListShape): FixtureHandler {
  return ({ spec, operation, served, request }) => {
    const values = conceptValues(operation, request);
    const { name } = requestedLayer(operation, request);
    const versions = served.filter((layer) => layer.visible && isLayerNamed(layer, name) && layer.items[operation.id] !== undefined);
    if (versions.length === 0) return { scenario: missingLayerScenario(spec, operation, shape) };
    const itemConcepts = new Set(shape.members.flatMap((member) => ('concept' in member ? [member.concept] : [])));
    const filters = [...values].filter(([concept]) => itemConcepts.has(concept) && concept !== 'layer-name');
    const listed = versions
      .filter((layer) => filters.every(([concept, wanted]) => keeps(itemValue(layer, operation, shape, concept), wanted)))
      .sort((a, b) => (a.version === b.version ? 0 : a.version > b.version ? -1 : 1));
    const nextAt = operation.outputs.find((output) => output.in === 'body' && output.concept === PAGING.next)?.path;
    const sizeInput = operation.inputs.find((input) => input.concept === PAGING.size);
    const tokenInput = operation.inputs.find((input) => input.concept === PAGING.token);
    if (!nextAt || !sizeInput)
      return {
        result: placeAt(
          shape.path,
          listed.map((layer) => layer.items[operation.id]),
        ),
      };
    // The provider's most items per page (the input's maximum) when the request asks for no fewer.
    const size = Number(values.get(PAGING.size) ?? sizeInput.maximum ?? listed.length);
    const token = values.get(PAGING.token);
    let start = 0;
    if (token !== undefined) {
      start = listed.findIndex((layer) => pageToken(layer) === token);
      if (start === -1) {
        const where = tokenInput?.in ?? 'query';
        const message = `Member must be a token that an earlier answer of ${operation.id} gave for this layer and these filters`;
        return { violations: [{ location: [where, (tokenInput?.name ?? PAGING.token).toLowerCase()], code: PAGING.token, message }] };
      }
    }
    const page = listed.slice(start, start + size);
    const next = listed[start + size];
    const result = placeAt(
      shape.path,
      page.map((layer) => layer.items[operation.id]),
    );
    return { result: next ? placeAt(nextAt, pageToken(next), result) : result };
  };
}

/** An item member's value by its concept. */
function itemValue(layer: ServedLayer, operation: OperationModel, shape: ListShape, concept: string): unknown {
  const member = shape.members.find((candidate) => 'concept' in candidate && candidate.concept === concept);
  return member ? layer.items[operation.id]?.[member.name] : undefined;
}

/** Whether a filter keeps a value: one of the wanted values is the value, or is in it (a list of runtimes). */
function keeps(value: unknown, wanted: unknown): boolean {
  const wants = Array.isArray(wanted) ? wanted : [wanted];
  const has = Array.isArray(value) ? value : [value];
  return wants.some((one) => has.includes(one));
}

/**
 * The provider's answer to a list of a layer it does not have, as the spec's examples tell it: a
 * success example whose list is empty (AWS answers an empty list), else the operation's not-found
 * error (Tencent's `ResourceNotFound.Layer`).
 */
function missingLayerScenario(spec: LoadedSpec, operation: OperationModel, shape: ListShape): string {
  const empty = operation.scenarios.find((scenario) => {
    if (scenario.outcome !== 'success') return false;
    const list = valueAt(scenario.value, [...operation.result, ...shape.path]);
    return Array.isArray(list) && list.length === 0;
  });
  return empty?.name ?? firstScenarioOfKind(spec, 'not-found', operation);
}

/**
 * The handler of an operation, if it reads or lists layers. Another operation of a layer version
 * (its policy, say) answers from the spec's examples: fixtures describe versions, nothing else.
 */
export function fixtureHandler(model: ApiModel, operation: OperationModel): FixtureHandler | undefined {
  if (!carries(operation, 'layer-name')) return undefined;
  // Fixtures are made into the result of the one operation that reads a version.
  if (readsLayerVersion(operation)) return readOperation(model).id === operation.id ? readLayerVersion : undefined;
  if (carries(operation, 'layer-version')) return undefined;
  const shape = listShape(operation);
  return shape ? listLayerVersions(shape) : undefined;
}
