// @ts-check
// Lines up two specs' fields and errors by concept, and spells out how each pair differs.
// Everything here is computed from the specs, so the comparison cannot drift from them.
import { resolveNode } from './spec.js';

/** @typedef {import('./spec.js').Field} Field */
/** @typedef {import('./spec.js').ErrorEntry} ErrorEntry */
/** @typedef {any} Json */
/**
 * @typedef {object} Side
 * @property {string} api
 * @property {string} label   a short provider name for sentences, e.g. "AWS"
 * @property {Json} doc
 * @property {Field[]} fields
 * @property {ErrorEntry[]} errors
 */
/**
 * @template T
 * @typedef {{ concept: string | undefined, left: T[], right: T[], differences: string[] }} Row
 */

/** JSON has no 64-bit integers, so 2^63 - 1 arrives rounded up to 2^63. @param {number} n */
export function formatNumber(n) {
  if (n >= 2 ** 63) return '2^63 − 1';
  if (n <= -(2 ** 63)) return '−2^63';
  return String(n);
}

/** Names a pattern's encoding when it is one of the plain fixed-length forms. @param {string | undefined} pattern */
export function encodingOf(pattern) {
  if (!pattern) return undefined;
  const hex = /^\^\[0-9a-f\]\{(\d+)\}\$$/.exec(pattern);
  if (hex) return `lower-case hex (${hex[1]} characters)`;
  const base64 = /^\^\[A-Za-z0-9\+\/\]\{(\d+)\}(=*)\$$/.exec(pattern);
  if (base64) return `base64 (${Number(base64[1]) + (base64[2] ?? '').length} characters)`;
  return undefined;
}

/** One short phrase for a schema, e.g. `string (uri)` or `array of string`. @param {Json} doc @param {Json} node @returns {string} */
export function typeOf(doc, node) {
  const { schema } = resolveNode(doc, node);
  if (!schema || typeof schema !== 'object') return 'any';
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches)) {
    const phrases = branches.map((branch) => typeOf(doc, branch));
    if (new Set(phrases).size === phrases.length) return phrases.join(' or ');
    // Branches of the same type ("object or object") are told apart by the schema they name.
    const names = branches.map((branch, i) => (typeof branch?.$ref === 'string' ? branch.$ref.split('/').pop() : phrases[i]));
    return new Set(phrases).size === 1 ? `${phrases[0]}: ${names.join(' or ')}` : names.map((name, i) => (name === phrases[i] ? name : `${name} (${phrases[i]})`)).join(' or ');
  }
  if (schema.type === 'array') return `array of ${typeOf(doc, schema.items)}`;
  const type = schema.type ?? (schema.properties ? 'object' : 'any');
  const format = schema.format ? ` (${schema.format})` : '';
  const values = Array.isArray(schema.enum) ? `, one of ${schema.enum.length} listed values` : '';
  const pattern = !values && schema.pattern ? ` matching \`${schema.pattern}\`` : '';
  return `${type}${format}${values}${pattern}`;
}

/**
 * A bound as a reader says it: `1 to 140 characters`, `at least 1 character`, `at most 15 items`,
 * `at least 0`. A minimum of 0 on a count says nothing, so it is left out.
 * @param {number | undefined} min @param {number | undefined} max @param {string} [unit] singular, e.g. `character`
 */
export function bounds(min, max, unit) {
  const lower = unit && min === 0 ? undefined : min;
  if (lower === undefined && max === undefined) return undefined;
  const count = (/** @type {number} */ n) => (unit ? ` ${unit}${n === 1 ? '' : 's'}` : '');
  if (lower !== undefined && max !== undefined) return `${formatNumber(lower)} to ${formatNumber(max)}${count(max)}`;
  if (lower !== undefined) return `at least ${formatNumber(lower)}${count(lower)}`;
  return `at most ${formatNumber(/** @type {number} */ (max))}${count(/** @type {number} */ (max))}`;
}

