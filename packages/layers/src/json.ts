// A LayerVersion as JSON, the shape layer-version.schema.json describes: createdAt as its ISO
// 8601 instant (Date's own toJSON), and a bigint (an integer beyond 2^53) as its decimal text,
// which JSON.stringify would otherwise refuse.
import type { LayerVersion, Provider } from './layer-version.js';

/** The JSON text of a LayerVersion. */
export function layerVersionJson(layer: LayerVersion<Provider, unknown>, space?: number): string {
  return JSON.stringify(layer, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), space);
}
