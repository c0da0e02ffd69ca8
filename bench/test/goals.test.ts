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
      {
        id: 'memory',
        data: [
          { provider: 'tencent-scf', kind: 'ours', summary: summary(50) },
          { provider: 'tencent-scf', kind: 'official', error: 'error: exited' },
        ],
      },
      { id: 'build', data: [{ name: 'cold' }, { name: 'cached', error: 'error: build failed' }] },
    ]);
    expect(rows.map((row) => row[2])).toEqual(['not measured', 'not measured', 'not measured', 'not measured']);
    expect(rows[0]?.[1]).toBe('n/a (not built yet)');
  });

  it('holds our throughput to 2x the official SDK and 0.5x raw node:http', () => {
    const row = (kind: string, median: number) => ({ provider: 'aws-lambda', kind, concurrency: 10, summary: summary(median) });
    const { rows } = goalsSection([{ id: 'throughput', data: [row('limit', 1000), row('ours', 600), row('official', 400)] }]);
    expect(resultOf(rows, "AWS Lambda, c=10: ours at least 2x the official SDK's calls/s")).toBe('missed (1.50x of 2x)');
    expect(resultOf(rows, "AWS Lambda, c=10: ours at least 0.5x raw node:http's calls/s")).toBe('met');
  });

  it('holds our cold start above the floor to 0.3x the official SDK, and our peak RSS to the official SDK', () => {
    const { rows } = goalsSection([
      {
        id: 'cold-start',
        data: [
          { provider: 'aws-lambda', kind: 'ours', aboveFloorMs: 20 },
          { provider: 'aws-lambda', kind: 'official', aboveFloorMs: 100 },
          { provider: 'tencent-scf', kind: 'ours', aboveFloorMs: 40 },
          { provider: 'tencent-scf', kind: 'official', aboveFloorMs: 100 },
        ],
      },
      {
        id: 'memory',
        data: [
          { provider: 'aws-lambda', kind: 'ours', summary: summary(60 * 1024 * 1024) },
          { provider: 'aws-lambda', kind: 'official', summary: summary(70 * 1024 * 1024) },
        ],
      },
    ]);
    expect(resultOf(rows, "AWS Lambda: cold start above the empty-Node floor at most 0.3x the official SDK's")).toBe('met');
    expect(resultOf(rows, "Tencent Cloud SCF: cold start above the empty-Node floor at most 0.3x the official SDK's")).toBe('missed (0.40x of at most 0.30x)');
    expect(resultOf(rows, "AWS Lambda: peak RSS after the calls at most the official SDK's")).toBe('met');
  });

  it('holds the Node entry within 2 KB of the browser entry', () => {
    const { rows } = goalsSection([
      {
        id: 'size',
        data: [
          { provider: 'aws-lambda', platform: 'browser', target: 'aws-lambda/ours', gzipped: 10_000, minified: 1, limit: 11_000 },
          { provider: 'aws-lambda', platform: 'node', target: 'aws-lambda/ours', gzipped: 12_100, minified: 1 },
        ],
      },
    ]);
    expect(resultOf(rows, 'AWS Lambda, node: ours within 2 KB of the browser entry')).toBe('missed (52 B over)');
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

  it('checks the mock from fixtures against the mock from examples at 50 connections', () => {
    const load = (kind: string, median: number) => ({ provider: 'aws-lambda', providerName: 'AWS Lambda', connections: 50, kind, rps: summary(median) });
    const goal = 'AWS Lambda, 50 conn: our mock from fixtures no slower than from examples (within 5%)';
    expect(resultOf(goalsSection([{ id: 'mock', data: [load('ours', 1000), load('fixtures', 960)] }]).rows, goal)).toBe('met');
    expect(resultOf(goalsSection([{ id: 'mock', data: [load('ours', 1000), load('fixtures', 900)] }]).rows, goal)).toBe('missed (10% slower)');
  });
});
