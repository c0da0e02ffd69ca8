/**
 * A value as an error message quotes it: JSON where JSON can write it (a bigint as its digits),
 * else its type, and never more than 80 characters. JSON.stringify alone throws on a bigint or a
 * cycle, which would replace the error naming the field with one naming nothing.
 */
export function shown(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? `${inner}n` : inner));
  } catch {
    text = undefined;
  }
  text ??= typeof value === 'symbol' || typeof value === 'function' ? typeof value : `an unprintable ${Object.prototype.toString.call(value).slice(8, -1)}`;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
