// @ts-check
// The portal's search over both APIs and the comparison. The index is built here, at build time,
// from the generated models and the comparison; it goes into the page as JSON with a small matcher
// beside it, both inline, so the search runs offline, from file:// too, under the hash-only
// script policy of src/csp.js (a same-origin file would need a script-src of its own). Each entry
// links to a place that exists: a field or error of the portal's comparison (its id, see
// fieldAnchor and errorAnchor), a comparison row, or the operation on the Redoc page.
import { operationAnchor } from './redoc.js';
import { html, raw } from './html.js';

/** @typedef {import('./compare.js').Side} Side */
/** @typedef {import('./fields.js').Field} Field */
/** @typedef {ReturnType<typeof import('./compare.js').buildComparison>} Comparison */
/** @typedef {{ kind: string, title: string, api: string, text: string, href: string }} SearchEntry */

/** The id of a field's cell in the portal's comparison. @param {string} api @param {Field} field */
export const fieldAnchor = (api, field) => `${api}--${field.side}--${field.name}`;
/** The id of an error's cell in the portal's comparison. @param {string} api @param {string} code */
export const errorAnchor = (api, code) => `${api}--error--${code}`;
/** The id of a comparison row that pairs by a concept. @param {string} table @param {string} concept */
export const rowAnchor = (table, concept) => `${table}--${concept}`;

/**
 * Every field, error, scenario and operation of each side, and every paired row of the comparison.
 * @param {{ sides: (Side & { name: string })[], comparison: Comparison }} input
 * @returns {SearchEntry[]}
 */
export function buildSearchIndex({ sides, comparison }) {
  /** @type {SearchEntry[]} */
  const entries = [];
  for (const side of sides) {
    const { model, api, name } = side;
    const reference = `${api}.html${operationAnchor(model)}`;
    entries.push({
      kind: 'operation',
      title: model.operation.id,
      api: name,
      text: [model.operation.summary, model.summary, `${model.operation.method} ${model.operation.path}`].filter(Boolean).join(' · '),
      href: reference,
    });
    for (const field of side.fields) {
      entries.push({
        kind: `${field.side} field`,
        title: field.name,
        api: name,
        text: [field.concept, field.description].filter(Boolean).join(' · '),
        href: `index.html#${fieldAnchor(api, field)}`,
      });
    }
    for (const error of model.errors.entries) {
      entries.push({
        kind: `error, HTTP ${error.status}`,
        title: error.code,
        api: name,
        text: [error.kind, error.concept, error.description].filter(Boolean).join(' · '),
        href: `index.html#${errorAnchor(api, error.code)}`,
      });
    }
    for (const scenario of model.scenarios) {
      entries.push({
        kind: `example, HTTP ${scenario.status}`,
        title: scenario.name,
        api: name,
        text: [scenario.summary, scenario.description, scenario.errorCode].filter(Boolean).join(' · '),
        href: reference,
      });
    }
  }
  for (const [table, rows] of /** @type {const} */ ([
    ['request-fields', comparison.request],
    ['response-fields', comparison.response],
    ['error-codes', comparison.errors],
  ])) {
    for (const row of rows) {
      if (!row.concept) continue;
      const names = [...row.left, ...row.right].map((item) => ('code' in item ? item.code : item.name));
      entries.push({
        kind: 'comparison',
        title: row.concept,
        api: 'both',
        text: [...names, ...row.differences].join(' · '),
        href: `index.html#${rowAnchor(table, row.concept)}`,
      });
    }
  }
  return entries;
}

/** Runs in the page: filters the index by every word of the box, best title matches first. */
function searchInPage() {
  const data = document.getElementById('search-index');
  const input = /** @type {HTMLInputElement | null} */ (document.getElementById('search-input'));
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!data || !input || !list || !status) return;
  /** @type {{ kind: string, title: string, api: string, text: string, href: string }[]} */
  const index = JSON.parse(data.textContent || '[]');
  const show = () => {
    const words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    list.replaceChildren();
    if (words.length === 0) {
      status.textContent = '';
      return;
    }
    /** @type {[number, typeof index[number]][]} */
    const found = [];
    for (const entry of index) {
      const title = entry.title.toLowerCase();
      const all = `${title} ${entry.api} ${entry.kind} ${entry.text}`.toLowerCase();
      if (!words.every((word) => all.includes(word))) continue;
      const score = words.reduce((sum, word) => sum + (title === word || title.endsWith(`.${word}`) ? 4 : title.includes(word) ? 2 : 1), 0);
      found.push([score, entry]);
    }
    found.sort((x, y) => y[0] - x[0]);
    for (const [, entry] of found.slice(0, 40)) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = entry.href;
      link.textContent = entry.title;
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = ` ${entry.kind} · ${entry.api}${entry.text ? ` · ${entry.text.slice(0, 140)}` : ''}`;
      item.append(link, meta);
      list.append(item);
    }
    status.textContent = found.length === 1 ? '1 result' : `${found.length} results`;
  };
  input.addEventListener('input', show);
  // Enter follows the best match.
  input.addEventListener('keydown', (event) => {
    const first = list.querySelector('a');
    if (event.key === 'Enter' && first) first.click();
  });
  show();
}

/** The search box, the index and the matcher, for the portal. @param {SearchEntry[]} entries */
export function renderSearch(entries) {
  // `<` escaped so no text of the specs can close the script element.
  const json = JSON.stringify(entries).replace(/</g, '\\u003c');
  return html`<section id="search" role="search">
      <label for="search-input">Search both APIs and the comparison</label>
      <input id="search-input" type="search" placeholder="a field, an error code, a word of a description" autocomplete="off">
      <p id="search-status" aria-live="polite"></p>
      <ol id="search-results"></ol>
      <script type="application/json" id="search-index">${raw(json)}</script>
      <script>${raw(`(${searchInPage.toString()})();`)}</script>
    </section>`;
}

export const SEARCH_CSS = `
#search { margin-top: 24px; }
#search label { display: block; font-weight: 600; margin-bottom: 4px; }
#search-input { width: min(640px, 100%); box-sizing: border-box; padding: 6px 10px; font: inherit; border: 1px solid var(--layerspec-border); border-radius: 6px; background: var(--layerspec-bg); color: var(--layerspec-text); }
#search-status { color: var(--layerspec-muted); margin: 4px 0; min-height: 1em; }
#search-results { margin: 0; padding-left: 20px; max-height: 360px; overflow-y: auto; }
#search-results .meta { color: var(--layerspec-muted); font-size: 12.5px; }
:target { scroll-margin-top: 48px; outline: 2px solid var(--layerspec-link); }
`;
