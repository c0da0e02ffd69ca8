import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Answers, fromLayerVersion, LayerConversionError, type LayerVersionInput, mapping, type Provider, toLayerVersion } from '../src/index.js';
import { getMapping, getOperation, resultValidator, successExamples } from './helpers.js';

const hex = '7f3faa779694bf9e1ec92bc5ea21ec2471dd05f131e0aeb884d26b3bdb4ab043';
const base64 = 'fz+qd5aUv54eySvF6iHsJHHdBfEx4K64hNJrO9tKsEM=';
const location = 'https://example.com/layers/my-layer-1.zip';

const layer: LayerVersionInput = {
  name: 'my-layer',
  version: 1,
  description: 'My Python layer',
  license: 'MIT',
  createdAt: new Date('2019-11-26T08:15:33.894Z'),
  runtimes: [{ name: 'python3.6' }, { language: 'python', version: '3.9' }],
  architectures: ['x86_64'],
  status: 'available',
  archive: { location, size: 169, sha256: hex },
};

/** The error fromLayerVersion throws, to check its field and message. */
function errorOf(run: () => unknown): LayerConversionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LayerConversionError);
    return error as LayerConversionError;
  }
  throw new Error('fromLayerVersion did not throw');
}

describe('fromLayerVersion, AWS Lambda', () => {
  it('writes every field in the shape the spec gives, and both ARNs from the region and account', () => {
    expect(fromLayerVersion('aws-lambda', layer, { region: 'us-west-2', account: '123456789012' })).toEqual({
      Content: { Location: location, CodeSha256: base64, CodeSize: 169 },
      LayerArn: 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer',
      LayerVersionArn: 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer:1',
      Description: 'My Python layer',
      CreatedDate: '2019-11-26T08:15:33.894+0000',
      Version: 1,
      CompatibleRuntimes: ['python3.6', 'python3.9'],
      LicenseInfo: 'MIT',
      CompatibleArchitectures: ['x86_64'],
    });
  });

  it("writes ARNs that match the spec's LayerArn and LayerVersionArn patterns", () => {
    const answer = fromLayerVersion('aws-lambda', { name: 'node_utils-2', version: 9007199254740991n }, { region: 'eu-central-1', account: '000000000000' });
    for (const output of getOperation('aws-lambda').outputs.filter((o) => o.name === 'LayerArn' || o.name === 'LayerVersionArn')) {
      expect(output.pattern).toEqual(expect.any(String));
      expect(answer[output.name as 'LayerArn']).toMatch(new RegExp(output.pattern as string, 'u'));
    }
    expect(answer.Version).toBe(9007199254740991);
  });

  it("takes the region and account from the layer first, then the context, then the layer's own arn", () => {
    const arn = 'arn:aws-cn:lambda:cn-north-1:111122223333:layer:my-layer:1';
    expect(fromLayerVersion('aws-lambda', { name: 'my-layer', version: 1, arn }).LayerArn).toBe('arn:aws-cn:lambda:cn-north-1:111122223333:layer:my-layer');
    expect(fromLayerVersion('aws-lambda', { name: 'my-layer', version: 1, region: 'us-east-1' }, { region: 'us-west-2', account: '123456789012' }).LayerArn).toBe(
      'arn:aws:lambda:us-east-1:123456789012:layer:my-layer',
    );
  });

  it('leaves out fields without a value, and ignores a status, which its answer has no field for', () => {
    expect(fromLayerVersion('aws-lambda', { name: 'my-layer', version: 3, status: 'deleted', archive: {} }, { region: 'us-west-2', account: '123456789012' })).toEqual({
      LayerArn: 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer',
      LayerVersionArn: 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer:3',
      Version: 3,
    });
  });

  it('takes the digest in either form, told apart by its form, or as both forms', () => {
    const write = (sha256: NonNullable<LayerVersionInput['archive']>['sha256']) =>
      fromLayerVersion('aws-lambda', { name: 'l', version: 1, archive: { sha256 } }, { region: 'us-west-2', account: '123456789012' }).Content?.CodeSha256;
    expect(write(hex)).toBe(base64);
    expect(write(hex.toUpperCase())).toBe(base64);
    expect(write(base64)).toBe(base64);
    expect(write({ hex, base64 })).toBe(base64);
  });
});

