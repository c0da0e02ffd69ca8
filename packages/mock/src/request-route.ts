// Where a request goes: its path without the query, and the values a route template's
// parameters take in it. Every provider adapter and the fixture lookup read requests this way.
import type { OperationModel } from '@layerspec/specs/model';
import type { ReceivedRequest } from './answer.js';

/** The parameters of a route template (`/layers/{LayerName}/...`) in a path, each with its decoded value and segment index. */
export function routeParameters(route: string, path: string): { name: string; value: string; index: number }[] {
  const template = route.split('/');
  const actual = path.split('/');
  if (template.length !== actual.length) return [];
  return template.flatMap((part, index) => {
    const match = /^\{(.+)\}$/.exec(part);
    return match ? [{ name: match[1]!, value: safeDecode(actual[index]!), index }] : [];
  });
}

/** The request's path, without its query. */
export function pathOf(request: ReceivedRequest): string {
  const query = request.url.indexOf('?');
  return query === -1 ? request.url : request.url.slice(0, query);
}

/** The request's query parameters, decoded, in order. */
export function queryParameters(request: ReceivedRequest): URLSearchParams {
  const query = request.url.indexOf('?');
  return new URLSearchParams(query === -1 ? '' : request.url.slice(query + 1));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The operation whose method and route template a request matches. A template's literal segments
 * must match exactly and a parameter takes any segment (an empty one too, which the operation's
 * rules then refuse); where two templates match, the one with more literal segments wins, as in Prism.
 */
export function routeOperation(operations: readonly OperationModel[], method: string, path: string): OperationModel | undefined {
  const actual = path.split('/');
  let best: { operation: OperationModel; literals: number } | undefined;
  for (const operation of operations) {
    if (operation.method !== method) continue;
    const template = operation.path.split('/');
    if (template.length !== actual.length) continue;
    let literals = 0;
    const matches = template.every((part, index) => {
      if (/^\{.+\}$/.test(part)) return true;
      literals += 1;
      return part === actual[index];
    });
    if (matches && (!best || literals > best.literals)) best = { operation, literals };
  }
  return best?.operation;
}
