// The hand-written conversions, one rule at a time, and the errors that name the field.
import { describe, expect, it } from 'vitest';
import { exactInteger, LayerConversionError, type mapping, readDate, runtimeOf, sha256From, toLayerVersion, writeDate } from '../src/index.js';
import { example, getMapping } from './helpers.js';

const dateOf = (provider: keyof typeof mapping) => {
  const field = getMapping(provider).fields.find((f) => f.field === 'createdAt');
  if (field === undefined || !('date' in field)) throw new Error(`${provider} has no date shape`);
  return field.date;
};
const aws = dateOf('aws-lambda');
const tencent = dateOf('tencent-scf');

describe('readDate', () => {
  it('reads the AWS shape at the offset the text gives', () => {
    expect(readDate('2018-11-14T23:03:52.894+0000', aws)).toEqual(new Date('2018-11-14T23:03:52.894Z'));
    expect(readDate('2018-11-14T23:03:52.894+0530', aws)).toEqual(new Date('2018-11-14T17:33:52.894Z'));
    expect(readDate('2018-11-14T23:03:52.894-03:00', aws)).toEqual(new Date('2018-11-15T02:03:52.894Z'));
  });

  it("reads Tencent's zone-less time at the model's +08:00", () => {
    expect(tencent.utcOffset).toBe('+08:00');
    expect(readDate('2019-11-26 16:15:33', tencent)).toEqual(new Date('2019-11-26T08:15:33Z'));
    expect(readDate('2020-01-01 03:00:00', tencent)).toEqual(new Date('2019-12-31T19:00:00Z'));
  });

  it('refuses text of another shape, and days or times that do not exist', () => {
    expect(readDate('2019-11-26T16:15:33Z', tencent)).toMatch(/is not a date of the shape YYYY-MM-DD hh:mm:ss/);
    expect(readDate('2019-02-29 00:00:00', tencent)).toMatch(/names no real date and time/);
    expect(readDate('2019-11-26 24:00:00', tencent)).toMatch(/names no real date and time/);
    expect(readDate('2020-02-29 12:00:00', tencent)).toEqual(new Date('2020-02-29T04:00:00Z'));
  });
});

describe('writeDate', () => {
  it('writes the AWS shape in UTC with milliseconds and the offset as the shape writes it', () => {
    expect(writeDate(new Date('2018-11-14T23:03:52.894Z'), aws)).toBe('2018-11-14T23:03:52.894+0000');
    expect(writeDate(new Date('2018-11-15T02:03:52.894+03:00'), aws)).toBe('2018-11-14T23:03:52.894+0000');
  });

  it("writes Tencent's zone-less time at +08:00, without the milliseconds its shape lacks", () => {
    expect(writeDate(new Date('2019-11-26T08:15:33Z'), tencent)).toBe('2019-11-26 16:15:33');
    expect(writeDate(new Date('2019-12-31T19:00:00.999Z'), tencent)).toBe('2020-01-01 03:00:00');
  });

  it('reads back what it wrote', () => {
    const instant = new Date('2020-02-29T04:00:00Z');
    expect(readDate(writeDate(instant, tencent), tencent)).toEqual(instant);
    expect(readDate(writeDate(instant, aws), aws)).toEqual(instant);
  });

  it('writes an offset with a colon or Z as the shape does', () => {
    const instant = new Date('2019-11-26T08:15:33Z');
    expect(writeDate(instant, { shape: 'YYYY-MM-DDThh:mm:ss+00:00', utcOffset: '-03:30' })).toBe('2019-11-26T04:45:33-03:30');
    expect(writeDate(instant, { shape: 'YYYY-MM-DDThh:mm:ssZ', utcOffset: '+00:00' })).toBe('2019-11-26T08:15:33Z');
  });

  it('refuses an invalid Date, a year YYYY cannot hold, and an offset that is none', () => {
    expect(() => writeDate(new Date(Number.NaN), aws)).toThrow(/invalid Date/);
    expect(() => writeDate(new Date('+010000-01-01T00:00:00Z'), aws)).toThrow(/year that YYYY-MM-DDThh:mm:ss.sss\+0000 cannot write/);
    expect(() => writeDate(new Date('9999-12-31T20:00:00Z'), tencent)).toThrow(/cannot write \(0000 to 9999 at \+08:00\)/);
    expect(() => writeDate(new Date(0), { shape: 'YYYY', utcOffset: 'CST' })).toThrow(/"CST" is not a UTC offset/);
  });
});

describe('sha256From', () => {
  const hex = '7f3faa779694bf9e1ec92bc5ea21ec2471dd05f131e0aeb884d26b3bdb4ab043';
  const base64 = 'fz+qd5aUv54eySvF6iHsJHHdBfEx4K64hNJrO9tKsEM=';

  it('gives the same digest from either form', () => {
    expect(sha256From(base64, 'base64')).toEqual({ hex, base64 });
    expect(sha256From(hex, 'hex')).toEqual({ hex, base64 });
    expect(sha256From(hex.toUpperCase(), 'hex')).toEqual({ hex, base64 });
  });

  it('refuses text that is not a digest in the form the spec gives', () => {
    expect(sha256From(hex, 'base64')).toMatch(/not a SHA-256 digest in base64/);
    expect(sha256From(base64, 'hex')).toMatch(/not a SHA-256 digest in hex/);
    expect(sha256From('fz+qd5aUv54eySvF6iHsJHHdBfEx4K64hNJrO9tKsEN=', 'base64')).toMatch(/not canonical base64/);
  });
});

