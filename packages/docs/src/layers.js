// @ts-check
// The page of the neutral layer model: for each operation the mapping covers, each LayerVersion
// field, the answer field of each provider that feeds it (with its encoding or date shape), and
// what each provider does not say. Every row comes from the generated mapping of @layerspec/layers,
// which is read from the spec models; operations pair by operationId, as in the portal.
import { html, raw, renderHtml } from './html.js';

/** @typedef {typeof import('@layerspec/layers').mapping} Mapping */
/** @typedef {import('@layerspec/layers').FieldMapping} FieldMapping */
/** @typedef {{ fields: readonly FieldMapping[], rawOnly: readonly { from: string, concept: string }[], items?: readonly string[] }} MappedOperation */
/**
 * @typedef {object} LayersInput
 * @property {Mapping} mapping  the generated mapping of the layers package
 * @property {Readonly<Record<string, Readonly<Record<string, string>>>>} statusTables  each provider's status values onto the neutral ones
 * @property {string} statusWithoutField  the status of an answer with no status field
 * @property {{ api: string, name: string }[]} sides  the display name of each provider, by API
 * @property {string} bar  the navigation bar
 * @property {string} themeCss
 * @property {string} css  the portal's styles, shared
 */

/** A provider's mapped operations, by operationId. @param {Mapping[keyof Mapping]} provider @returns {Readonly<Record<string, MappedOperation>>} */
export const mappedOperations = (provider) => /** @type {Readonly<Record<string, MappedOperation>>} */ (/** @type {unknown} */ (provider.operations));

/** Every operation any provider's mapping covers, in the order the providers name them. @param {Mapping} mapping @returns {string[]} */
export function mappedOperationIds(mapping) {
  return [...new Set(Object.values(mapping).flatMap((provider) => Object.keys(mappedOperations(provider))))];
}

/**
 * The neutral fields of an operation (of every operation without one), in the order the
 * providers' mappings first name them.
 * @param {Mapping} mapping @param {string} [operation] @returns {string[]}
 */
export function neutralFields(mapping, operation) {
  return [
    ...new Set(
      Object.values(mapping).flatMap((provider) =>
        Object.entries(mappedOperations(provider))
          .filter(([id]) => operation === undefined || id === operation)
          .flatMap(([, own]) => own.fields.map((entry) => entry.field)),
      ),
    ),
  ];
}

/** How the answer writes the value: type, format, digest encoding, date shape, listed values. @param {FieldMapping} entry */
function shapeOf(entry) {
  const parts = [`${entry.type}${'format' in entry ? ` (${entry.format})` : ''}`];
  if ('encoding' in entry) parts.push(`${entry.encoding.digest.toUpperCase().replace('SHA', 'SHA-')} as ${entry.encoding.as}`);
  if ('date' in entry) parts.push(`written ${entry.date.shape}, read as UTC${entry.date.utcOffset}`);
  if ('itemsEnum' in entry) parts.push(`${entry.itemsEnum.length} listed values`);
  parts.push(entry.required ? 'always present' : 'optional');
  return parts.join(' · ');
}

/**
 * @param {string} api @param {FieldMapping} entry
 * @param {LayersInput['statusTables']} statusTables
 */
function sourceCell(api, entry, statusTables) {
  const table = statusTables[api] ?? {};
  // The spec's values, each with the neutral status it reads as; one the table lacks says so.
  const values = entry.field === 'status' && 'enum' in entry ? entry.enum : [];
  return html`<div class="field"><code class="field-name source">${entry.from.join('.')}</code>
    <span class="meta">${shapeOf(entry)}</span>
    ${
      values.length > 0
        ? html`<span class="meta">${values.map(
            (own, i) =>
              html`${i > 0 ? ', ' : ''}<code>${own}</code> → ${Object.hasOwn(table, own) ? html`<code>${table[own]}</code>` : html`<span class="none">no neutral status</span>`}`,
          )}</span>`
        : ''
    }</div>`;
}

