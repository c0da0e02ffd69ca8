import type { LambdaError } from '@layerspec/aws-lambda';

/** The neutral class of a failure, the clients' own (`not-found`, `throttled`, ...). */
export type ErrorKind = LambdaError['kind'];

/** A provider's answer that cannot become a LayerVersion: the field, and the rule it broke. */
export class LayerConversionError extends Error {
  override readonly name = 'LayerConversionError';
  /** An answer that breaks its spec is an invalid response, as the clients name it. */
  readonly kind: ErrorKind = 'invalid-response';
  constructor(
    /** The provider whose answer it is. */
    readonly provider: string,
    /** The answer's field, as a dotted path from the result (`Content.CodeSha256`). */
    readonly field: string,
    rule: string,
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
