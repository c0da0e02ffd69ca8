// The comparison logic on small hand-made models (so each rule is checked on its own), and on
// the real models: every field and error of both APIs lands in exactly one row.
import { models } from '@layerspec/specs/model';
import { describe, expect, it } from 'vitest';
import { bounds, buildComparison, compareErrors, compareFields, fieldDifferences } from '../src/compare.js';
import { listFields } from '../src/fields.js';

/** A model with only what the comparison reads: outputs (and optionally inputs and errors). */
function modelWith({ outputs = [], inputs = [], errors = [], result = [] }: { outputs?: any[]; inputs?: any[]; errors?: any[]; result?: string[] }): any {
  return {
    api: 't',
    operation: { id: 'Op', method: 'GET', path: '/x' },
    signing: { scheme: 's' },
    inputs,
    result,
    outputs: outputs.map((output) => ({ in: 'body', path: output.name.split('.'), required: false, ...output })),
    // Where the errors carry their code: the first entry's, as a real model states it once for all.
    errors: { codeAt: errors[0]?.codeAt, entries: errors.map(({ codeAt: _codeAt, ...entry }) => entry) },
    scenarios: [],
  };
}

function side(api: string, label: string, model: any) {
  return { api, label, model, fields: listFields(model) };
}

const header = (name: string) => ({ in: 'header', name });
const body = (...path: string[]) => ({ in: 'body', path });

describe('fieldDifferences', () => {
  it('names the digest encodings the model states, optional against required, and where each field sits', () => {
    const a = side(
      'a',
      'A',
      modelWith({ outputs: [{ name: 'Content.Sha', type: 'string', pattern: '^[A-Za-z0-9+/]{43}=$', concept: 'sha', encoding: { digest: 'sha256', as: 'base64' } }] }),
    );
    const b = side(
      'b',
      'B',
      modelWith({
        result: ['Response'],
        outputs: [{ name: 'Sha', type: 'string', pattern: '^[0-9a-f]{64}$', concept: 'sha', required: true, encoding: { digest: 'sha256', as: 'hex' } }],
      }),
    );
    const [row] = compareFields(a, b, 'response').filter((r) => r.concept === 'sha');
    expect(row!.left.map((f) => f.name)).toEqual(['Content.Sha']);
    expect(row!.right.map((f) => f.name)).toEqual(['Response.Sha']);
    expect(row!.differences).toEqual([
      'Nesting: inside `Content` in A, inside `Response` in B.',
      'Presence: optional in A, required in B.',
      'Encoding: SHA-256 as base64 in A, SHA-256 as hex in B.',
    ]);
  });

  it('spells out int64 with its exact bounds, dates with their shape and examples, and says when nothing differs', () => {
    const max = '9223372036854775807';
    const a = side('a', 'A', modelWith({ outputs: [{ name: 'V', type: 'integer', format: 'int64', minimum: '1', maximum: max, concept: 'v' }] }));
    const b = side('b', 'B', modelWith({ outputs: [{ name: 'LV', type: 'integer', format: 'int64', minimum: '0', maximum: max, concept: 'v' }] }));
    const [left] = a.fields;
    const [right] = b.fields;
    expect(fieldDifferences(a, left!, b, right!)).toEqual([
      'Named `V` by A, `LV` by B.',
      'Both are 64-bit integers (int64): above 2^53 − 1 a JavaScript number loses precision, so read them as BigInt or text.',
      `Range: 1 to ${max} in A, 0 to ${max} in B.`,
    ]);
    const dateA = { ...left!, name: 'D', rule: { type: 'string', pattern: '^\\d{4}T$' } as const, date: { shape: 'YYYYThh', utcOffset: '+00:00' }, example: '2018T' };
    const dateB = { ...right!, name: 'D', rule: { type: 'string', pattern: '^\\d{4} $' } as const, date: { shape: 'YYYY hh', utcOffset: '+08:00' }, example: '2019 ' };
    expect(fieldDifferences(a, dateA, b, dateB)).toEqual([
      'Date: written `YYYYThh` (UTC+00:00) in A, `YYYY hh` (UTC+08:00) in B.',
      'For example `2018T` (A) and `2019 ` (B).',
    ]);
    expect(fieldDifferences(a, { ...dateA, date: undefined }, b, { ...dateB, date: undefined })[0]).toBe('Pattern: `^\\d{4}T$` in A, `^\\d{4} $` in B.');
    const plain = { type: 'string' } as const;
    expect(fieldDifferences(a, { ...left!, name: 'S', rule: plain }, b, { ...right!, name: 'S', rule: plain })).toEqual(['Same type and rules.']);
  });

  it('gives a field without a partner its own row that says so', () => {
    const a = side(
      'a',
      'A',
      modelWith({
        outputs: [
          { name: 'Only', type: 'string' },
          { name: 'Both', type: 'string', concept: 'both' },
        ],
      }),
    );
    const b = side(
      'b',
      'B',
      modelWith({
        outputs: [
          { name: 'Both', type: 'string', concept: 'both' },
          { name: 'Mine', type: 'string', concept: 'mine' },
        ],
      }),
    );
    const rows = compareFields(a, b, 'response');
    expect(rows.map((r) => [r.left.map((f) => f.name), r.right.map((f) => f.name), r.differences[0]])).toEqual([
      [['Only'], [], 'No counterpart in B.'],
      [['Both'], ['Both'], 'Same type and rules.'],
      [[], ['Mine'], 'No counterpart in A.'],
    ]);
  });
});

