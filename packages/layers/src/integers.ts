// An integer of the answer kept exact: a number while it is a safe integer, a bigint beyond
// (int64 versions and sizes go up to 2^63 - 1).
import { shown } from './shown.js';

/**
 * The exact value of an integer given as a number, a bigint or decimal text.
 * @returns the integer, or a string saying which rule the value broke
 */
export function exactInteger(value: unknown): number | bigint | string {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return value;
    if (Number.isInteger(value)) return `${value} is beyond 2^53 as a JS number, so its digits are not exact; pass it as a bigint or decimal text`;
    return `${value} is not an integer`;
  }
  let big: bigint;
  if (typeof value === 'bigint') big = value;
  else if (typeof value === 'string' && /^-?\d+$/.test(value)) big = BigInt(value);
  else return `${shown(value)} is not an integer`;
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}
