import type { LambdaError } from '@layerspec/aws-lambda';

/** The neutral class of a failure, the clients' own (`not-found`, `throttled`, ...). */
export type ErrorKind = LambdaError['kind'];

/**
 * A provider's answer that cannot become a LayerVersion (toLayerVersion), or a layer that cannot
 * become a provider's answer (fromLayerVersion): the field, and the rule it broke.
 */
export class LayerConversionError extends Error {
  override readonly name = 'LayerConversionError';
  constructor(
    /** The provider whose answer it is or would be. */
    readonly provider: string,
    /**
     * toLayerVersion: the answer's field, as a dotted path from the result (`Content.CodeSha256`).
     * fromLayerVersion: the layer's field (`createdAt`, `archive.sha256`, `runtimes[0]`).
     */
    readonly field: string,
    rule: string,
    /**
     * `invalid-response`, as the clients name an answer that breaks its spec (toLayerVersion), or
     * `invalid-input` for a layer that cannot be written (fromLayerVersion).
     */
    readonly kind: ErrorKind = 'invalid-response',
  ) {
    super(`${provider} ${field}: ${rule}`);
  }
}

/** A call of a provider's client failed: its neutral `kind`, with the client's error as `cause`. */
export class LayersError extends Error {
  override readonly name = 'LayersError';
  constructor(
    readonly provider: string,
    readonly kind: ErrorKind,
    message: string,
    cause?: unknown,
  ) {
    super(`${provider}: ${message}`, cause === undefined ? undefined : { cause });
  }
}
