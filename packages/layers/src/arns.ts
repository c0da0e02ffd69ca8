// The ARN of an AWS Lambda layer and of one of its versions, read and written in one place:
// `arn:aws:lambda:us-west-2:123456789012:layer:my-layer` and the same with `:1` after it.
// Whether an ARN keeps the spec's rules (its pattern, its length) is checked against the spec by
// whoever writes it; reading takes any ARN of this form.

/** What an AWS layer version ARN carries. */
export interface LayerArnParts {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly name: string;
}

/** The partition of every public AWS region; the China and GovCloud regions have their own. */
export const defaultPartition = 'aws';

const LAYER_VERSION_ARN = /^arn:([^:]+):lambda:([^:]+):(\d+):layer:([^:]+):(\d+)$/;

/** The parts of a layer version ARN, with its version as decimal text; undefined when it is none. */
export function readLayerVersionArn(arn: unknown): (LayerArnParts & { readonly version: string }) | undefined {
  if (typeof arn !== 'string') return undefined;
  const parts = LAYER_VERSION_ARN.exec(arn);
  if (!parts) return undefined;
  const [, partition = '', region = '', account = '', name = '', version = ''] = parts;
  return { partition, region, account, name, version };
}

/** The ARN of a layer: `arn:<partition>:lambda:<region>:<account>:layer:<name>`. */
export function writeLayerArn({ partition, region, account, name }: LayerArnParts): string {
  return `arn:${partition}:lambda:${region}:${account}:layer:${name}`;
}

/** The ARN of one version of a layer: the layer's ARN, `:` and the version. */
export function writeLayerVersionArn(layer: LayerArnParts, version: number | bigint): string {
  return `${writeLayerArn(layer)}:${version}`;
}
