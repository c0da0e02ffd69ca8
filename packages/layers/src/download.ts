// downloadLayerVersion: the archive of a LayerVersion, fetched by its provider's client and
// verified against the LayerVersion's own archive fields. The client reads an answer of its own
// shape, so those fields are put back where the generated mapping says the answer carries them.
import type { LayerVersion } from './layer-version.js';
import { operationFor, type Provider } from './operations.js';

/** The part of the provider's answer the client's download reads: location, SHA-256 in the provider's encoding, size. */
export function archiveAnswer(layer: LayerVersion<Provider, unknown>): Record<string, unknown> {
  const answer: Record<string, unknown> = {};
  const { archive } = layer;
  for (const entry of operationFor(layer.provider as Provider, 'getLayerVersion').fields) {
    const value =
      entry.field === 'archive.location'
        ? archive.location
        : entry.field === 'archive.size'
          ? archive.size
          : entry.field === 'archive.sha256' && 'encoding' in entry
            ? archive.sha256?.[entry.encoding.as]
            : undefined;
    if (value === undefined) continue;
    let at = answer;
    for (const key of entry.from.slice(0, -1)) {
      at[key] ??= {};
      at = at[key] as Record<string, unknown>;
    }
    at[entry.from[entry.from.length - 1] as string] = value;
  }
  return answer;
}
