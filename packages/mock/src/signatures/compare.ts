import { timingSafeEqual } from 'node:crypto';

/** Compares two signatures in constant time, so the answer's timing does not leak how much matched. */
export function signaturesMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  // timingSafeEqual needs equal lengths; compare a against itself to spend the same time anyway.
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}
