// @ts-check
// Lines up two APIs' operations by operationId, then each pair's fields and errors by concept, and
// spells out how each pair differs. Everything here is computed from the generated models, so the
// comparison cannot drift from the specs.

/** @typedef {import('./fields.js').Field} Field */
/** @typedef {import('@layerspec/specs/model').ErrorModel} ErrorModel */
/** @typedef {import('@layerspec/specs/model').ValueRule} ValueRule */
/** @typedef {import('@layerspec/specs/model').Location} Location */
/**
 * @typedef {object} Side
 * @property {string} api
 * @property {string} label   a short provider name for sentences, e.g. "AWS"
 * @property {import('@layerspec/specs/model').ApiModel} model
 * @property {Field[]} fields
 */
/**
 * @template T
 * @typedef {{ concept: string | undefined, left: T[], right: T[], differences: string[] }} Row
 */

/** One short phrase for a value's type, e.g. `string` or `array of string, one of 2 listed values`. @param {ValueRule} rule @returns {string} */
export function typeOf(rule) {
  if (rule.type !== 'array') return rule.type;
  const items = rule.items;
  if (!items) return 'array';
  const values = items.enum ? `, one of ${items.enum.length} listed values${items.others ? ' or others' : ''}` : '';
  return `array of ${typeOf(items)}${values}`;
}

/**
 * A bound as a reader says it: `1 to 140 characters`, `at least 1 character`, `at most 15 items`,
 * `at least 0`. A minimum of 0 on a count says nothing, so it is left out. Integer bounds come as
 * the model's exact text, so an int64 bound prints with every digit.
 * @param {number | string | undefined} min @param {number | string | undefined} max @param {string} [unit] singular, e.g. `character`
 */
export function bounds(min, max, unit) {
  const lower = unit && String(min) === '0' ? undefined : min;
  if (lower === undefined && max === undefined) return undefined;
  const count = (/** @type {number | string} */ n) => (unit ? ` ${unit}${String(n) === '1' ? '' : 's'}` : '');
  if (lower !== undefined && max !== undefined) return `${lower} to ${max}${count(max)}`;
  if (lower !== undefined) return `at least ${lower}${count(lower)}`;
  return `at most ${max}${count(/** @type {number | string} */ (max))}`;
}

/** The rules of a field that a reader compares, as short texts. @param {Field} field */
export function factsOf(field) {
  const r = field.rule;
  return {
    type: typeOf(r),
    format: r.format,
    pattern: r.pattern,
    encoding: field.encoding ? `${field.encoding.digest.toUpperCase().replace('SHA', 'SHA-')} as ${field.encoding.as}` : undefined,
    date: field.date ? `\`${field.date.shape}\` (UTC${field.date.utcOffset})` : undefined,
    length: bounds(r.minLength, r.maxLength, 'character'),
    range: bounds(r.minimum, r.maximum),
    items: bounds(r.minItems, r.maxItems, 'item'),
    values: r.enum ? [...r.enum] : undefined,
    /** Set when values beyond the listed ones are accepted too. */
    open: Boolean(r.others),
    required: field.required ? 'required' : 'optional',
  };
}

/** `Content.CodeSha256` -> [`CodeSha256`, `Content`]. @param {string} name @returns {[string, string]} */
function splitName(name) {
  const at = name.lastIndexOf('.');
  return at < 0 ? [name, ''] : [name.slice(at + 1), name.slice(0, at)];
}

