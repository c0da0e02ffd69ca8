// Which layer version a request asks for, read where the model says the provider carries the
// layer's name and version (AWS: the path; Tencent: the JSON body), and the fixture that answers it.
import type { ApiModel } from '@layerspec/specs/model';
import type { ReceivedRequest } from '../answer.js';
import { pathOf, routeParameters } from '../request-route.js';
import { valueAt } from '../model.js';
import type { ServedLayer } from './fixtures.js';

export interface RequestedLayer {
  name?: string;
  /** The version as sent, as text: an int64 is compared exactly. */
  version?: string;
}

export function requestedLayer(model: ApiModel, request: ReceivedRequest): RequestedLayer {
  const result: RequestedLayer = {};
  let body: unknown;
  for (const concept of ['layer-name', 'layer-version'] as const) {
    const input = model.inputs.find((candidate) => candidate.concept === concept);
    if (!input) continue;
    let value: unknown;
    if (input.in === 'path') value = routeParameters(model.operation.path, pathOf(request)).find((parameter) => parameter.name === input.name)?.value;
    else if (input.in === 'body') {
      body ??= parseBody(request.body);
      value = valueAt(body, [input.name]);
    }
    if (typeof value === 'string' || typeof value === 'number') result[concept === 'layer-name' ? 'name' : 'version'] = String(value);
  }
  return result;
}

/**
 * The fixture a request names, by the layer's name or, where the answer carries one, by its
 * layer ARN (AWS takes either as LayerName).
 */
export function findServed(model: ApiModel, served: readonly ServedLayer[], requested: RequestedLayer): ServedLayer | undefined {
  if (requested.name === undefined || requested.version === undefined || !/^-?\d+$/.test(requested.version)) return undefined;
  const version = BigInt(requested.version);
  const arnAt = model.outputs.find((output) => output.in === 'body' && output.concept === 'layer-arn')?.path;
  return served.find((layer) => layer.version === version && (layer.name === requested.name || (arnAt !== undefined && valueAt(layer.result, arnAt) === requested.name)));
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