describe('errors', () => {
  it('says where each side names the error and its message, and how kind and retry differ', () => {
    const error = (code: string, status: number, concept: string | undefined, codeAt: any, messageAt: any, kind: string, retryable: boolean) => ({
      code,
      status,
      concept,
      codeAt,
      messageAt,
      kind,
      retryable,
      details: [],
    });
    const a = side('a', 'A', modelWith({ errors: [error('NotFound', 404, 'not-found', header('x-err'), body('message'), 'not-found', false)] }));
    const b = side(
      'b',
      'B',
      modelWith({
        errors: [
          error('Missing', 200, 'not-found', body('Response', 'Error', 'Code'), body('Response', 'Error', 'Message'), 'not-found', true),
          error('Odd', 200, undefined, body('Response', 'Error', 'Code'), body('Response', 'Error', 'Message'), 'service', true),
        ],
      }),
    );
    expect(compareErrors(a, b).map((r) => r.differences)).toEqual([
      [
        'A answers HTTP 404 with the error named in the `x-err` header and its message in the body member `message`; B answers HTTP 200 with the error named in the body member `Response.Error.Code` and its message in the body member `Response.Error.Message`.',
        'Retry: not retryable in A, retryable in B.',
      ],
      ['No counterpart in A.'],
    ]);
  });
});

describe('bounds', () => {
  it('says "at least" or "at most" for one side, leaves out a count minimum of 0, and prints exact text as it is', () => {
    expect(bounds('1', '9223372036854775807')).toBe('1 to 9223372036854775807');
    expect(bounds(0, 15, 'item')).toBe('at most 15 items');
    expect(bounds(1, undefined, 'character')).toBe('at least 1 character');
    expect(bounds('0', undefined)).toBe('at least 0');
    expect(bounds(undefined, undefined)).toBeUndefined();
  });
});

describe('the real models', () => {
  const sides = (['aws-lambda', 'tencent-scf'] as const).map((api) => side(api, models[api].provider.label, models[api]));
  const comparison = buildComparison(sides[0]!, sides[1]!);

  it('puts every field and every error of both APIs in exactly one row', () => {
    for (const [i, s] of sides.entries()) {
      const pick = (rows: { left: unknown[]; right: unknown[] }[]) => rows.flatMap((r) => (i === 0 ? r.left : r.right));
      const compared = [...pick(comparison.request), ...pick(comparison.response)];
      expect(compared).toHaveLength(s.fields.length);
      expect(new Set(compared)).toEqual(new Set(s.fields));
      expect(new Set(pick(comparison.errors))).toEqual(new Set(s.model.errors.entries));
    }
  });

  it('lists every input, signing field and output of the model, outputs at their path from the body root', () => {
    for (const s of sides) {
      const m = s.model;
      expect(s.fields.filter((f) => f.side === 'request').map((f) => f.name)).toEqual([...m.inputs, ...(m.signing.fields ?? [])].map((f) => f.name));
      expect(s.fields.filter((f) => f.side === 'response').map((f) => f.name)).toEqual(
        m.outputs.map((o: any) => (o.in === 'header' ? o.name : [...m.result, ...o.path].join('.'))),
      );
    }
  });

  it('pairs the signing facts (time, session token, region) that both specs carry, read from the signing fields', () => {
    const [aws, tencent] = sides;
    const signing = aws!.model.signing.fields ?? [];
    expect(signing.length).toBeGreaterThan(0);
    for (const { concept, name } of signing) {
      const row = comparison.request.find((r) => r.concept === concept);
      expect(row, concept).toBeDefined();
      expect(
        row!.left.map((f) => f.name),
        concept,
      ).toEqual([name]);
      expect(row!.left[0]!.signing).toBe(aws!.model.signing.scheme);
      expect(
        row!.right.map((f) => f.name),
        `${concept} in Tencent`,
      ).toEqual(tencent!.model.inputs.filter((i: any) => i.concept === concept).map((i: any) => i.name));
      expect(row!.differences.join(' ')).not.toContain('No counterpart');
    }
    const region = comparison.request.find((r) => r.concept === 'region')!;
    expect(region.differences.join(' ')).toContain('credential scope');
  });

  it('spells out at least one sentence in every row', () => {
    for (const row of [...comparison.request, ...comparison.response, ...comparison.errors]) {
      expect(row.differences.length).toBeGreaterThan(0);
    }
  });
});

describe('listed values', () => {
  it('says when values beyond the listed ones are accepted too', () => {
    const a = side('a', 'A', modelWith({ outputs: [{ name: 'R', type: 'string', enum: ['x'], others: { type: 'string' }, concept: 'r' }] }));
    const b = side('b', 'B', modelWith({ outputs: [{ name: 'R', type: 'string', enum: ['x'], concept: 'r' }] }));
    expect(fieldDifferences(a, a.fields[0]!, b, b.fields[0]!)).toEqual(['Values: `x` or others in A; `x` in B.']);
  });
});