/** What a reader gets when the provider's answer has no field for it. @param {string} field @param {string} statusWithoutField */
function absentCell(field, statusWithoutField) {
  return field === 'status'
    ? html`<div class="field"><span class="none">not in the answer</span><span class="meta">always <code>${statusWithoutField}</code>: the provider answers only for a published version</span></div>`
    : html`<div class="field"><span class="none">not in the answer</span></div>`;
}

/** @param {LayersInput} input @returns {string} */
export function renderLayersPage({ mapping, statusTables, statusWithoutField, sides, bar, themeCss, css }) {
  const providers = sides.map((side) => {
    const own = /** @type {Mapping[keyof Mapping] | undefined} */ (/** @type {Record<string, Mapping[keyof Mapping]>} */ (mapping)[side.api]);
    if (!own) throw new Error(`the mapping of @layerspec/layers has no provider "${side.api}"`);
    return { ...side, own, operations: mappedOperations(own) };
  });
  const section = (/** @type {string} */ id) => {
    const fields = neutralFields(mapping, id);
    const having = providers.filter((p) => p.operations[id]);
    const lists = having.filter((p) => p.operations[id]?.items);
    return html`<section class="comparison" id="layer-version--${id}" data-operation="${id}">
      <h2>${id}</h2>
      <p class="intro">${
        lists.length > 0
          ? html`Each item of the answer's list is one <code>LayerVersion</code>: ${lists.map((p, i) => html`${i > 0 ? '; ' : ''}${p.name} lists them in <code>${p.operations[id]?.items?.join('.')}</code>`)}.`
          : html`The answer is one <code>LayerVersion</code>.`
      }${having.length < providers.length ? ` Only ${having.map((p) => p.name).join(', ')} has this operation.` : ''}</p>
      <table data-table="layer-version" data-operation="${id}">
        <thead><tr><th scope="col">Neutral field</th>${providers.map((p) => html`<th scope="col">${p.name}</th>`)}</tr></thead>
        <tbody>
          ${fields.map(
            (field) => html`<tr data-field="${field}">
              <th scope="row"><code class="field-name">${field}</code></th>
              ${providers.map((p) => {
                const entry = p.operations[id]?.fields.find((e) => e.field === field);
                return html`<td data-api="${p.api}" data-label="${p.name}"${raw(entry ? '' : ' class="lost"')}>${entry ? sourceCell(p.api, entry, statusTables) : absentCell(field, statusWithoutField)}</td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
      <h3>Kept only in <code>raw</code></h3>
      <ul class="raw-only">${having.map((p) => html`<li data-api="${p.api}">${p.name}: ${(p.operations[id]?.rawOnly ?? []).map((entry, i) => html`${i > 0 ? ', ' : ''}<code>${entry.from}</code> (${entry.concept})`)}</li>`)}</ul>
    </section>`;
  };
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>layerspec: one layer model across ${providers.map((p) => p.name).join(' and ')}</title>
  <style>${raw(themeCss)}${raw(css)}</style>
</head>
<body>
  ${raw(bar)}
  <main>
    <header class="hero">
      <h1>One layer model</h1>
      <p><code>@layerspec/layers</code> reads the answer of each operation below, on either provider, as <code>LayerVersion</code> values.
      Each row is a neutral field and the answer field that feeds it; answer fields with no neutral field are kept untouched in <code>LayerVersion.raw</code>.
      The mapping is generated from the specs' <code>x-layerspec-concept</code> tags, so these tables follow the specs; an operation whose answer carries no layer concept is not mapped.</p>
    </header>
    ${mappedOperationIds(mapping).map(section)}
  </main>
  <footer>Generated from the mapping of <code>@layerspec/layers</code>: ${providers.map((p) => `${p.api} from ${p.own.source}`).join(', ')}.</footer>
</body>
</html>
`;
  return renderHtml(page);
}
