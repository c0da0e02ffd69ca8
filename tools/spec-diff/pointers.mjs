// @ts-check
// Where a change sits, read from the JSON pointers of redocly's report and the bundles, and how
// large a bump is.

/** @typedef {import('./diff.mjs').Bump} Bump */
/** @typedef {import('./diff.mjs').SpecChange} SpecChange */

/** @type {Bump[]} from the largest bump down */
export const BUMPS = ['major', 'minor', 'patch'];

/** How large a bump is: 3 for major down to 0 for none. */
export function bumpRank(/** @type {string | null | undefined} */ bump) {
  const index = BUMPS.indexOf(/** @type {Bump} */ (bump));
  return index === -1 ? 0 : BUMPS.length - index;
}

/** The segments of a JSON pointer such as `#/paths/~1/post`. */
export function pointerSegments(/** @type {string} */ pointer) {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The part of an operation a change touches, from redocly's path through the operation.
 * @param {string} path
 * @returns {SpecChange['part']}
 */
export function partOf(path) {
  const segments = pointerSegments(path);
  if (segments.includes('responses')) return 'response';
  if (segments.includes('parameters') || segments.includes('requestBody')) return 'request';
  return 'other';
}

/** The operationId a path through `#/paths/<path>/<method>` belongs to. */
export function operationOf(/** @type {string} */ path, /** @type {any[]} */ ...specs) {
  const [root, route, method] = pointerSegments(path);
  if (root !== 'paths' || route === undefined || method === undefined) return undefined;
  for (const spec of specs) {
    const item = spec?.paths?.[route];
    // A path-level parameter belongs to every operation of its path.
    const operations = method === 'parameters' ? Object.values(item ?? {}) : [item?.[method]];
    const ids = operations.map((operation) => operation?.operationId).filter(Boolean);
    if (ids.length > 0) return ids.join(', ');
  }
  return undefined;
}

/** A field's name from where it is declared: `Schema.property.property` or a parameter's name. */
export function fieldOf(/** @type {string | undefined} */ pointer, /** @type {any[]} */ ...specs) {
  if (pointer === undefined) return undefined;
  const [root, kind, name, ...rest] = pointerSegments(pointer);
  if (root !== 'components' || name === undefined) return undefined;
  if (kind === 'parameters') return specs.map((spec) => spec?.components?.parameters?.[name]?.name).find(Boolean) ?? name;
  if (kind !== 'schemas') return undefined;
  const properties = rest.flatMap((segment, index) => (rest[index - 1] === 'properties' ? [segment] : []));
  return [name, ...properties].join('.');
}
