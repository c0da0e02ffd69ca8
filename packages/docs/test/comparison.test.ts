// The comparison logic on small hand-made models (so each rule is checked on its own), and on
// the real models: operations pair by operationId, and every field and error of every operation
// of both APIs lands in exactly one row of its operation.
import { type ApiModel, models } from '@layerspec/specs/model';
import { describe, expect, it } from 'vitest';
import { bounds, buildComparison, compareErrors, compareFields, fieldDifferences } from '../src/compare.js';
import { listFields } from '../src/fields.js';

/** An operation with only what the comparison reads. */
function operationWith(
  id: string,
  { outputs = [], inputs = [], errorCodes = [], result = [] }: { outputs?: any[]; inputs?: any[]; errorCodes?: string[]; result?: string[] },
) {
  return {
    id,
    method: 'GET',
    path: `/${id}`,
    specPath: `/${id}`,
    inputs,
    result,
    outputs: outputs.map((output) => ({ in: 'body', path: output.name.split('.'), required: false, ...output })),
    errorCodes,
    scenarios: [],
  };
}

/** A model with only what the comparison reads: one operation `Op` with outputs (and optionally inputs and errors), and any others. */
function modelWith({
  outputs = [],
  inputs = [],
  errors = [],
  result = [],
  others = [],
}: {
  outputs?: any[];
  inputs?: any[];
  errors?: any[];
  result?: string[];
  others?: ReturnType<typeof operationWith>[];
}): any {
  const op = operationWith('Op', { outputs, inputs, result, errorCodes: errors.map((error) => error.code) });
  return {
    api: 't',
    signing: { scheme: 's' },
    operations: Object.fromEntries([op, ...others].map((operation) => [operation.id, operation])),
    // Where the errors carry their code: the first entry's, as a real model states it once for all.
    errors: { codeAt: errors[0]?.codeAt, entries: errors.map(({ codeAt: _codeAt, ...entry }) => entry) },
  };
}

