// Inputs shared by the property tests: strings of every class and the usual suspects, plus a
// tally of how many inputs each component was given, printed for the lead's report.
import fc from 'fast-check';

const counts = new Map<string, number>();

export function tried(component: string): void {
  counts.set(component, (counts.get(component) ?? 0) + 1);
}

export function reportTried(title: string): void {
  const lines = [...counts].map(([component, count]) => `  ${component}: ${count}`);
  console.log(`[hardening] inputs tried (${title}):\n${lines.join('\n')}`);
}

/** Values that have broken parsers before: traversal, encoded separators, NUL, overlong text, number edges. */
export const suspects = [
  '',
  ' ',
  '..',
  '../',
  '../../etc/passwd',
  '..%2F..%2F',
  '%2F',
  '%2f',
  '%',
  '%zz',
  '%00',
  '%C0%AE%C0%AE%2F',
  '\u0000',
  '\r\n',
  '\u202e',
  '\ud800',
  '\uffff',
  '😀',
  'ü',
  '𝕏',
  '<script>',
  "' OR 1=1 --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell probe string, sent as text on purpose.
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
  'null',
  'true',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0',
  '-1',
  '1.5',
  '1e3',
  '0x10',
  '9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '9223372036854775807',
  '9223372036854775808',
  '18446744073709551616',
  '1'.repeat(400),
  'a'.repeat(141),
  'a'.repeat(10_000),
];

/** A string of any class: ASCII, full unicode with lone surrogates, control characters, suspects. */
export const adversarialString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...suspects),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.stringMatching(/^[\x00-\x1f\x7f]{1,10}$/),
  fc.string({ unit: fc.constantFrom('/', '.', '%', '2', 'F', 'a', ':', '?', '#', '&', '='), maxLength: 30 }),
);
