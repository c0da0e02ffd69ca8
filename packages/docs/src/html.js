// @ts-check
// A tiny HTML template tag: every interpolated value is escaped unless it is the result of
// another `html` call (or raw()), so no spec text can inject markup into the portal.

const RAW = Symbol('raw html');

/** @typedef {{ [RAW]: string }} Html */

/** @param {string} text @returns {string} */
export function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Marks trusted markup (built by this package, never spec text). @param {string} markup @returns {Html} */
export function raw(markup) {
  return { [RAW]: markup };
}

/** @param {unknown} value @returns {string} */
function render(value) {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && RAW in value) return /** @type {Html} */ (value)[RAW];
  return escapeHtml(String(value));
}

/** @param {TemplateStringsArray} strings @param {unknown[]} values @returns {Html} */
export function html(strings, ...values) {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return raw(out);
}

/** @param {Html} fragment @returns {string} */
export function renderHtml(fragment) {
  return fragment[RAW];
}

/** Backticks in a sentence become <code>; everything else is escaped. @param {string} sentence */
export function prose(sentence) {
  return sentence.split('`').map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : html`${part}`));
}
