import { describe, expect, it } from 'vitest';
import { median, ratio, summarize } from '../lib/stats.mjs';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
  it('refuses an empty list instead of inventing a number', () => {
    expect(() => median([])).toThrow(/must not be empty/);
  });
});

describe('summarize', () => {
  it('reports median, min, max and the number of runs', () => {
    expect(summarize([10, 30, 20])).toEqual({ median: 20, min: 10, max: 30, runs: 3, values: [10, 30, 20] });
  });
});

describe('ratio', () => {
  it('divides a row by its reference', () => {
    expect(ratio(30, 10)).toBe(3);
  });
  it('has no ratio when a side is missing or the reference is zero', () => {
    expect(ratio(undefined, 10)).toBeUndefined();
    expect(ratio(10, undefined)).toBeUndefined();
    expect(ratio(10, 0)).toBeUndefined();
  });
});
