// The anchored patterns accept what the providers accept and nothing else.
import { describe, expect, it } from 'vitest';
import { effectiveSchema, loadBundle, resolvePointer, type ApiName } from './bundles.js';
import { createValidator } from './validator.js';

function checker(api: ApiName, at: string) {
  const doc = loadBundle(api);
  const schema = effectiveSchema(doc, resolvePointer(doc, at));
  const validator = createValidator(api, doc);
  return (value: string) => validator.validate(schema, value).length === 0;
}

const awsName = checker('aws-lambda', '#/components/schemas/LayerName');
const awsLayerArn = checker('aws-lambda', '#/components/schemas/LayerArn');
const awsVersionArn = checker('aws-lambda', '#/components/schemas/LayerVersionArn');
const tcName = checker('tencent-scf', '#/components/schemas/LayerName');

describe('AWS Lambda LayerName', () => {
  it.each([
    'my-layer',
    'my_layer',
    'L',
    'layer-1_2-3',
    'a'.repeat(140),
    '123',
    '-',
    '_',
    'arn:aws:lambda:us-west-2:123456789012:layer:my-layer',
    'arn:aws-cn:lambda:cn-north-1:123456789012:layer:x',
    'arn:aws-us-gov:lambda:us-gov-west-1:000000000000:layer:my_layer-2',
  ])('accepts %s', (name) => expect(awsName(name)).toBe(true));

  it.each([
    '',
    'my layer',
    'my.layer',
    'layer/1',
    '../etc',
    '%2F',
    'layér',
    'a'.repeat(141),
    'x\n',
    '\nx',
    ' x',
    'arn:aws:lambda:us-west-2:12345678901:layer:short-account',
    'arn:aws:lambda:us-west-2:123456789012:layer:my-layer:1',
    'arn:aws:s3:us-west-2:123456789012:layer:my-layer',
    'arn:aws:lambda:us-west-2:123456789012:function:my-fn',
    'prefix arn:aws:lambda:us-west-2:123456789012:layer:my-layer',
    'my-layer;drop',
  ])('rejects %j', (name) => expect(awsName(name)).toBe(false));
});

describe('AWS Lambda LayerName as Lambda writes it', () => {
  const schema = resolvePointer(loadBundle('aws-lambda'), '#/components/schemas/LayerName');
  const provider = new RegExp(`^(?:${schema['x-layerspec-provider-pattern']})$`);
  const anchored = new RegExp(schema.pattern);

  it('is the anchored pattern without its anchors: both agree on every name', () => {
    for (const name of ['my-layer', 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer', 'my layer', 'arn:aws:s3:::b', 'a:b', '']) {
      expect(provider.test(name)).toBe(anchored.test(name));
    }
    expect(schema['x-layerspec-provider-pattern']).not.toMatch(/^\^|\$$/);
  });
});

describe('AWS Lambda ARNs in answers', () => {
  it('LayerArn takes a layer ARN without a version', () => {
    expect(awsLayerArn('arn:aws:lambda:us-east-1:123456789012:layer:my-layer')).toBe(true);
    expect(awsLayerArn('arn:aws:lambda:us-east-1:123456789012:layer:my-layer:1')).toBe(false);
    expect(awsLayerArn('my-layer')).toBe(false);
  });

  it('LayerVersionArn takes a layer ARN with a version', () => {
    expect(awsVersionArn('arn:aws:lambda:us-east-1:123456789012:layer:my-layer:1')).toBe(true);
    expect(awsVersionArn('arn:aws:lambda:us-east-1:123456789012:layer:my-layer')).toBe(false);
    expect(awsVersionArn('arn:aws:lambda:us-east-1:123456789012:layer:my-layer:v1')).toBe(false);
    expect(awsVersionArn('arn:aws:lambda:us-east-1:123456789012:layer:my-layer:1 ')).toBe(false);
  });
});

describe('Tencent SCF LayerName', () => {
  it.each(['abc', 'layer3', 'A', 'my-layer_2', 'a'.repeat(64)])('accepts %s', (name) => expect(tcName(name)).toBe(true));
  it.each(['', '3layer', '-layer', 'layer-', 'layer_', 'my layer', 'a'.repeat(65), '../x', 'lay%2Fer', '层'])('rejects %j', (name) => expect(tcName(name)).toBe(false));
});
