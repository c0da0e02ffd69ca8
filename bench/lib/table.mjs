// @ts-check
// Markdown tables and number formatting for the printed report and bench-results/*.md.

/** Text shown instead of a number when a row could not be measured; never a made-up value. */
export const NOT_BUILT = 'n/a (not built yet)';

/** @param {string} text */
function escapeCell(text) {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/**
 * A GitHub-flavoured markdown table; the first column is left-aligned, the others right-aligned.
 * Columns are padded so the table also reads well as plain text in a terminal.
 * @param {string[]} headers @param {string[][]} rows
 */
export function markdownTable(headers, rows) {
  for (const row of rows) {
    if (row.length !== headers.length) throw new Error(`markdownTable: row has ${row.length} cells, expected ${headers.length}: ${row.join(', ')}`);
  }
  const cells = [headers, ...rows].map((row) => row.map(escapeCell));
  const widths = headers.map((_, column) => Math.max(3, ...cells.map((row) => /** @type {string} */ (row[column]).length)));
  const line = (/** @type {string[]} */ row) =>
    `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(/** @type {number} */ (widths[column])) : cell.padStart(/** @type {number} */ (widths[column])))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  const [head, ...body] = cells;
  return [line(/** @type {string[]} */ (head)), rule, ...body.map(line)].join('\n');
}

/** Rounds to a sensible number of significant digits for a table cell. @param {number} value */
export function formatNumber(value) {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** Bytes as KB with one decimal (1 KB = 1024 bytes), plus the exact count. @param {number} bytes */
export function formatBytes(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB (${bytes.toLocaleString('en-US')} B)`;
}

/** A ratio such as `12.3x`, or `-` when there is nothing to compare. @param {number | undefined} value */
export function formatRatio(value) {
  if (value === undefined) return '-';
  return `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}x`;
}

/**
 * A section of the report: a heading, a note saying how to read it, and its table.
 * @param {{ title: string, note: string, headers: string[], rows: string[][] }} section
 */
export function sectionMarkdown(section) {
  return `## ${section.title}\n\n${section.note}\n\n${markdownTable(section.headers, section.rows)}\n`;
}