/** The rules of a field that a reader compares, as short texts. @param {Json} doc @param {Field} field */
export function factsOf(doc, field) {
  const s = field.schema ?? {};
  const length = bounds(s.minLength, s.maxLength, 'character');
  const range = bounds(s.minimum, s.maximum);
  const items = bounds(s.minItems, s.maxItems, 'item');
  const values = s.const !== undefined ? [String(s.const)] : Array.isArray(s.enum) ? s.enum.map(String) : undefined;
  return {
    type: typeOf(doc, { ...s, format: undefined, pattern: undefined, enum: undefined }),
    format: s.format,
    pattern: s.pattern,
    encoding: encodingOf(s.pattern),
    length,
    range,
    items,
    values,
    required: requirement(field),
  };
}

/** @param {Field} field */
export function requirement(field) {
  if (field.requiredIn.length === 0) return 'optional';
  if (field.requiredIn.length === field.appearsIn.length) return 'required';
  return `required in ${field.requiredIn.join(', ')}`;
}

/** `Content.CodeSha256` -> [`CodeSha256`, `Content`]. @param {string} name @returns {[string, string]} */
function splitName(name) {
  const at = name.lastIndexOf('.');
  return at < 0 ? [name, ''] : [name.slice(at + 1), name.slice(0, at)];
}

/** @param {Field} field */
function placeOf(field) {
  const places = { path: 'a path parameter', query: 'a query parameter', header: 'a header', body: 'a JSON body member', 'credential-scope': 'part of the credential scope in the Authorization header' };
  return places[field.in];
}

/** @param {unknown} value */
function exampleText(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Every way two fields of the same meaning differ, in sentences (`code` in backticks).
 * @param {Side} a @param {Field} left @param {Side} b @param {Field} right @returns {string[]}
 */
export function fieldDifferences(a, left, b, right) {
  const l = factsOf(a.doc, left);
  const r = factsOf(b.doc, right);
  /** @type {string[]} */
  const out = [];
  const [leftLeaf, leftParent] = splitName(left.name);
  const [rightLeaf, rightParent] = splitName(right.name);
  if (leftLeaf !== rightLeaf) out.push(`Named \`${leftLeaf}\` by ${a.label}, \`${rightLeaf}\` by ${b.label}.`);
  if (left.in === right.in && leftParent !== rightParent) {
    const where = (/** @type {string} */ parent) => (parent ? `inside \`${parent}\`` : 'at the top level');
    out.push(`Nesting: ${where(leftParent)} in ${a.label}, ${where(rightParent)} in ${b.label}.`);
  }
  if (left.in !== right.in) out.push(`${a.label}: ${placeOf(left)}; ${b.label}: ${placeOf(right)}.`);
  if (l.required !== r.required) out.push(`Presence: ${l.required} in ${a.label}, ${r.required} in ${b.label}.`);
  if (l.type !== r.type) out.push(`Type: ${l.type} in ${a.label}, ${r.type} in ${b.label}.`);
  if (l.format !== r.format) out.push(`Format: ${l.format ?? 'none'} in ${a.label}, ${r.format ?? 'none'} in ${b.label}.`);
  if (l.format === 'int64' || r.format === 'int64') {
    const who = l.format === r.format ? 'Both are' : `${l.format === 'int64' ? a.label : b.label} uses`;
    out.push(`${who} 64-bit integers (int64): above 2^53 − 1 a JavaScript number loses precision, so read them as BigInt or text.`);
  }
  if (l.pattern !== r.pattern && (l.pattern || r.pattern)) {
    if (l.encoding && r.encoding && l.encoding !== r.encoding) {
      out.push(`Encoding: ${l.encoding} in ${a.label}, ${r.encoding} in ${b.label}.`);
    } else {
      out.push(`Pattern: ${l.pattern ? `\`${l.pattern}\`` : 'none'} in ${a.label}, ${r.pattern ? `\`${r.pattern}\`` : 'none'} in ${b.label}.`);
    }
    if (left.example !== undefined && right.example !== undefined) {
      out.push(`For example \`${exampleText(left.example)}\` (${a.label}) and \`${exampleText(right.example)}\` (${b.label}).`);
    }
  }
  if (l.length !== r.length) out.push(`Length: ${l.length ?? 'no limit'} in ${a.label}, ${r.length ?? 'no limit'} in ${b.label}.`);
  if (l.range !== r.range) out.push(`Range: ${l.range ?? 'no limit'} in ${a.label}, ${r.range ?? 'no limit'} in ${b.label}.`);
  if (l.items !== r.items) out.push(`Items: ${l.items ?? 'no limit'} in ${a.label}, ${r.items ?? 'no limit'} in ${b.label}.`);
  if (JSON.stringify(l.values) !== JSON.stringify(r.values)) {
    const list = (/** @type {string[] | undefined} */ v) => (v ? v.map((x) => `\`${x}\``).join(', ') : 'any value');
    out.push(`Values: ${list(l.values)} in ${a.label}; ${list(r.values)} in ${b.label}.`);
  }
  if (!out.some((text) => /^(Presence|Type|Format|Pattern|Encoding|Length|Range|Items|Values)/.test(text))) out.push('Same type and rules.');
  return out;
}