function side(api: string, label: string, model: ApiModel) {
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
    const [row] = compareFields(a, b, 'response', 'Op').filter((r) => r.concept === 'sha');
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
    const rows = compareFields(a, b, 'response', 'Op');
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
    expect(compareErrors(a, b, 'Op').map((r) => r.differences)).toEqual([
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

describe('operations', () => {
  it("pairs operations by operationId, the first API's order first, and keeps one that only one API has on its side", () => {
    const list = (id: string, name: string) => operationWith(id, { outputs: [{ name, type: 'string', concept: 'items' }] });
    const a = side('a', 'A', modelWith({ outputs: [{ name: 'X', type: 'string', concept: 'x' }], others: [list('List', 'Items'), list('OnlyA', 'Mine')] }));
    const b = side('b', 'B', modelWith({ outputs: [{ name: 'X', type: 'string', concept: 'x' }], others: [list('OnlyB', 'Theirs'), list('List', 'Entries')] }));
    const { operations } = buildComparison(a, b);
    expect(operations.map((pair) => [pair.id, pair.left?.id, pair.right?.id])).toEqual([
      ['Op', 'Op', 'Op'],
      ['List', 'List', 'List'],
      ['OnlyA', 'OnlyA', undefined],
      ['OnlyB', undefined, 'OnlyB'],
    ]);
    // Fields pair only within their operation, by concept.
    const listRows = operations[1]!.response;
    expect(listRows.map((row) => [row.left.map((f) => f.name), row.right.map((f) => f.name), row.differences[0]])).toEqual([
      [['Items'], ['Entries'], 'Named `Items` by A, `Entries` by B.'],
    ]);
    expect(operations[2]!.response.map((row) => [row.left.map((f) => f.name), row.right, row.differences])).toEqual([[['Mine'], [], ['No counterpart in B.']]]);
    expect(operations[3]!.response.map((row) => [row.left, row.right.map((f) => f.name), row.differences])).toEqual([[[], ['Theirs'], ['No counterpart in A.']]]);
  });

  it('compares only the errors each operation documents', () => {
    const error = (code: string) => ({
      code,
      status: 400,
      concept: code,
      codeAt: header('x-err'),
      messageAt: body('message'),
      kind: 'invalid-input',
      retryable: false,
      details: [],
    });
    const a = side('a', 'A', modelWith({ errors: [error('E1'), error('E2')], others: [operationWith('Two', { errorCodes: ['E2'] })] }));
    const b = side('b', 'B', modelWith({ errors: [error('E1'), error('E2')], others: [operationWith('Two', { errorCodes: ['E2'] })] }));
    expect(compareErrors(a, b, 'Op').map((row) => row.concept)).toEqual(['E1', 'E2']);
    expect(compareErrors(a, b, 'Two').map((row) => row.concept)).toEqual(['E2']);
  });
});

describe('the real models', () => {
  const sides = (['aws-lambda', 'tencent-scf'] as const).map((api) => side(api, models[api].provider.label, models[api]));
  const comparison = buildComparison(sides[0]!, sides[1]!);
  const ids = [...new Set(sides.flatMap((s) => Object.keys(s.model.operations)))];

  it('has a pair for every operation of either API, by operationId', () => {
    expect(comparison.operations.map((pair) => pair.id)).toEqual(ids);
    for (const pair of comparison.operations) {
      expect(pair.left).toBe(sides[0]!.model.operations[pair.id]);
      expect(pair.right).toBe(sides[1]!.model.operations[pair.id]);
    }
  });

  it('puts every field and every error of every operation of both APIs in exactly one row of its operation', () => {
    for (const [i, s] of sides.entries()) {
      for (const pair of comparison.operations) {
        const pick = (rows: { left: unknown[]; right: unknown[] }[]) => rows.flatMap((r) => (i === 0 ? r.left : r.right));
        const compared = [...pick(pair.request), ...pick(pair.response)];
        const own = s.fields.filter((f) => f.operation === pair.id);
        expect(compared).toHaveLength(own.length);
        expect(new Set(compared)).toEqual(new Set(own));
        const codes = s.model.operations[pair.id]?.errorCodes ?? [];
        expect(new Set(pick(pair.errors))).toEqual(new Set(s.model.errors.entries.filter((e) => codes.includes(e.code))));
      }
    }
  });

  it('lists every input, signing field and output of each operation, outputs at their path from the body root', () => {
    for (const s of sides) {
      const m = s.model;
      for (const op of Object.values(m.operations)) {
        const own = s.fields.filter((f) => f.operation === op.id);
        expect(own.filter((f) => f.side === 'request').map((f) => f.name)).toEqual([...op.inputs, ...(m.signing.fields ?? [])].map((f) => f.name));
        // A list's items are written `[]` after its name (`LayerVersions[].Version`).
        expect(own.filter((f) => f.side === 'response').map((f) => f.name)).toEqual(
          op.outputs.map((o) => (o.in === 'header' ? o.name : [...op.result, ...o.path].join('.').replaceAll('.[]', '[]'))),
        );
      }
      expect(new Set(s.fields.map((f) => f.operation))).toEqual(new Set(Object.keys(m.operations)));
    }
  });

  it('pairs the signing facts (time, session token, region) that both specs carry in every shared operation, read from the signing fields', () => {
    const [aws, tencent] = sides;
    const signing = aws!.model.signing.fields ?? [];
    expect(signing.length).toBeGreaterThan(0);
    const shared = comparison.operations.filter((pair) => pair.left && pair.right);
    expect(shared.length).toBeGreaterThan(0);
    for (const pair of shared) {
      for (const { concept, name } of signing) {
        const row = pair.request.find((r) => r.concept === concept);
        expect(row, concept).toBeDefined();
        expect(
          row!.left.map((f) => f.name),
          concept,
        ).toEqual([name]);
        expect(row!.left[0]!.signing).toBe(aws!.model.signing.scheme);
        expect(
          row!.right.map((f) => f.name),
          `${concept} in Tencent`,
        ).toEqual(pair.right!.inputs.filter((i) => i.concept === concept).map((i) => i.name));
        expect(row!.differences.join(' ')).not.toContain('No counterpart');
      }
      const region = pair.request.find((r) => r.concept === 'region')!;
      expect(region.differences.join(' ')).toContain('credential scope');
    }
    expect(tencent).toBeDefined();
  });

  it('spells out at least one sentence in every row', () => {
    for (const pair of comparison.operations) {
      for (const row of [...pair.request, ...pair.response, ...pair.errors]) expect(row.differences.length).toBeGreaterThan(0);
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
