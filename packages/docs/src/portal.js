// @ts-check
// The portal page: what layerspec is, a card per provider, and the side-by-side comparison.
// Plain template literals through the escaping `html` tag; every value comes from the generated
// models, providers.json or the comparison built from the models.
import { changesPage } from './changes.js';
import { factsOf } from './compare.js';
import { operationsOf, wireRoute } from './fields.js';
import { html, prose, raw, renderHtml } from './html.js';
import { operationAnchor } from './redoc.js';
import { errorAnchor, fieldAnchor, operationSection, rowAnchor, SEARCH_CSS, tableAnchor } from './search.js';

/** @typedef {import('./compare.js').Side} Side */
/** @typedef {import('./fields.js').Field} Field */
/** @typedef {import('@layerspec/specs/model').ErrorModel} ErrorModel */
/** @typedef {import('./code-samples.js').Provider} Provider */
/** @typedef {ReturnType<typeof import('./compare.js').buildComparison>} Comparison */
/** @typedef {import('../../../tools/spec-release/release.mjs').ReleaseIndex} ReleaseIndex */

/** The navigation bar shared by every page. @param {{ api: string, name: string }[]} pages @param {string} current */
export function renderBar(pages, current) {
  const link = (/** @type {string} */ href, /** @type {string} */ text, /** @type {string} */ className = '') =>
    html`<a href="${href}"${raw(className ? ` class="${className}"` : '')}${raw(href === current ? ' aria-current="page"' : '')}>${text}</a>`;
  return renderHtml(html`<nav class="layerspec-bar" aria-label="layerspec docs">
    ${link('index.html', 'layerspec docs portal', 'layerspec-home')}
    ${pages.map((page) => link(`${page.api}.html`, page.name))}
    ${link('index.html#comparison', 'Comparison')}
    ${link('layers.html', 'Layer model')}
    ${link('console.html', 'Console')}
    ${pages.map((page) => link(changesPage(page.api), `${page.name} changes`))}
  </nav>`);
}

/** The first sentence of a spec description, for a table cell. @param {string} text */
function firstSentence(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/\.(\s|$)/);
  return end < 0 ? flat : flat.slice(0, end + 1);
}

