// Strings that break naive input checks, for the clients' property tests: path traversal,
// encoded slashes, control and bidi characters, Unicode that folds to ASCII, query and fragment
// markers, and a name's length just inside and just past its bound.
import fc from 'fast-check';

/** Random and hand-picked adversarial strings, plus the provider's own `edges` and arbitraries of valid names. */
export function adversarialStrings(maxLength: number, edges: readonly string[], ...valid: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.string({ minLength: 130, maxLength: 3000 }),
    fc.constantFrom(
      '',
      ' ',
      '..',
      '../',
      '../../etc/passwd',
      '%2F',
      '..%2F',
      'a/b',
      'a%2Fb',
      'a\u0000b',
      '\r\n',
      'layer\n',
      'ﬁ',
      'é',
      '\u202e',
      'a'.repeat(maxLength),
      'a'.repeat(maxLength + 1),
      '%',
      '%%',
      '?x=1',
      '#frag',
      ...edges,
    ),
    ...valid,
  );
}