describe('fromLayerVersion, Tencent Cloud SCF', () => {
  it('writes AddTime at +08:00 without milliseconds, the digest in hex and the status by its own name', () => {
    const answer = fromLayerVersion('tencent-scf', {
      ...layer,
      archive: { location, sha256: base64 },
      status: 'publishing',
      runtimes: [{ language: 'nodejs', version: '16.13' }],
    });
    expect(answer).toEqual({
      CompatibleRuntimes: ['Nodejs16.13'],
      CodeSha256: hex,
      Location: location,
      AddTime: '2019-11-26 16:15:33',
      Description: 'My Python layer',
      LicenseInfo: 'MIT',
      LayerVersion: 1,
      LayerName: 'my-layer',
      Status: 'Publishing',
    });
    expectTypeOf(answer).not.toHaveProperty('RequestId');
    expectTypeOf(answer).toHaveProperty('AddTime').toEqualTypeOf<string>();
  });

  it('reads createdAt given as ISO 8601 text at the instant it names', () => {
    for (const createdAt of ['2019-11-26T08:15:33Z', '2019-11-26T16:15:33.000+08:00', '2019-11-26T03:15:33-0500'])
      expect(fromLayerVersion('tencent-scf', { ...layer, createdAt }).AddTime).toBe('2019-11-26 16:15:33');
  });

  it('writes Active for a layer without a status, and ignores architectures, region and account', () => {
    const answer = fromLayerVersion('tencent-scf', { ...layer, status: undefined, region: 'ap-guangzhou', account: '123456789012' }, { region: 'ap-mumbai' });
    expect(answer.Status).toBe('Active');
    expect(Object.keys(answer).sort()).toEqual(
      getMapping('tencent-scf')
        .fields.map((f) => f.from[0])
        .sort(),
    );
  });
});

describe('every named success example, through toLayerVersion and back', () => {
  for (const provider of Object.keys(mapping) as Provider[]) {
    const mapped = new Set<string>([
      ...getMapping(provider).fields.map((f) => f.from[0]),
      ...getMapping(provider)
        .rawOnly.filter((r) => r.concept === 'layer-arn')
        .map((r) => r.from),
    ]);
    for (const [name, example] of successExamples(provider)) {
      it(`${provider} ${name}: gives back the example's mapped fields, an answer the spec's schema accepts`, async () => {
        const neutral = toLayerVersion(provider, example as Answers[Provider]);
        expect(neutral.name).toEqual(expect.any(String));
        const answer = fromLayerVersion(provider, neutral as LayerVersionInput);
        const expected = Object.fromEntries(Object.entries(example).filter(([key]) => mapped.has(key)));
        // AWS's Content also holds the signing ARNs, which only raw keeps.
        if ('Content' in expected) expected.Content = { ...(expected.Content as object) };
        for (const rawOnly of getMapping(provider).rawOnly) {
          const [outer, inner] = rawOnly.from.split('.');
          if (inner !== undefined && outer !== undefined && typeof expected[outer] === 'object') delete (expected[outer] as Record<string, unknown>)[inner];
        }
        expect(answer).toEqual(expected);
        const check = (await resultValidator(provider))(answer);
        expect(check.errors).toBe('No errors');
      });
    }
  }
});

