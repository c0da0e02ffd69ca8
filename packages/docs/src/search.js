// @ts-check
// The portal's search over both APIs and the comparison. The index is built here, at build time,
// from the generated models and the comparison; it goes into the page as JSON with a small matcher
// beside it, both inline, so the search runs offline, from file:// too, under the hash-only
// script policy of src/csp.js (a same-origin file would need a script-src of its own). Each entry
// links to a place that exists: a field or error of the portal's comparison (its id, see
// fieldAnchor and errorAnchor), a comparison row, or the operation on the Redoc page. Every
// operation of each API is indexed, its fields and errors under its own ids.
import { operationsOf, wireRoute } from './fields.js';
import { html, raw } from './html.js';
import { operationAnchor } from './redoc.js';

/** @typedef {import('./compare.js').Side} Side */
/** @typedef {import('./fields.js').Field} Field */
/** @typedef {ReturnType<typeof import('./compare.js').buildComparison>} Comparison */
/** @typedef {{ kind: string, title: string, api: string, text: string, href: string }} SearchEntry */

/** The id of a field's cell in the portal's comparison. @param {string} api @param {Field} field */
export const fieldAnchor = (api, field) => `${api}--${field.operation}--${field.side}--${field.name}`;
/** The id of an error's cell in an operation's comparison. @param {string} api @param {string} operation @param {string} code */
export const errorAnchor = (api, operation, code) => `${api}--${operation}--error--${code}`;
/** The id of an operation's section in the portal's comparison. @param {string} operation */
export const operationSection = (operation) => `operation--${operation}`;
/** The id of a table of an operation's comparison. @param {string} operation @param {string} table */
export const tableAnchor = (operation, table) => `${operation}--${table}`;
/** The id of a comparison row that pairs by a concept. @param {string} operation @param {string} table @param {string} concept */
export const rowAnchor = (operation, table, concept) => `${tableAnchor(operation, table)}--${concept}`;

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
    for (const operation of operationsOf(model)) {
      const reference = `${api}.html${operationAnchor(operation)}`;
      const { route, header } = wireRoute(operation);
      entries.push({
        kind: 'operation',
        title: operation.id,
        api: name,
        text: [operation.summary, model.summary, route, header].filter(Boolean).join(' · '),
        href: reference,
      });
      for (const field of side.fields.filter((f) => f.operation === operation.id)) {
        entries.push({
          kind: `${field.side} field of ${operation.id}`,
          title: field.name,
          api: name,
          text: [field.concept, field.description].filter(Boolean).join(' · '),
          href: `index.html#${fieldAnchor(api, field)}`,
        });
      }
      for (const error of model.errors.entries.filter((entry) => operation.errorCodes.includes(entry.code))) {
        entries.push({
          kind: `error of ${operation.id}, HTTP ${error.status}`,
          title: error.code,
          api: name,
          text: [error.kind, error.concept, error.description].filter(Boolean).join(' · '),
          href: `index.html#${errorAnchor(api, operation.id, error.code)}`,
        });
      }
      for (const scenario of operation.scenarios) {
        entries.push({
          kind: `example of ${operation.id}, HTTP ${scenario.status}`,
          title: scenario.name,
          api: name,
          text: [scenario.summary, scenario.description, scenario.errorCode].filter(Boolean).join(' · '),
          href: reference,
        });
      }
    }
  }
  for (const pair of comparison.operations) {
    for (const [table, rows] of /** @type {const} */ ([
      ['request-fields', pair.request],
      ['response-fields', pair.response],
      ['error-codes', pair.errors],
    ])) {
      for (const row of rows) {
        if (!row.concept) continue;
        const names = [...row.left, ...row.right].map((item) => ('code' in item ? item.code : item.name));
        entries.push({
          kind: `comparison of ${pair.id}`,
          title: row.concept,
          api: 'both',
          text: [...names, ...row.differences].join(' · '),
          href: `index.html#${rowAnchor(pair.id, table, row.concept)}`,
        });
      }
    }
  }
  return entries;
}

/**
 * The entries that hold every word of the query, best title matches first. It runs in the page
 * too (its source is inlined), so it uses nothing from outside itself.
 * @param {SearchEntry[]} index @param {string} query @returns {SearchEntry[]}
 */
export function matchEntries(index, query) {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  /** @type {[number, SearchEntry][]} */
  const found = [];
  for (const entry of index) {
    const title = entry.title.toLowerCase();
    const all = `${title} ${entry.api} ${entry.kind} ${entry.text}`.toLowerCase();
    if (!words.every((word) => all.includes(word))) continue;
    const score = words.reduce((sum, word) => sum + (title === word || title.endsWith(`.${word}`) ? 4 : title.includes(word) ? 2 : 1), 0);
    found.push([score, entry]);
  }
  // Array sort is stable: equal scores keep the index's order (API, operation, field).
  found.sort((x, y) => y[0] - x[0]);
  return found.map(([, entry]) => entry);
}

/** Runs in the page: filters the index by every word of the box with `match`, best title matches first. @param {typeof matchEntries} match */
function searchInPage(match) {
  const data = document.getElementById('search-index');
  const input = /** @type {HTMLInputElement | null} */ (document.getElementById('search-input'));
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!data || !input || !list || !status) return;
  /** @type {SearchEntry[]} */
  const index = JSON.parse(data.textContent || '[]');
  const show = () => {
    list.replaceChildren();
    if (input.value.trim() === '') {
      status.textContent = '';
      return;
    }
    const found = match(index, input.value);
    for (const entry of found.slice(0, 40)) {
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
      <script>${raw(`(${searchInPage.toString()})(${matchEntries.toString()});`)}</script>
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
