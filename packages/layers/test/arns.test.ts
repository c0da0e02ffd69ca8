import { describe, expect, it } from 'vitest';
import { readLayerVersionArn, writeLayerArn, writeLayerVersionArn } from '../src/arns.js';
import { example, getOperation } from './helpers.js';

const patternOf = (name: string) => {
  const pattern = getOperation('aws-lambda').outputs.find((o) => o.name === name)?.pattern;
  if (pattern === undefined) throw new Error(`the aws-lambda model gives ${name} no pattern`);
  return new RegExp(pattern, 'u');
};
const parts = { partition: 'aws', region: 'us-west-2', account: '123456789012', name: 'my-layer' };

describe('layer ARNs', () => {
  it("are written as the spec's example writes them, matching the spec's LayerArn and LayerVersionArn patterns", () => {
    const answer = example('aws-lambda', 'python-layer');
    expect(writeLayerArn(parts)).toBe(answer.LayerArn);
    expect(writeLayerVersionArn(parts, 1)).toBe(answer.LayerVersionArn);
    expect(writeLayerArn(parts)).toMatch(patternOf('LayerArn'));
    expect(writeLayerVersionArn(parts, 9007199254740991)).toMatch(patternOf('LayerVersionArn'));
  });

  it('read back to the parts they were written from', () => {
    expect(readLayerVersionArn(writeLayerVersionArn({ ...parts, partition: 'aws-cn', region: 'cn-north-1' }, 42))).toEqual({
      ...parts,
      partition: 'aws-cn',
      region: 'cn-north-1',
      version: '42',
    });
  });

  it('read nothing from a layer ARN without its version, or from what is not an ARN', () => {
    expect(readLayerVersionArn(writeLayerArn(parts))).toBeUndefined();
    expect(readLayerVersionArn('my-layer')).toBeUndefined();
    expect(readLayerVersionArn(7)).toBeUndefined();
  });
});
