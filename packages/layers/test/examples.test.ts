// Every named success example of both specs becomes a LayerVersion whose fields are checked
// against values computed by hand (instants in UTC, both forms of each digest).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Answers, toLayerVersion } from '../src/index.js';
import { example, successExamples } from './helpers.js';

describe('AWS Lambda examples', () => {
  it('python-layer: every field', () => {
    const raw = example('aws-lambda', 'python-layer');
    const layer = toLayerVersion('aws-lambda', raw);
    expect(layer).toEqual({
      provider: 'aws-lambda',
      name: 'my-layer',
      version: 1,
      arn: 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer:1',
      region: 'us-west-2',
      description: 'My Python layer',
      license: 'MIT',
      createdAt: new Date('2018-11-14T23:03:52.894Z'),
      runtimes: [
        { name: 'python3.6', language: 'python', version: '3.6' },
        { name: 'python3.7', language: 'python', version: '3.7' },
      ],
      status: 'available',
      archive: {
        location:
          'https://awslambda-us-west-2-layers.s3.us-west-2.amazonaws.com/snapshots/123456789012/my-layer-4aaa2fbb-ff77-4b0a-ad92-5b78a716a96a?versionId=27iWyA73cCAYqyH',
        size: 169,
        sha256: { base64: 'fz+qd5aUv54eySvF6iHsJHHdBfEx4K64hNJrO9tKsEM=', hex: '7f3faa779694bf9e1ec92bc5ea21ec2471dd05f131e0aeb884d26b3bdb4ab043' },
      },
      raw,
    });
    expect(layer.raw).toBe(raw);
  });

  it('arm64-layer: architectures, region and name from the ARN', () => {
    const layer = toLayerVersion('aws-lambda', example('aws-lambda', 'arm64-layer'));
    expect(layer).toMatchObject({ name: 'node-utils', version: 7, region: 'eu-central-1', architectures: ['arm64', 'x86_64'], license: 'Apache-2.0' });
    expect(layer.createdAt?.toISOString()).toBe('2024-03-02T08:15:00.000Z');
    expect(layer.runtimes).toEqual([
      { name: 'nodejs18.x', language: 'nodejs', version: '18' },
      { name: 'nodejs20.x', language: 'nodejs', version: '20' },
    ]);
    expect(layer.archive).toMatchObject({ size: 2048, sha256: { hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } });
  });

  it('signed-layer: the signing ARNs stay in raw only', () => {
    const layer = toLayerVersion('aws-lambda', example('aws-lambda', 'signed-layer'));
    expect(layer).toMatchObject({ name: 'signed-layer', version: 3, region: 'us-east-1', license: '', architectures: ['x86_64'] });
    expect(layer.createdAt?.toISOString()).toBe('2023-09-21T17:42:10.512Z');
    expect(layer.archive.sha256?.hex).toBe('da39a3ee5e6b4b0d3255bfef95601890afd807093cc5897843767d917da11340');
    expect(JSON.stringify(layer, (_k, v) => (typeof v === 'bigint' ? String(v) : v)).match(/signing-jobs/g)).toHaveLength(1);
  });

  it('newer-runtime-layer: runtimes the enum does not list are read by their name', () => {
    const layer = toLayerVersion('aws-lambda', example('aws-lambda', 'newer-runtime-layer'));
    expect(layer.runtimes).toEqual([
      { name: 'nodejs26.x', language: 'nodejs', version: '26' },
      { name: 'python3.15', language: 'python', version: '3.15' },
    ]);
    expect(layer.license).toBeUndefined();
    expect(layer.archive.sha256?.hex).toBe('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
  });

  it('every example is an available version', () => {
    for (const [, raw] of successExamples('aws-lambda')) expect(toLayerVersion('aws-lambda', raw).status).toBe('available');
  });
});

describe('Tencent Cloud SCF examples', () => {
  it('layer-active: every field, AddTime read as UTC+8', () => {
    const raw = example('tencent-scf', 'layer-active');
    const layer = toLayerVersion('tencent-scf', raw, { region: 'ap-mumbai' });
    expect(layer).toEqual({
      provider: 'tencent-scf',
      name: 'layer3',
      version: 1,
      region: 'ap-mumbai',
      description: 'desc',
      license: '',
      createdAt: new Date('2019-11-26T08:15:33Z'),
      runtimes: [
        { name: 'Nodejs8.9', language: 'nodejs', version: '8.9' },
        { name: 'Nodejs6.10', language: 'nodejs', version: '6.10' },
      ],
      status: 'available',
      archive: {
        location: raw.Location,
        sha256: { hex: 'c7c8bda601817ce4faab4c4fb3e73b9a32040e0e9f31f7a649d84d4bdde9e4a5', base64: 'x8i9pgGBfOT6q0xPs+c7mjIEDg6fMfemSdhNS93p5KU=' },
      },
      raw,
    });
    expect(layer.raw).toBe(raw);
    expect(layer.archive).not.toHaveProperty('size');
    // Checked by tsc (npm run typecheck): the provider stays a literal and raw keeps its type.
    expectTypeOf(layer.provider).toEqualTypeOf<'tencent-scf'>();
    expectTypeOf(layer.raw).toEqualTypeOf<Answers['tencent-scf']>();
  });

  it('each status example maps onto its own neutral status, and its time onto the right instant', () => {
    const expected: Record<string, [string, string, string]> = {
      'layer-active': ['available', '2019-11-26T08:15:33.000Z', 'nodejs'],
      'layer-publishing': ['publishing', '2024-03-02T08:15:00.000Z', 'nodejs'],
      'layer-publish-failed': ['publish-failed', '2024-03-03T01:00:01.000Z', 'python'],
      'layer-deleting': ['deleting', '2023-01-10T04:00:00.000Z', 'go'],
      'layer-delete-failed': ['delete-failed', '2023-01-11T04:00:00.000Z', 'php'],
      'layer-deleted': ['deleted', '2022-12-31T15:59:59.000Z', 'nodejs'],
    };
    const examples = successExamples('tencent-scf');
    expect([...examples.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [name, raw] of examples) {
      const layer = toLayerVersion('tencent-scf', raw);
      expect([layer.status, layer.createdAt?.toISOString(), layer.runtimes[0]?.language], name).toEqual(expected[name]);
      expect(layer.region).toBeUndefined();
    }
  });

  it('layer-deleted: the hex digest in base64 too', () => {
    const layer = toLayerVersion('tencent-scf', example('tencent-scf', 'layer-deleted'));
    expect(layer.archive.sha256).toEqual({
      hex: 'a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3',
      base64: 'pmWkWSBCL51Bfkhn79xPuKBKHz//H6B+mY6G9/eieuM=',
    });
    expect(layer.version).toBe(6);
  });
});