describe('fromLayerVersion errors name the field and the rule', () => {
  const aws = { region: 'us-west-2', account: '123456789012' };

  it('a runtime the provider has no name for, saying a provider name can be given instead', () => {
    const error = errorOf(() => fromLayerVersion('tencent-scf', { ...layer, runtimes: [{ language: 'nodejs', version: '18' }] }));
    expect(error).toMatchObject({ provider: 'tencent-scf', field: 'runtimes[0]', kind: 'invalid-input' });
    expect(error.message).toMatch(/tencent-scf runtimes\[0\]: tencent-scf has no runtime for nodejs 18 .*give the provider's runtime name as name instead/);
    expect(errorOf(() => fromLayerVersion('aws-lambda', { ...layer, runtimes: [{ name: 'python3.9' }, {}] }, aws)).field).toBe('runtimes[1]');
  });

  it("a runtime name or architecture the spec's item rule refuses", () => {
    expect(errorOf(() => fromLayerVersion('aws-lambda', { ...layer, runtimes: [{ name: 'Nodejs18' }] }, aws)).message).toMatch(
      /runtimes\[0\]: "Nodejs18" is not one of the listed values, and "Nodejs18" does not match the pattern .*\(aws-lambda's CompatibleRuntimes\)/,
    );
    expect(errorOf(() => fromLayerVersion('aws-lambda', { ...layer, architectures: ['arm64', 'riscv64'] }, aws)).message).toMatch(
      /architectures\[1\]: "riscv64" is not one of x86_64, arm64/,
    );
  });

  it('a bigint beyond 2^53, which a JSON number cannot hold exactly', () => {
    const error = errorOf(() => fromLayerVersion('tencent-scf', { ...layer, version: 2n ** 53n + 1n }));
    expect(error.field).toBe('version');
    expect(error.message).toMatch(/9007199254740993 is beyond 2\^53 - 1: JSON numbers beyond 2\^53 cannot be written exactly/);
    expect(errorOf(() => fromLayerVersion('aws-lambda', { ...layer, archive: { size: 2 ** 60 } }, aws)).field).toBe('archive.size');
    expect(errorOf(() => fromLayerVersion('aws-lambda', { ...layer, version: 1.5 }, aws)).message).toMatch(/version: 1.5 is not an integer/);
  });

  it("a version below the spec's minimum", () => {
    expect(errorOf(() => fromLayerVersion('aws-lambda', { ...layer, version: 0 }, aws)).message).toMatch(/version: 0 is below the minimum 1 \(aws-lambda's Version\)/);
    expect(fromLayerVersion('tencent-scf', { ...layer, version: 0 }).LayerVersion).toBe(0);
  });

  it('AWS without the region or the account its ARNs need', () => {
    expect(errorOf(() => fromLayerVersion('aws-lambda', layer, { account: '123456789012' })).message).toMatch(
      /aws-lambda region: aws-lambda's answer carries the layer's ARN, which needs the region; give region in the layer or the context/,
    );
    expect(errorOf(() => fromLayerVersion('aws-lambda', layer, { region: 'us-west-2' })).field).toBe('account');
  });

  it("an account, region or name that breaks the spec's ARN pattern, and an arn that is not this layer's", () => {
    expect(errorOf(() => fromLayerVersion('aws-lambda', layer, { ...aws, account: '1234' })).message).toMatch(
      /arn: "arn:aws:lambda:us-west-2:1234:layer:my-layer:1" does not match the pattern/,
    );
    expect(errorOf(() => fromLayerVersion('aws-lambda', { ...layer, name: 'my layer' }, aws)).field).toBe('arn');
    expect(errorOf(() => fromLayerVersion('aws-lambda', { ...layer, arn: 'arn:aws:lambda:us-west-2:123456789012:layer:other:1' }, aws)).message).toMatch(
      /arn: "arn:aws:lambda:us-west-2:123456789012:layer:other:1" is not the ARN of this layer's name, version, region and account, arn:aws:lambda:us-west-2:123456789012:layer:my-layer:1/,
    );
    expect(errorOf(() => fromLayerVersion('aws-lambda', { ...layer, arn: 'my-layer' }, aws)).message).toMatch(/arn: "my-layer" is not a layer version ARN/);
  });

  it("a name, description or date the provider's spec refuses", () => {
    expect(errorOf(() => fromLayerVersion('tencent-scf', { ...layer, name: '1layer' })).message).toMatch(
      /name: "1layer" does not match the pattern .*\(tencent-scf's LayerName\)/,
    );
    expect(errorOf(() => fromLayerVersion('aws-lambda', { ...layer, description: 'x'.repeat(257) }, aws)).message).toMatch(
      /description: .* is longer than 256 characters/,
    );
    expect(errorOf(() => fromLayerVersion('tencent-scf', { ...layer, createdAt: '1999-12-31T00:00:00Z' })).message).toMatch(
      /createdAt: "1999-12-31 08:00:00" does not match the pattern .*\(tencent-scf's AddTime\)/,
    );
    expect(errorOf(() => fromLayerVersion('tencent-scf', { ...layer, createdAt: 'yesterday' })).message).toMatch(
      /createdAt: "yesterday" is neither a Date nor ISO 8601 text/,
    );
    expect(errorOf(() => fromLayerVersion('tencent-scf', { ...layer, createdAt: new Date(Number.NaN) })).message).toMatch(/createdAt: is an invalid Date/);
    expect(errorOf(() => fromLayerVersion('aws-lambda', { ...layer, archive: { location: 'not a url' } }, aws)).message).toMatch(
      /archive.location: "not a url" is not a URL/,
    );
  });

  it('a digest in neither form, or whose two forms disagree', () => {
    expect(errorOf(() => fromLayerVersion('tencent-scf', { ...layer, archive: { location, sha256: 'abc' } })).message).toMatch(
      /archive.sha256: "abc" is not a SHA-256 digest in base64/,
    );
    expect(
      errorOf(() => fromLayerVersion('tencent-scf', { ...layer, archive: { location, sha256: { hex, base64: 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=' } } }))
        .message,
    ).toMatch(/archive.sha256: its hex 7f3f\w+ and its base64 n4bQ\S+ are different digests/);
  });

  it("a status outside the vocabulary, and a field the provider's answer requires and the layer lacks", () => {
    expect(errorOf(() => fromLayerVersion('tencent-scf', { ...layer, status: 'gone' as never })).message).toMatch(
      /status: "gone" is not one of the statuses available, publishing, publish-failed, deleting, delete-failed, deleted/,
    );
    expect(errorOf(() => fromLayerVersion('tencent-scf', { ...layer, createdAt: undefined })).message).toMatch(
      /tencent-scf createdAt: has no value, and tencent-scf's answer requires its AddTime/,
    );
  });

  it('an unknown provider, and a layer that is not an object', () => {
    expect(() => fromLayerVersion('gcp' as Provider, layer)).toThrow(TypeError);
    expect(errorOf(() => fromLayerVersion('aws-lambda', null as never)).field).toBe('(layer)');
  });
});
