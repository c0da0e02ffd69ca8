// @ts-check
// Summaries of repeated measurements. Pure functions so the harness can be tested without timing.

/** @param {number[]} values @returns {number} */
export function median(values) {
  if (values.length === 0) throw new Error('median: values must not be empty');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = /** @type {number} */ (sorted[middle]);
  if (sorted.length % 2 === 1) return upper;
  // Each cast on its own line: Biome's formatter moves a JSDoc cast that opens a parenthesised sum.
  const lower = /** @type {number} */ (sorted[middle - 1]);
  return (lower + upper) / 2;
}

/**
 * Median, min and max of one row's repeated runs.
 * @param {number[]} values
 * @returns {{ median: number, min: number, max: number, runs: number, values: number[] }}
 */
export function summarize(values) {
  if (values.length === 0) throw new Error('summarize: values must not be empty');
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length, values };
}

/**
 * value / reference, or undefined when either side is missing or the reference is zero.
 * @param {number | undefined} value @param {number | undefined} reference
 */
export function ratio(value, reference) {
  if (value === undefined || reference === undefined || reference === 0 || !Number.isFinite(value) || !Number.isFinite(reference)) return undefined;
  return value / reference;
}
