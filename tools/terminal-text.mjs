// @ts-check
// Text from files other people made (HAR logs from browsers, proxies, colleagues) goes to a
// terminal or a CI log, both of which act on what they read: an escape sequence recolours, retitles
// or links, a line feed starts a line that GitHub Actions may run as a workflow command, and bidi
// controls or line separators make the text read differently from what it is. So every such
// character is printed as visible text instead.

/**
 * C0 controls (line feed and carriage return among them), DEL, C1 controls, the Unicode line and
 * paragraph separators, and the bidi embeddings, overrides and isolates.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The short forms that read best; every other control is `\xNN` or `\uNNNN`. */
const SHORT = new Map([
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
]);

/**
 * `text` with each control character written out as an escape (`\x1b`, `\n`, `\u2028`), safe to
 * print on one line. A backslash stays as it is, so ordinary paths and patterns read unchanged.
 * @param {unknown} text
 * @returns {string}
 */
export function terminalText(text) {
  return String(text).replace(CONTROLS, (character) => {
    const short = SHORT.get(character);
    if (short) return short;
    const code = /** @type {number} */ (character.codePointAt(0));
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
