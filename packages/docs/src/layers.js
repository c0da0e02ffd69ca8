// @ts-check
// The page of the neutral layer model: each LayerVersion field, the answer field of each provider
// that feeds it (with its encoding or date shape), and what each provider does not say. Every row
// comes from the generated mapping of @layerspec/layers, which is read from the spec models.
import { html, raw, renderHtml } from './html.js';

/** @typedef {typeof import('@layerspec/layers').mapping} Mapping */
/** @typedef {Mapping[keyof Mapping]['fields'][number]} FieldMapping */
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

/** The neutral fields, in the order the providers' mappings first name them. @param {Mapping} mapping @returns {string[]} */
export function neutralFields(mapping) {
  return [...new Set(Object.values(mapping).flatMap((provider) => provider.fields.map((entry) => entry.field)))];
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
    return { ...side, own };
  });
  const fields = neutralFields(mapping);
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
      <p><code>@layerspec/layers</code> turns either provider's answer for a layer version into one <code>LayerVersion</code> with <code>toLayerVersion(provider, answer)</code>.
      Each row is a neutral field and the answer field that feeds it; the mapping is generated from the specs' <code>x-layerspec-concept</code> tags, so this table follows the specs.</p>
    </header>
    <section class="comparison" id="layer-version">
      <h2>LayerVersion fields</h2>
      <table data-table="layer-version">
        <thead><tr><th scope="col">Neutral field</th>${providers.map((p) => html`<th scope="col">${p.name}</th>`)}</tr></thead>
        <tbody>
          ${fields.map(
            (field) => html`<tr data-field="${field}">
              <th scope="row"><code class="field-name">${field}</code></th>
              ${providers.map((p) => {
                const entry = p.own.fields.find((e) => e.field === field);
                return html`<td data-api="${p.api}" data-label="${p.name}"${raw(entry ? '' : ' class="lost"')}>${entry ? sourceCell(p.api, entry, statusTables) : absentCell(field, statusWithoutField)}</td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
    </section>
    <section id="raw-only">
      <h2>Kept only in <code>raw</code></h2>
      <p class="intro">Answer fields with no neutral field; <code>LayerVersion.raw</code> keeps the provider's answer untouched.</p>
      <ul>${providers.map((p) => html`<li data-api="${p.api}">${p.name}: ${p.own.rawOnly.map((entry, i) => html`${i > 0 ? ', ' : ''}<code>${entry.from}</code> (${entry.concept})`)}</li>`)}</ul>
    </section>
  </main>
  <footer>Generated from the mapping of <code>@layerspec/layers</code>: ${providers.map((p) => `${p.api} from ${p.own.source}`).join(', ')}.</footer>
</body>
</html>
`;
  return renderHtml(page);
}