/** @param {unknown} value */
function exampleText(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** @param {Side} side @param {Field} field */
function fieldCell(side, field) {
  const facts = factsOf(field);
  const place = {
    path: 'path parameter',
    query: 'query parameter',
    header: field.side === 'request' ? 'header' : 'response header',
    body: 'JSON body',
    'credential-scope': 'credential scope of Authorization',
  }[field.in];
  const signed = field.signing ? ` · added when signing (${field.signing})` : '';
  const rules = [
    facts.length,
    facts.range,
    facts.items,
    facts.encoding,
    facts.date?.replace(/`/g, ''),
    facts.values && facts.values.length <= 6
      ? `one of ${facts.values.join(', ')}${facts.open ? ' or others' : ''}`
      : facts.values
        ? `${facts.values.length} listed values${facts.open ? ' or others' : ''}`
        : undefined,
  ].filter(Boolean);
  return html`<div class="field" id="${fieldAnchor(side.api, field)}">
    <code class="field-name">${field.name}</code>
    ${field.description ? html`<span class="description">${prose(firstSentence(field.description))}</span>` : ''}
    <span class="meta">${place} · ${facts.type}${facts.format ? ` (${facts.format})` : ''} · ${facts.required}${signed}</span>
    ${rules.length > 0 ? html`<span class="meta">${rules.join(' · ')}</span>` : ''}
    ${facts.pattern ? html`<span class="meta">pattern <code>${facts.pattern}</code></span>` : ''}
    ${field.example !== undefined && typeof field.example !== 'object' && exampleText(field.example).trim() !== '' ? html`<span class="meta">e.g. <code>${exampleText(field.example)}</code></span>` : ''}
  </div>`;
}

/** @param {Side} side @param {ErrorModel} error @param {string} operation */
function errorCell(side, error, operation) {
  const details = error.details.map((at) => (at.in === 'header' ? at.name : at.path.join('.')));
  return html`<div class="field" id="${errorAnchor(side.api, operation, error.code)}"><code class="error-code">${error.code}</code>
    <span class="meta">HTTP ${error.status} · ${error.kind} · ${error.retryable ? 'retryable' : 'not retryable'}</span>
    ${details.length > 0 ? html`<span class="meta">also carries ${details.map((name, i) => html`${i > 0 ? ', ' : ''}<code>${name}</code>`)}</span>` : ''}
  </div>`;
}

const NONE = html`<span class="none">no counterpart</span>`;

/**
 * @template T
 * @param {{ operation: string, id: string, title: string, intro: string, a: Side & { name: string }, b: Side & { name: string }, rows: import('./compare.js').Row<T>[], cell: (side: Side, item: T, operation: string) => unknown }} table
 *   id: the kind of table (`request-fields`, `response-fields`, `error-codes`)
 */
function comparisonTable({ operation, id, title, intro, a, b, rows, cell }) {
  return html`<section class="comparison" id="${tableAnchor(operation, id)}">
    <h4>${title}</h4>
    <p class="intro">${prose(intro)}</p>
    <table data-table="${id}" data-operation="${operation}">
      <thead><tr><th scope="col">Meaning</th><th scope="col">${a.name}</th><th scope="col">${b.name}</th><th scope="col">Differences</th></tr></thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr data-concept="${row.concept ?? ''}"${row.concept ? html` id="${rowAnchor(operation, id, row.concept)}"` : ''}>
            <th scope="row">${row.concept ? html`<span class="concept">${row.concept}</span>` : html`<span class="untagged">no shared meaning</span>`}</th>
            <td data-api="${a.api}" data-label="${a.name}">${row.left.length > 0 ? row.left.map((item) => cell(a, item, operation)) : NONE}</td>
            <td data-api="${b.api}" data-label="${b.name}">${row.right.length > 0 ? row.right.map((item) => cell(b, item, operation)) : NONE}</td>
            <td class="differences" data-label="Differences"><ul>${row.differences.map((text) => html`<li>${prose(text)}</li>`)}</ul></td>
          </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/**
 * One operation's comparison: its route on each side, then its request fields, response fields and errors.
 * @param {import('./compare.js').OperationPair} pair @param {Side & { name: string }} a @param {Side & { name: string }} b
 */
function operationComparison(pair, a, b) {
  const route = (/** @type {Side & { name: string }} */ side, /** @type {import('@layerspec/specs/model').OperationModel | undefined} */ operation) => {
    if (!operation) return html`<li data-api="${side.api}">${side.name}: <span class="none">no such operation</span></li>`;
    const { route: wire, header } = wireRoute(operation);
    return html`<li data-api="${side.api}">${side.name}: <a href="${side.api}.html${operationAnchor(operation)}"><code>${wire}</code></a>${header ? html` with <code>${header}</code>` : ''}${operation.summary ? ` · ${operation.summary}` : ''}</li>`;
  };
  const wrapped = /** @type {const} */ ([
    [a, pair.left],
    [b, pair.right],
  ])
    .filter(([, operation]) => operation && operation.result.length > 0)
    .map(([side, operation]) => ` ${side.name} wraps the answer in \`${operation?.result.join('.')}\`.`)
    .join('');
  const { id } = pair;
  return html`<section class="operation" id="${operationSection(id)}" data-operation="${id}">
      <h3>${id}</h3>
      <ul class="routes">${route(a, pair.left)}${route(b, pair.right)}</ul>
      ${comparisonTable({ operation: id, id: 'request-fields', title: 'Request fields', intro: 'What a caller sends.', a, b, rows: pair.request, cell: fieldCell })}
      ${comparisonTable({ operation: id, id: 'response-fields', title: 'Response fields', intro: `What a successful answer carries, headers and body members.${wrapped}`, a, b, rows: pair.response, cell: fieldCell })}
      ${comparisonTable({ operation: id, id: 'error-codes', title: 'Error codes', intro: 'Errors matched by meaning, each with its HTTP status, the kind a client branches on, and whether another attempt may succeed.', a, b, rows: pair.errors, cell: errorCell })}
    </section>`;
}

/** The latest revision of the description and its changes page, or that none is released. @param {string} api @param {ReleaseIndex | undefined} index */
function revisionCell(api, index) {
  const latest = index?.releases.at(-1);
  return latest
    ? html`<code>${latest.revision}</code> of ${latest.date} · <a href="${changesPage(api)}">What changed</a>`
    : html`<span class="none">not released yet</span>`;
}

/**
 * @param {Side & { name: string, provider: Provider }} side @param {string} mockCommand
 * @param {Record<string, ReleaseIndex> | undefined} releases each API's release index, when the build read them
 */
function card(side, mockCommand, releases) {
  const { model } = side;
  return html`<article class="card" data-api="${side.api}">
    <h2><a href="${side.api}.html">${side.name}</a></h2>
    <p>${model.summary ?? ''}</p>
    <dl>
      <dt>Operations</dt><dd><ul class="operations">${operationsOf(model).map((operation) => {
        const { route, header } = wireRoute(operation);
        return html`<li data-operation="${operation.id}"><a href="${side.api}.html${operationAnchor(operation)}">${operation.id}</a> <code>${route}</code>${header ? html` with <code>${header}</code>` : ''}</li>`;
      })}</ul></dd>
      <dt>Protocol</dt><dd>${model.protocol.description}</dd>
      <dt>Endpoint</dt><dd>${model.servers.map((server) => html`<code class="endpoint">${server.url}</code>`)}</dd>
      <dt>Signing</dt><dd>${model.provider.signing ?? model.signing.algorithm}</dd>
      <dt>API version</dt><dd><code>${model.version}</code></dd>
      ${releases ? html`<dt>Revision</dt><dd>${revisionCell(side.api, releases[side.api])}</dd>` : ''}
      <dt>Client</dt><dd><code>npm install ${side.provider.clientPackage}</code></dd>
      <dt>Mock</dt><dd><code>${mockCommand}</code> serves it on <code>http://127.0.0.1:${String(side.provider.mockPort)}</code></dd>
      <dt>Spec</dt><dd><a href="specs/${side.api}.json" download>${side.api}.json</a> · <a href="specs/${side.api}.yaml" download>${side.api}.yaml</a> (bundled OpenAPI)</dd>
    </dl>
    <p><a class="button" href="${side.api}.html">Read the ${side.name} reference</a></p>
  </article>`;
}

/**
 * @param {{ sides: (Side & { name: string, provider: Provider })[], comparison: Comparison, themeCss: string, mockCommand: string, releases?: Record<string, ReleaseIndex>, search?: import('./html.js').Html }} input
 *   search: the search box with its index (src/search.js)
 *   releases: each API's release index, for the card's revision and its "What changed" link
 * @returns {string}
 */
export function renderPortal({ sides, comparison, themeCss, mockCommand, releases, search }) {
  const [a, b] = sides;
  if (!a || !b) throw new Error('the portal compares exactly two APIs');
  const bar = renderBar(
    sides.map((s) => ({ api: s.api, name: s.name })),
    'index.html',
  );
  const ids = comparison.operations.map((pair) => pair.id);
  const idList = ids.length > 1 ? `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}` : (ids[0] ?? '');
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>layerspec: ${idList} on ${a.name} and ${b.name}</title>
  <style>${raw(themeCss)}${raw(PORTAL_CSS)}${raw(search ? SEARCH_CSS : '')}</style>
</head>
<body>
  ${raw(bar)}
  <main>
    <header class="hero">
      <h1>layerspec</h1>
      <p>${ids.length === 1 ? 'One operation' : `${ids.length} operations`}, two clouds: ${ids.map((id, i) => html`${i === 0 ? '' : i === ids.length - 1 ? ' and ' : ', '}<strong>${id}</strong>`)} on ${a.name} and ${b.name}, described by hand-written OpenAPI 3.1 specs.
      From those specs come typed TypeScript clients, local mocks that answer like the providers, and these pages.
      Nothing here is typed by hand twice: the references and the comparison below are generated from the specs.</p>
    </header>
    ${search ?? ''}
    <section class="cards">${sides.map((side) => card(side, mockCommand, releases))}</section>
    <section id="layer-model">
      <h2>One layer model</h2>
      <p class="intro"><code>@layerspec/layers</code> reads either answer as one <code>LayerVersion</code>. <a href="layers.html">See each neutral field, where it comes from in ${a.name} and ${b.name}, and what each does not say</a>.</p>
    </section>
    <section id="comparison">
      <h2>Side by side</h2>
      <p class="intro">Operations are matched by their <code>operationId</code>, then fields and errors by meaning (the specs' <code>x-layerspec-concept</code> tags). Every field of both specs has a row; a field with no match says <span class="none">no counterpart</span>, and an operation only one provider has is shown on its side. <a href="console.html">Call both mocks at once in the console</a> to see the two requests and answers side by side.</p>
      <nav class="operation-index" aria-label="Operations compared"><ul>${comparison.operations.map((pair) => html`<li><a href="#${operationSection(pair.id)}">${pair.id}</a></li>`)}</ul></nav>
      ${comparison.operations.map((pair) => operationComparison(pair, a, b))}
    </section>
  </main>
  <footer>Generated from the models of <code>@layerspec/specs</code>: ${sides.map((s) => `${s.api} ${s.model.version}`).join(', ')}. Serve this folder from any static host, or open it from disk.</footer>
</body>
</html>
`;
  return renderHtml(page);
}

export const PORTAL_CSS = `
body { margin: 0; background: var(--layerspec-bg); color: var(--layerspec-text); font: 14px/1.6 var(--layerspec-font); }
main { max-width: 1280px; margin: 0 auto; padding: 24px 32px 48px; }
a { color: var(--layerspec-link); }
code { font-family: var(--layerspec-mono); font-size: 12.5px; background: var(--layerspec-bg-code); border-radius: 4px; padding: 1px 4px; overflow-wrap: anywhere; }
h1 { font-size: 36px; margin: 16px 0 8px; }
h2 { font-size: 24px; margin: 32px 0 8px; }
h3 { font-size: 20px; margin: 28px 0 4px; }
h4 { font-size: 16px; margin: 20px 0 4px; }
.operation { border-top: 1px solid var(--layerspec-border); margin-top: 24px; }
.routes, .operations { margin: 4px 0; padding-left: 20px; }
.operation-index ul { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; }
.hero p { max-width: 860px; font-size: 16px; color: var(--layerspec-text-secondary); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(420px, 100%), 1fr)); gap: 24px; margin-top: 24px; }
.card { border: 1px solid var(--layerspec-border); border-radius: 6px; background: var(--layerspec-bg-raised); padding: 8px 24px 16px; }
.card h2 { margin-top: 12px; }
.card h2 a { color: inherit; text-decoration: none; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 12px 0; }
.card dt { color: var(--layerspec-muted); }
.card dd { margin: 0; }
.card .endpoint { display: table; margin-bottom: 2px; }
.button { display: inline-block; padding: 6px 14px; border: 1px solid var(--layerspec-border); border-radius: 6px; background: var(--layerspec-bg); text-decoration: none; font-weight: 600; }
.intro { color: var(--layerspec-text-secondary); }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 8px; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--layerspec-border); padding: 8px 10px; }
thead th { background: var(--layerspec-bg-raised); border-bottom: 2px solid var(--layerspec-border); position: sticky; top: 0; }
thead th:nth-child(1) { width: 12%; } thead th:nth-child(2), thead th:nth-child(3) { width: 27%; }
tbody th { font-weight: 500; }
.concept { font-family: var(--layerspec-mono); font-size: 12.5px; color: var(--layerspec-text-secondary); }
.field + .field { margin-top: 8px; }
.field .meta { display: block; color: var(--layerspec-muted); font-size: 12.5px; }
.field .description { display: block; color: var(--layerspec-text-secondary); font-size: 13px; }
.field-name, .error-code { font-weight: 600; background: none; padding: 0; }
.none { color: var(--layerspec-missing); font-style: italic; }
.untagged { color: var(--layerspec-muted); font-style: italic; }
.differences ul { margin: 0; padding-left: 18px; }
/* A phone has no room for four columns: each row becomes a card, each cell says whose it is. */
@media (max-width: 760px) {
  main { padding: 12px 14px 32px; }
  .card { padding: 4px 14px 12px; }
  .card dl { grid-template-columns: 1fr; gap: 0; }
  .card dd { margin-bottom: 6px; }
  table, tbody, tr, tbody th, td { display: block; width: auto; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  tr { border: 1px solid var(--layerspec-border); border-radius: 6px; margin: 0 0 12px; }
  tbody th, td { border-bottom: 1px solid var(--layerspec-border); padding: 6px 10px; }
  td:last-child { border-bottom: none; }
  td::before { content: attr(data-label); display: block; font-weight: 600; font-size: 12.5px; color: var(--layerspec-muted); }
}
.lost { background: var(--layerspec-bg-raised); }
footer { border-top: 1px solid var(--layerspec-border); color: var(--layerspec-muted); padding: 16px 32px; font-size: 12.5px; }
`;