/**
 * Groups items by concept into rows; an item without a concept, or whose concept the other
 * side lacks, gets a row that says it has no counterpart.
 * @template T
 * @param {T[]} left @param {T[]} right @param {(item: T) => string | undefined} conceptOf
 * @returns {Row<T>[]}
 */
function pairByConcept(left, right, conceptOf) {
  /** @type {Row<T>[]} */
  const rows = [];
  const done = new Set();
  for (const [item, side] of [...left.map((x) => [x, 'left']), ...right.map((x) => [x, 'right'])]) {
    const concept = conceptOf(/** @type {T} */ (item));
    if (concept === undefined) {
      rows.push({ concept, left: side === 'left' ? [/** @type {T} */ (item)] : [], right: side === 'right' ? [/** @type {T} */ (item)] : [], differences: [] });
      continue;
    }
    if (done.has(concept)) continue;
    done.add(concept);
    rows.push({
      concept,
      left: left.filter((x) => conceptOf(x) === concept),
      right: right.filter((x) => conceptOf(x) === concept),
      differences: [],
    });
  }
  return rows;
}

/** @param {Side} a @param {Side} b @param {'request' | 'response'} side @returns {Row<Field>[]} */
export function compareFields(a, b, side) {
  const rows = pairByConcept(
    a.fields.filter((f) => f.side === side),
    b.fields.filter((f) => f.side === side),
    (f) => f.concept,
  );
  for (const row of rows) {
    if (row.right.length === 0) row.differences = [`No counterpart in ${b.label}.`];
    else if (row.left.length === 0) row.differences = [`No counterpart in ${a.label}.`];
    else {
      const pairs = row.left.flatMap((l) => row.right.map((r) => /** @type {const} */ ([l, r])));
      row.differences = pairs.flatMap(([l, r]) => {
        const found = fieldDifferences(a, l, b, r);
        return pairs.length > 1 ? found.map((text) => `\`${l.name}\` / \`${r.name}\`: ${text}`) : found;
      });
    }
  }
  return rows;
}

/** @param {ErrorEntry} e */
function carrierText(e) {
  const [where, ...name] = e.carrier.split(' ');
  return where === 'header' ? `the \`${name.join(' ')}\` header` : `the body member \`${name.join(' ')}\``;
}

/** @param {Side} a @param {Side} b @returns {Row<ErrorEntry>[]} */
export function compareErrors(a, b) {
  const rows = pairByConcept(a.errors, b.errors, (e) => e.concept);
  for (const row of rows) {
    if (row.right.length === 0) row.differences = [`No counterpart in ${b.label}.`];
    else if (row.left.length === 0) row.differences = [`No counterpart in ${a.label}.`];
    else {
      const describe = (/** @type {Side} */ s, /** @type {ErrorEntry[]} */ list) => {
        const statuses = [...new Set(list.map((e) => e.status))].join(', ');
        const carriers = [...new Set(list.map(carrierText))].join(' or ');
        return `${s.label} answers HTTP ${statuses} with ${list.length === 1 ? 'the error' : `one of ${list.length} errors`} named in ${carriers}`;
      };
      row.differences = [`${describe(a, row.left)}; ${describe(b, row.right)}.`];
    }
  }
  return rows;
}

/** @param {Side} a @param {Side} b */
export function buildComparison(a, b) {
  return {
    request: compareFields(a, b, 'request'),
    response: compareFields(a, b, 'response'),
    errors: compareErrors(a, b),
  };
}