describe('exactInteger', () => {
  it('is a number while safe and a bigint beyond', () => {
    expect(exactInteger(1)).toBe(1);
    expect(exactInteger(9007199254740991n)).toBe(9007199254740991);
    expect(exactInteger('9007199254740992')).toBe(9007199254740992n);
    expect(exactInteger('9223372036854775807')).toBe(9223372036854775807n);
  });

  it('refuses a number whose digits were already lost, and what is not an integer', () => {
    expect(exactInteger(2 ** 53)).toMatch(/beyond 2\^53 as a JS number/);
    expect(exactInteger(1.5)).toMatch(/is not an integer/);
    expect(exactInteger('1e3')).toMatch(/is not an integer/);
  });
});

describe('runtimeOf', () => {
  it('gives a language and version from the crosswalk', () => {
    expect(runtimeOf('aws-lambda', 'nodejs18.x')).toEqual({ name: 'nodejs18.x', language: 'nodejs', version: '18' });
    expect(runtimeOf('tencent-scf', 'Nodejs16.13')).toEqual({ name: 'Nodejs16.13', language: 'nodejs', version: '16.13' });
    expect(runtimeOf('aws-lambda', 'provided.al2')).toEqual({ name: 'provided.al2', language: 'custom' });
  });

  it('reads a name the table lacks by its letters when they name a known language, else keeps only the name', () => {
    expect(runtimeOf('tencent-scf', 'Python3.10')).toEqual({ name: 'Python3.10', language: 'python', version: '3.10' });
    expect(runtimeOf('aws-lambda', 'cobol9.x')).toEqual({ name: 'cobol9.x' });
    expect(runtimeOf('aws-lambda', 'provided.al2099')).toEqual({ name: 'provided.al2099' });
  });
});

describe('toLayerVersion errors', () => {
  it('names the field and the rule a value broke', () => {
    const answer = { ...example('aws-lambda', 'python-layer'), CreatedDate: 'yesterday' };
    expect(() => toLayerVersion('aws-lambda', answer)).toThrow(LayerConversionError);
    expect(() => toLayerVersion('aws-lambda', answer)).toThrow('aws-lambda CreatedDate: "yesterday" is not a date of the shape YYYY-MM-DDThh:mm:ss.sss+0000');
  });

  it('names a nested field by its dotted path', () => {
    const good = example('aws-lambda', 'python-layer');
    const answer = { ...good, Content: { ...good.Content, CodeSha256: 'abc' } };
    expect(() => toLayerVersion('aws-lambda', answer)).toThrow(/^aws-lambda Content\.CodeSha256: "abc" is not a SHA-256 digest in base64/);
  });

  it("refuses an integer outside the spec's bounds, naming the bound", () => {
    const good = example('aws-lambda', 'python-layer');
    expect(() => toLayerVersion('aws-lambda', { ...good, Version: 0 })).toThrow('aws-lambda Version: 0 is below the minimum 1');
    expect(() => toLayerVersion('aws-lambda', { ...good, Content: { ...good.Content, CodeSize: -1 } })).toThrow('aws-lambda Content.CodeSize: -1 is below the minimum 0');
    expect(() => toLayerVersion('tencent-scf', { ...example('tencent-scf', 'layer-active'), LayerVersion: '9223372036854775808' })).toThrow(
      'tencent-scf LayerVersion: 9223372036854775808 is above the maximum 9223372036854775807',
    );
  });

  it('refuses a status the spec does not list, and a missing required field', () => {
    const good = example('tencent-scf', 'layer-active');
    expect(() => toLayerVersion('tencent-scf', { ...good, Status: 'Frozen' as 'Active' })).toThrow(
      /tencent-scf Status: "Frozen" is not one of the statuses Active, Publishing/,
    );
    const { AddTime: _, ...missing } = good;
    expect(() => toLayerVersion('tencent-scf', missing as typeof good)).toThrow('tencent-scf AddTime: is required and missing');
  });

  it('quotes any value in its message, a bigint or a cycle included', () => {
    const good = example('tencent-scf', 'layer-active');
    expect(() => toLayerVersion('tencent-scf', { ...good, Status: 5n as never })).toThrow('tencent-scf Status: "5n" is not a string');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => toLayerVersion('tencent-scf', { ...good, CompatibleRuntimes: cycle as never })).toThrow(
      'tencent-scf CompatibleRuntimes: an unprintable Object is not a list of strings',
    );
  });

  it('refuses an unknown provider and an answer that is not an object', () => {
    expect(() => toLayerVersion('gcp' as 'aws-lambda', {})).toThrow(/provider must be one of aws-lambda, tencent-scf; got "gcp"/);
    expect(() => toLayerVersion('aws-lambda', null as never)).toThrow(/aws-lambda \(answer\): is not an object/);
  });

  it('leaves the answer untouched', () => {
    const answer = example('aws-lambda', 'arm64-layer');
    const before = structuredClone(answer);
    toLayerVersion('aws-lambda', answer);
    expect(answer).toEqual(before);
  });
});
