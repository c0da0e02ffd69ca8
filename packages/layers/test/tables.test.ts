// The hand-written tables stay in step with the specs: every status a spec lists maps onto its
// own neutral status, and every runtime name a spec lists is in the crosswalk (and nothing else).
import { describe, expect, it } from 'vitest';
import { mapping, type Provider, runtimeTables, statusTables } from '../src/index.js';
import { getMapping, successExamples } from './helpers.js';

const providers = Object.keys(mapping) as Provider[];
const fieldOf = (provider: Provider, field: string) => getMapping(provider).fields.find((f) => f.field === field);

describe('status tables', () => {
  it('have a table for exactly the providers whose answer carries a status', () => {
    expect(Object.keys(statusTables).sort()).toEqual(providers.filter((p) => fieldOf(p, 'status') !== undefined).sort());
  });

  for (const [provider, table] of Object.entries(statusTables)) {
    it(`${provider}: one entry per value of the spec's enum, none lost`, () => {
      const field = fieldOf(provider as Provider, 'status');
      expect(field && 'enum' in field ? [...field.enum].sort() : undefined).toEqual(Object.keys(table).sort());
      const neutral = Object.values(table);
      expect(new Set(neutral).size).toBe(neutral.length);
    });
  }
});

describe('runtime crosswalk', () => {
  it('has a table for every provider', () => {
    expect(Object.keys(runtimeTables).sort()).toEqual([...providers].sort());
  });

  it("aws-lambda: exactly the names of the spec's runtime enum", () => {
    const field = fieldOf('aws-lambda', 'runtimes');
    const names = runtimeTables['aws-lambda'].map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(field && 'itemsEnum' in field ? [...field.itemsEnum].sort() : undefined);
  });

  it("tencent-scf: exactly the names of the spec's examples (its runtime list has no enum)", () => {
    const field = fieldOf('tencent-scf', 'runtimes');
    expect(field && 'itemsEnum' in field).toBe(false);
    const named = new Set([...successExamples('tencent-scf').values()].flatMap((answer) => answer.CompatibleRuntimes));
    expect(runtimeTables['tencent-scf'].map(([name]) => name).sort()).toEqual([...named].sort());
  });

  it('says a provided runtime is custom', () => {
    expect(runtimeTables['aws-lambda'].filter(([name]) => name.startsWith('provided')).map(([, language]) => language)).toEqual(['custom', 'custom', 'custom']);
  });
});
