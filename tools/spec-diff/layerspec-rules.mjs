// @ts-check
// layerspec's own rules on the changes `redocly diff` found, for what a generated client needs
// and redocly does not say: see the table in README.md.
import { bumpRank, fieldOf, operationOf, partOf } from './pointers.mjs';

/** @typedef {import('./diff.mjs').SpecChange} SpecChange */
/** @typedef {import('./diff.mjs').RedoclyChange} RedoclyChange */

/** The values an enum change added, when both sides are enums. */
function addedValues(/** @type {RedoclyChange} */ change) {
  const before = change.base?.value;
  const after = change.revision?.value;
  if (change.property !== 'enum' || !Array.isArray(before) || !Array.isArray(after)) return [];
  return after.filter((value) => !before.includes(value));
}

/**
 * @param {RedoclyChange[]} raw the changes of redocly's report
 * @param {any} base
 * @param {any} head
 * @returns {SpecChange[]}
 */
export function layerspecChanges(raw, base, head) {
  /** @type {SpecChange[]} */
  const changes = [];
  for (const change of raw) {
    const added = addedValues(change);
    if (added.length === 0) continue;
    const part = partOf(change.path);
    const operation = operationOf(change.path, head, base);
    const field = fieldOf(change.revision?.pointer, head, base);
    const common = { part, ...(operation ? { operation } : {}), ...(field ? { field } : {}), pointer: change.path, source: /** @type {const} */ ('layerspec') };
    const values = added.map((value) => JSON.stringify(value)).join(', ');
    // A generated client types a response enum as a union: a consumer's exhaustive switch over it
    // (with a `never` default) stops compiling, and one without a default misses the new value.
    if (part === 'response')
      changes.push({
        ...common,
        bump: 'minor',
        exhaustive: true,
        rule: 'response-enum-values-added',
        message: `${field ?? 'an enum'} can now answer ${values}: an exhaustive switch over it in a consumer no longer covers every value`,
      });
    // A new value a caller may send is a new feature, which redocly rates a patch.
    else if (part === 'request' && bumpRank(change.impact) < bumpRank('minor'))
      changes.push({ ...common, bump: 'minor', rule: 'request-enum-values-added', message: `${field ?? 'an enum'} now takes ${values} in a request` });
  }
  return changes;
}