/** @param {Field} field */
function placeOf(field) {
  const places = {
    path: 'a path parameter',
    query: 'a query parameter',
    header: 'a header',
    body: 'a JSON body member',
    'credential-scope': 'part of the credential scope in the Authorization header',
  };
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
  const l = factsOf(left);
  const r = factsOf(right);
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
  // A digest's encoding or a date's shape says more than its pattern, when the model knows it.
  if ((l.encoding || r.encoding) && l.encoding !== r.encoding)
    out.push(`Encoding: ${l.encoding ?? 'not stated'} in ${a.label}, ${r.encoding ?? 'not stated'} in ${b.label}.`);
  if ((l.date || r.date) && l.date !== r.date)
    out.push(`Date: written ${l.date ?? 'in no stated shape'} in ${a.label}, ${r.date ?? 'in no stated shape'} in ${b.label}.`);
  if (l.pattern !== r.pattern && (l.pattern || r.pattern)) {
    const told = ((l.encoding || r.encoding) && l.encoding !== r.encoding) || ((l.date || r.date) && l.date !== r.date);
    if (!told) out.push(`Pattern: ${l.pattern ? `\`${l.pattern}\`` : 'none'} in ${a.label}, ${r.pattern ? `\`${r.pattern}\`` : 'none'} in ${b.label}.`);
    if (left.example !== undefined && right.example !== undefined) {
      out.push(`For example \`${exampleText(left.example)}\` (${a.label}) and \`${exampleText(right.example)}\` (${b.label}).`);
    }
  }
  if (l.length !== r.length) out.push(`Length: ${l.length ?? 'no limit'} in ${a.label}, ${r.length ?? 'no limit'} in ${b.label}.`);
  if (l.range !== r.range) out.push(`Range: ${l.range ?? 'no limit'} in ${a.label}, ${r.range ?? 'no limit'} in ${b.label}.`);
  if (l.items !== r.items) out.push(`Items: ${l.items ?? 'no limit'} in ${a.label}, ${r.items ?? 'no limit'} in ${b.label}.`);
  if (JSON.stringify(l.values) !== JSON.stringify(r.values) || l.open !== r.open) {
    const list = (/** @type {ReturnType<typeof factsOf>} */ f) => (f.values ? `${f.values.map((x) => `\`${x}\``).join(', ')}${f.open ? ' or others' : ''}` : 'any value');
    out.push(`Values: ${list(l)} in ${a.label}; ${list(r)} in ${b.label}.`);
  }
  if (!out.some((text) => /^(Presence|Type|Format|Pattern|Encoding|Date|Length|Range|Items|Values)/.test(text))) out.push('Same type and rules.');
  return out;
}

/**
 * Groups items by concept into rows; an item without a concept, or whose concept the other
 * side lacks, gets a row that says it has no counterpart.
 * @template T
 * @param {readonly T[]} left @param {readonly T[]} right @param {(item: T) => string | undefined} conceptOf
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

/**
 * The fields of one operation on one side, paired with the same operation's on the other.
 * @param {Side} a @param {Side} b @param {'request' | 'response'} side @param {string} operation the operationId
 * @returns {Row<Field>[]}
 */
export function compareFields(a, b, side, operation) {
  const rows = pairByConcept(
    a.fields.filter((f) => f.side === side && f.operation === operation),
    b.fields.filter((f) => f.side === side && f.operation === operation),
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

/** Where an answer carries something, in words. @param {Location} at */
export function placeText(at) {
  return at.in === 'header' ? `the \`${at.name}\` header` : `the body member \`${at.path.join('.')}\``;
}

/** The errors an operation documents, from the API's entries. @param {Side} s @param {string} operation the operationId */
function errorsOf(s, operation) {
  const codes = s.model.operations[operation]?.errorCodes ?? [];
  return s.model.errors.entries.filter((entry) => codes.includes(entry.code));
}

/** @param {Side} a @param {Side} b @param {string} operation the operationId @returns {Row<ErrorModel>[]} */
export function compareErrors(a, b, operation) {
  const rows = pairByConcept(errorsOf(a, operation), errorsOf(b, operation), (e) => e.concept);
  for (const row of rows) {
    if (row.right.length === 0) row.differences = [`No counterpart in ${b.label}.`];
    else if (row.left.length === 0) row.differences = [`No counterpart in ${a.label}.`];
    else {
      const each = (/** @type {ErrorModel[]} */ list, /** @type {(e: ErrorModel) => string} */ fact) => [...new Set(list.map(fact))].join(' or ');
      const describe = (/** @type {Side} */ s, /** @type {ErrorModel[]} */ list) =>
        `${s.label} answers HTTP ${each(list, (e) => String(e.status))} with ${list.length === 1 ? 'the error' : `one of ${list.length} errors`} named in ${placeText(s.model.errors.codeAt)} and its message in ${each(list, (e) => placeText(e.messageAt))}`;
      row.differences = [`${describe(a, row.left)}; ${describe(b, row.right)}.`];
      const kinds = [each(row.left, (e) => e.kind), each(row.right, (e) => e.kind)];
      if (kinds[0] !== kinds[1]) row.differences.push(`Kind: ${kinds[0]} in ${a.label}, ${kinds[1]} in ${b.label}.`);
      const retry = [each(row.left, (e) => (e.retryable ? 'retryable' : 'not retryable')), each(row.right, (e) => (e.retryable ? 'retryable' : 'not retryable'))];
      if (retry[0] !== retry[1]) row.differences.push(`Retry: ${retry[0]} in ${a.label}, ${retry[1]} in ${b.label}.`);
    }
  }
  return rows;
}

/**
 * @typedef {object} OperationPair
 * @property {string} id  the operationId both sides share, or the one side's that has it
 * @property {import('@layerspec/specs/model').OperationModel | undefined} left
 * @property {import('@layerspec/specs/model').OperationModel | undefined} right
 * @property {Row<Field>[]} request
 * @property {Row<Field>[]} response
 * @property {Row<ErrorModel>[]} errors
 */

/**
 * Pairs the operations of two APIs by operationId, the first API's order first; an operation only
 * one API has is kept, with the other side empty.
 * @param {Side} a @param {Side} b @returns {{ operations: OperationPair[] }}
 */
export function buildComparison(a, b) {
  const ids = [...new Set([...Object.keys(a.model.operations), ...Object.keys(b.model.operations)])];
  return {
    operations: ids.map((id) => ({
      id,
      left: a.model.operations[id],
      right: b.model.operations[id],
      request: compareFields(a, b, 'request', id),
      response: compareFields(a, b, 'response', id),
      errors: compareErrors(a, b, id),
    })),
  };
}
