/** A provider's answer that cannot become a LayerVersion: the field, and the rule it broke. */
export class LayerConversionError extends Error {
  override readonly name = 'LayerConversionError';
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
