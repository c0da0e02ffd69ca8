// What a request asks of the fixtures, read where the operation's inputs say the provider carries
// each value (AWS: the path and query; Tencent: the JSON body), by the concept each input carries.
import type { OperationModel } from '@layerspec/specs/model';
import type { ReceivedRequest } from '../answer.js';
import { pathOf, queryParameters, routeParameters } from '../request-route.js';
import type { ServedLayer } from './fixtures.js';

export interface RequestedLayer {
  name?: string;
  /** The version as sent, as text: an int64 is compared exactly. */
  version?: string;
}

/** The values a request gives the operation's inputs that carry a concept, by concept (a repeated query parameter or a JSON array as a list). */
export function conceptValues(operation: OperationModel, request: ReceivedRequest): Map<string, unknown> {
  const values = new Map<string, unknown>();
  let body: unknown;
  let query: URLSearchParams | undefined;
  for (const input of operation.inputs) {
    if (!input.concept) continue;
    let value: unknown;
    if (input.in === 'path') value = routeParameters(operation.path, pathOf(request)).find((parameter) => parameter.name === input.name)?.value;
    else if (input.in === 'query') {
      query ??= queryParameters(request);
      const all = query.getAll(input.name);
      value = all.length === 0 ? undefined : input.type === 'array' ? all : all[0];
    } else if (input.in === 'body') {
      body ??= parseBody(request.body);
      value = body !== null && typeof body === 'object' && Object.hasOwn(body, input.name) ? (body as Record<string, unknown>)[input.name] : undefined;
    } else value = request.headers[input.name.toLowerCase()];
    if (value !== undefined) values.set(input.concept, value);
  }
  return values;
}

/** The layer a request names, and its version when it names one. */
export function requestedLayer(operation: OperationModel, request: ReceivedRequest): RequestedLayer {
  const values = conceptValues(operation, request);
  const result: RequestedLayer = {};
  for (const [concept, key] of [
    ['layer-name', 'name'],
    ['layer-version', 'version'],
  ] as const) {
    const value = values.get(concept);
    if (typeof value === 'string' || typeof value === 'number') result[key] = String(value);
  }
  return result;
}

/** Whether a served layer is the one a request names: by the layer's name or by its layer ARN (AWS takes either as LayerName). */
export function isLayerNamed(layer: ServedLayer, name: string | undefined): boolean {
  return name !== undefined && (layer.name === name || (layer.arn !== undefined && layer.arn === name));
}

/** The fixture of the layer version a request names. */
export function findServed(served: readonly ServedLayer[], requested: RequestedLayer): ServedLayer | undefined {
  if (requested.name === undefined || requested.version === undefined || !/^-?\d+$/.test(requested.version)) return undefined;
  const version = BigInt(requested.version);
  return served.find((layer) => layer.version === version && isLayerNamed(layer, requested.name));
}

/** Whether a request names a layer: by name, or by an ARN that ends in that name. */
export function namesLayer(requested: RequestedLayer, name: string): boolean {
  return requested.name === name || (requested.name?.endsWith(`:${name}`) ?? false);
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
