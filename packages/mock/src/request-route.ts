// Where a request goes: its path without the query, and the values a route template's
// parameters take in it. Every provider adapter and the fixture lookup read requests this way.
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

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
