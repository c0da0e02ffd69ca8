// @ts-check
// redocly bundle writes numbers through JavaScript, which rounds integers above 2^53
// (9223372036854775807 becomes 9223372036854776000). This puts the source's digits back into a
// bundle's JSON or YAML text, so that readers that keep big integers exact see the spec's value.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/**
 * Rounded text -> exact digits, for every integer of the source that a double cannot hold.
 * @param {string} sourcePath a YAML or JSON spec file
 * @returns {Map<string, string>}
 */
export function roundedIntegers(sourcePath) {
  /** @type {Map<string, string>} */
  const rounded = new Map();
  /** @param {unknown} node a value of the parsed source */
  const visit = (node) => {
    if (typeof node === 'bigint' && !Number.isSafeInteger(Number(node))) {
      const key = String(Number(node));
      const exact = node.toString();
      if (rounded.has(key) && rounded.get(key) !== exact) {
        throw new Error(`${sourcePath}: ${rounded.get(key)} and ${exact} round to the same number; a bundle cannot tell them apart`);
      }
      rounded.set(key, exact);
    } else if (node && typeof node === 'object') {
      for (const value of Object.values(node)) visit(value);
    }
  };
  for (const document of parseAllDocuments(readFileSync(sourcePath, 'utf8'), { intAsBigInt: true })) visit(document.toJS());
  return rounded;
}

/**
 * JSON text with each rounded integer token written exactly; strings are left alone.
 * @param {string} text
 * @param {Map<string, string>} rounded from roundedIntegers
 */
export function restoreInJson(text, rounded) {
  return text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (token) => (token.startsWith('"') ? token : (rounded.get(token) ?? token)));
}

/**
 * YAML text with each rounded plain-scalar integer (after `key: ` or `- `) written exactly.
 * @param {string} text
 * @param {Map<string, string>} rounded from roundedIntegers
 */
export function restoreInYaml(text, rounded) {
  return text.replace(
    /(^\s*(?:-\s+|[^\s#'"][^:\n]*:\s+))(-?\d+)(\s*)$/gm,
    (/** @type {string} */ line, /** @type {string} */ before, /** @type {string} */ number, /** @type {string} */ after) =>
      rounded.has(number) ? `${before}${rounded.get(number)}${after}` : line,
  );
}
