// toLayerVersionSummaries: every named success example of each spec's list operation converted
// item by item with the list operation's mapping, and an item that breaks its spec named by its
// place in the list.
import { describe, expect, it } from 'vitest';
import { LayerConversionError, type Provider, toLayerVersionSummaries } from '../src/index.js';
import { listOperation } from './helpers.js';

/** The named success examples of the provider's list operation, as its client returns them (the result, out of any envelope). */
function listExamples(provider: Provider) {
  const operation = listOperation(provider);
  const result = (value: unknown) => operation.result.reduce((inner, key) => (inner as Record<string, unknown>)[key], value) as Record<string, unknown>;
  return operation.scenarios.filter((s) => s.outcome === 'success').map((s) => [s.name, result(s.value)] as const);
}

describe('toLayerVersionSummaries', () => {
  for (const provider of ['aws-lambda', 'tencent-scf'] as const) {
    it(`${provider}: converts every item of every named list example, in the answer's order, without an archive`, () => {
      const examples = listExamples(provider);
      expect(examples.length).toBeGreaterThan(0);
      for (const [, answer] of examples) {
        const items = (answer.LayerVersions ?? []) as Record<string, unknown>[];
        const summaries = toLayerVersionSummaries(provider, answer);
        expect(summaries.map((s) => s.raw)).toEqual(items);
        for (const summary of summaries) {
          expect(summary.provider).toBe(provider);
          expect(typeof summary.version).toBe('number');
          expect(summary.name).toEqual(expect.any(String));
          expect(summary.createdAt).toBeInstanceOf(Date);
          expect(summary).not.toHaveProperty('archive');
        }
      }
    });
  }

  it('reads AWS items as the examples give them: the name from the ARN, the version, the date at its offset', () => {
    const [, answer] = listExamples('aws-lambda').find(([name]) => name === 'first-page') ?? [];
    const [summary] = toLayerVersionSummaries('aws-lambda', answer as object);
    expect(summary).toMatchObject({ name: 'node-utils', version: 7, region: 'eu-central-1', status: 'available', architectures: ['arm64', 'x86_64'] });
    expect(summary?.createdAt?.toISOString()).toBe('2024-03-02T08:15:00.000Z');
  });

  it('gives [] for an answer without items (AWS leaves an empty list out)', () => {
    expect(toLayerVersionSummaries('aws-lambda', {})).toEqual([]);
    expect(toLayerVersionSummaries('aws-lambda', { LayerVersions: [] })).toEqual([]);
  });

  it('names the item and field that break the spec', () => {
    const bad = { LayerVersions: [{ Version: 2 }, { Version: 0 }] };
    expect(() => toLayerVersionSummaries('aws-lambda', bad)).toThrow(new LayerConversionError('aws-lambda', 'LayerVersions[1].Version', '0 is below the minimum 1'));
    expect(() => toLayerVersionSummaries('tencent-scf', { LayerVersions: [{ LayerName: 'x' }] })).toThrow(/tencent-scf LayerVersions\[0\]\.\w+: is required and missing/);
    expect(() => toLayerVersionSummaries('aws-lambda', { LayerVersions: 'none' })).toThrow(/aws-lambda LayerVersions: "none" is not a list/);
    expect(() => toLayerVersionSummaries('aws-lambda', { LayerVersions: [7] })).toThrow(/aws-lambda LayerVersions\[0\]: is not an object/);
  });

  it('refuses a provider it does not map', () => {
    expect(() => toLayerVersionSummaries('nowhere' as Provider, {})).toThrow(/provider must be one of aws-lambda, tencent-scf; got "nowhere"/);
  });
});
