// The comparison logic on small hand-made documents (so each rule is checked on its own), and
// on the real bundles: every field and error of both specs lands in exactly one row.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildComparison, compareErrors, compareFields, encodingOf, fieldDifferences, formatNumber } from '../src/compare.js';
import { getOperation, listErrors, listFields, loadBundle } from '../src/spec.js';

const concepts = JSON.parse(readFileSync(new URL('../concepts.json', import.meta.url), 'utf8'));

/** A one-operation document whose 200 body has the given properties. */
function docWith(properties: Record<string, unknown>, required: string[] = [], extra: Record<string, unknown> = {}) {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/x': {
        get: {
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Out' } } } },
            ...extra,
          },
        },
      },
    },
    components: { schemas: { Out: { type: 'object', required, properties } } },
  };
}

function side(api: string, label: string, doc: any) {
  return { api, label, doc, fields: listFields(doc), errors: listErrors(doc) };
}

describe('fieldDifferences', () => {
  it('names base64 against hex, optional against required, and where each field sits', () => {
    const a = side('a', 'A', docWith({ Content: { type: 'object', properties: { Sha: { type: 'string', pattern: '^[A-Za-z0-9+/]{43}=$', 'x-layerspec-concept': 'sha' } } } }));
    const b = side('b', 'B', docWith({ Sha: { type: 'string', pattern: '^[0-9a-f]{64}$', 'x-layerspec-concept': 'sha' } }, ['Sha']));
    const [row] = compareFields(a, b, 'response').filter((r) => r.concept === 'sha');
    expect(row!.left.map((f) => f.name)).toEqual(['Content.Sha']);
    expect(row!.right.map((f) => f.name)).toEqual(['Sha']);
    expect(row!.differences).toEqual([
      'Nesting: inside `Content` in A, at the top level in B.',
      'Presence: optional in A, required in B.',
      'Encoding: base64 (44 characters) in A, lower-case hex (64 characters) in B.',
    ]);
  });

  it('spells out int64, ranges, date patterns with examples, and says when nothing differs', () => {
    const a = side('a', 'A', docWith({ V: { type: 'integer', format: 'int64', minimum: 1, maximum: 9223372036854775807, 'x-layerspec-concept': 'v' } }));
    const b = side('b', 'B', docWith({ LV: { type: 'integer', format: 'int64', minimum: 0, maximum: 9223372036854775807, 'x-layerspec-concept': 'v' } }));
    const [left] = a.fields.filter((f) => f.name === 'V');
    const [right] = b.fields.filter((f) => f.name === 'LV');
    expect(fieldDifferences(a, left!, b, right!)).toEqual([
      'Named `V` by A, `LV` by B.',
      'Both are 64-bit integers (int64): above 2^53 − 1 a JavaScript number loses precision, so read them as BigInt or text.',
      'Range: 1 to 2^63 − 1 in A, 0 to 2^63 − 1 in B.',
    ]);
    const dateA = { ...left!, name: 'D', schema: { type: 'string', pattern: '^\\d{4}T$' }, example: '2018T' };
    const dateB = { ...right!, name: 'D', schema: { type: 'string', pattern: '^\\d{4} $' }, example: '2019 ' };
    expect(fieldDifferences(a, dateA, b, dateB)).toEqual([
      'Pattern: `^\\d{4}T$` in A, `^\\d{4} $` in B.',
      'For example `2018T` (A) and `2019 ` (B).',
    ]);
    expect(fieldDifferences(a, { ...left!, name: 'S', schema: { type: 'string' } }, b, { ...right!, name: 'S', schema: { type: 'string' } })).toEqual(['Same type and rules.']);
  });

  it('gives a field without a partner its own row that says so', () => {
    const a = side('a', 'A', docWith({ Only: { type: 'string' }, Both: { type: 'string', 'x-layerspec-concept': 'both' } }));
    const b = side('b', 'B', docWith({ Both: { type: 'string', 'x-layerspec-concept': 'both' }, Mine: { type: 'string', 'x-layerspec-concept': 'mine' } }));
    const rows = compareFields(a, b, 'response');
    expect(rows.map((r) => [r.left.map((f) => f.name), r.right.map((f) => f.name), r.differences[0]])).toEqual([
      [['Only'], [], 'No counterpart in B.'],
      [['Both'], ['Both'], 'Same type and rules.'],
      [[], ['Mine'], 'No counterpart in A.'],
    ]);
  });
});

describe('errors', () => {
  it('reads error names from a response header const and codes from an x-layerspec-concepts list', () => {
    const a = side('a', 'A', docWith({}, [], {
      '404': { description: 'gone', 'x-layerspec-concept': 'not-found', headers: { 'x-err': { schema: { type: 'string', const: 'NotFound' } } } },
    }));
    const bDoc: any = docWith({ Code: { $ref: '#/components/schemas/Codes' } });
    bDoc.components.schemas.Codes = { type: 'string', enum: ['Missing', 'Odd'], 'x-layerspec-concepts': { Missing: 'not-found' } };
    const b = side('b', 'B', bDoc);
    expect(a.errors.map((e) => [e.code, e.status, e.carrier, e.concept])).toEqual([['NotFound', '404', 'header x-err', 'not-found']]);
    expect(b.errors.map((e) => [e.code, e.status, e.carrier, e.concept])).toEqual([
      ['Missing', '200', 'body Code', 'not-found'],
      ['Odd', '200', 'body Code', undefined],
    ]);
    expect(compareErrors(a, b).map((r) => r.differences[0])).toEqual([
      'A answers HTTP 404 with the error named in the `x-err` header; B answers HTTP 200 with the error named in the body member `Code`.',
      'No counterpart in A.',
    ]);
  });
});

