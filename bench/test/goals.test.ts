import { describe, expect, it } from 'vitest';
import { goalsSection } from '../lib/goals.mjs';

const summary = (median: number) => ({ median, min: median, max: median, runs: 1, values: [median] });
const resultOf = (rows: string[][], goal: string) => rows.find((row) => row[0] === goal)?.[2];

describe('goalsSection', () => {
  it('checks the size against the budget the size section read, and says by how much it is missed', () => {
    const { rows } = goalsSection([
      {
        id: 'size',
        data: [
          { provider: 'aws-lambda', platform: 'browser', target: 'aws-lambda/ours', gzipped: 9 * 1024, minified: 1, limit: 8 * 1024 },
          { provider: 'aws-lambda', platform: 'browser', target: 'aws-lambda/official', gzipped: 90 * 1024, minified: 1 },
          { provider: 'tencent-scf', platform: 'browser', target: 'tencent-scf/ours', gzipped: 7000, minified: 1, limit: 7168 },
        ],
      },
    ]);
    expect(resultOf(rows, 'AWS Lambda, browser: ours within its .size-limit.json budget')).toBe('missed (1,024 B over)');
    expect(resultOf(rows, 'AWS Lambda, browser: at least 15x smaller than the official SDK')).toBe('missed (10.0x of 15x)');
    expect(resultOf(rows, 'Tencent Cloud SCF, browser: ours within its .size-limit.json budget')).toBe('met');
  });

  it('never passes a size without a budget', () => {
    const { rows } = goalsSection([{ id: 'size', data: [{ provider: 'aws-lambda', platform: 'browser', target: 'aws-lambda/ours', gzipped: 100, minified: 1 }] }]);
    expect(resultOf(rows, 'AWS Lambda, browser: ours within its .size-limit.json budget')).toBe('not measured: no budget read from .size-limit.json');
  });

  it('never counts a goal as met without a measurement', () => {
    const { rows } = goalsSection([
      { id: 'throughput', data: [{ provider: 'tencent-scf', kind: 'ours', concurrency: 1, error: 'n/a (not built yet)' }] },
      { id: 'build', data: [{ name: 'cold' }, { name: 'cached', error: 'error: build failed' }] },
    ]);
    expect(rows.map((row) => row[2])).toEqual(['not measured', 'not measured', 'not measured']);
    expect(rows[0]?.[1]).toBe('n/a (not built yet)');
  });

  it('compares our throughput with the official SDK and with raw fetch', () => {
    const row = (kind: string, median: number) => ({ provider: 'aws-lambda', kind, concurrency: 10, summary: summary(median) });
    const { rows } = goalsSection([{ id: 'throughput', data: [row('limit', 1000), row('ours', 850), row('official', 900)] }]);
    expect(resultOf(rows, "AWS Lambda, c=10: ours at least the official SDK's calls/s")).toBe('missed (6% slower)');
    expect(resultOf(rows, 'AWS Lambda, c=10: ours within 20% of raw fetch')).toBe('met');
  });

  it('checks the mock against bare Prism and its start time', () => {
    const load = (kind: string, median: number) => ({ provider: 'aws-lambda', providerName: 'AWS Lambda', connections: 50, kind, rps: summary(median) });
    const { rows } = goalsSection([
      { id: 'mock', data: [load('prism', 1000), load('ours', 950)] },
      { id: 'mock-start', data: [{ providerName: 'AWS Lambda', kind: 'ours', startMs: summary(2500) }] },
    ]);
    expect(resultOf(rows, "AWS Lambda, 50 conn: our mock within 10% of bare Prism's req/s")).toBe('met');
    expect(resultOf(rows, "AWS Lambda: our mock's first 200 under 2 s")).toBe('missed (500 ms over)');
  });
});