describe('helpers', () => {
  it('recognises only the plain fixed-length encodings', () => {
    expect(encodingOf('^[0-9a-f]{64}$')).toBe('lower-case hex (64 characters)');
    expect(encodingOf('^[A-Za-z0-9+/]{43}=$')).toBe('base64 (44 characters)');
    expect(encodingOf('^[a-z]+$')).toBeUndefined();
    expect(encodingOf(undefined)).toBeUndefined();
  });

  it('writes the int64 maximum that JSON rounds to 2^63 as 2^63 − 1', () => {
    expect(formatNumber(9223372036854775807)).toBe('2^63 − 1');
    expect(formatNumber(20)).toBe('20');
  });
});

describe('the real specs', () => {
  const sides = (['aws-lambda', 'tencent-scf'] as const).map((api, i) => {
    const { doc } = loadBundle(api);
    return { api, label: ['AWS', 'Tencent'][i]!, doc, fields: listFields(doc, concepts[api]), errors: listErrors(doc, concepts[api]) };
  });
  const comparison = buildComparison(sides[0]!, sides[1]!);

  it('puts every field and every error of both specs in exactly one row', () => {
    for (const [i, s] of sides.entries()) {
      const pick = (rows: { left: unknown[]; right: unknown[] }[]) => rows.flatMap((r) => (i === 0 ? r.left : r.right));
      const compared = [...pick(comparison.request), ...pick(comparison.response)];
      expect(compared).toHaveLength(s.fields.length);
      expect(new Set(compared)).toEqual(new Set(s.fields));
      expect(pick(comparison.errors)).toHaveLength(s.errors.length);
    }
  });

  it('lists every property the specs tag with x-layerspec-concept', () => {
    for (const s of sides) {
      const tagged: string[] = [];
      JSON.stringify(s.doc, (key, value) => {
        if (value && typeof value === 'object' && value.properties) {
          for (const [name, property] of Object.entries<any>(value.properties)) if (property?.['x-layerspec-concept']) tagged.push(name);
        }
        return value;
      });
      const leaves = new Set(s.fields.map((f) => f.name.split('.').pop()));
      expect(tagged.length).toBeGreaterThan(0);
      expect(tagged.filter((name) => !leaves.has(name))).toEqual([]);
    }
  });

  it('pairs the signing facts (time, session token, region) that both specs carry, read from the security schemes', () => {
    const [aws] = sides;
    for (const concept of ['request-time', 'security-token', 'region']) {
      const row = comparison.request.find((r) => r.concept === concept);
      expect(row, concept).toBeDefined();
      const names = (side: typeof aws, list: { name: string }[]) => list.map((f) => f.name).sort();
      expect(names(aws!, row!.left), concept).toEqual(names(aws!, aws!.fields.filter((f) => f.concept === concept)));
      expect(row!.left.length, `${concept} in AWS`).toBeGreaterThan(0);
      expect(row!.right.length, `${concept} in Tencent`).toBeGreaterThan(0);
      expect(row!.differences.join(' ')).not.toContain('No counterpart');
    }
    // Each AWS one comes from the security scheme the operation uses, not from its parameters.
    const scheme = Object.keys(getOperation(aws!.doc).operation.security[0])[0]!;
    const signing = aws!.doc.components.securitySchemes[scheme]['x-layerspec-signing-fields'].map((f: any) => f.name);
    expect(aws!.fields.filter((f) => f.in === 'credential-scope' || signing.includes(f.name)).map((f) => f.name).sort()).toEqual([...signing].sort());
    const region = comparison.request.find((r) => r.concept === 'region')!;
    expect(region.differences.join(' ')).toContain('credential scope');
  });

  it('spells out at least one sentence in every row', () => {
    for (const row of [...comparison.request, ...comparison.response, ...comparison.errors]) {
      expect(row.differences.length).toBeGreaterThan(0);
    }
  });
});

describe('concepts.json', () => {
  it('only fills gaps: each entry names a field that exists and that its spec does not tag yet', () => {
    for (const [api, entries] of Object.entries<Record<string, string>>(concepts).filter(([key]) => !key.startsWith('$'))) {
      const { doc } = loadBundle(api);
      const fields = listFields(doc);
      for (const key of Object.keys(entries)) {
        const field = fields.find((f) => `${f.side} ${f.in} ${f.name}` === key);
        expect(field, `${api}: ${key} is a field of the spec`).toBeDefined();
        expect(field!.concept, `${api}: ${key} is tagged in the spec now; remove it from concepts.json`).toBeUndefined();
      }
    }
  });
});
