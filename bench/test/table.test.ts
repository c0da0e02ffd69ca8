import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber, formatRatio, markdownTable, sectionMarkdown } from '../lib/table.mjs';

describe('markdownTable', () => {
  it('pads columns, left-aligns the first and right-aligns the rest', () => {
    expect(
      markdownTable(
        ['client', 'calls/s'],
        [
          ['ours', '1,234'],
          ['official SDK', '99'],
        ],
      ),
    ).toBe(['| client       | calls/s |', '|:-------------|--------:|', '| ours         |   1,234 |', '| official SDK |      99 |'].join('\n'));
  });
  it('escapes pipes so a cell cannot split into two', () => {
    expect(markdownTable(['a'], [['x|y']])).toContain('x\\|y');
  });
  it('names the row whose cell count does not match the header', () => {
    expect(() => markdownTable(['a', 'b'], [['only one']])).toThrow(/1 cells, expected 2: only one/);
  });
});

describe('number formatting', () => {
  it('keeps about three significant digits', () => {
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(123.4)).toBe('123');
    expect(formatNumber(12.34)).toBe('12.3');
    expect(formatNumber(1.234)).toBe('1.23');
  });
  it('shows kilobytes with the exact byte count', () => {
    expect(formatBytes(2048)).toBe('2.0 KB (2,048 B)');
  });
  it('writes ratios with an x and a dash when there is none', () => {
    expect(formatRatio(2.71449)).toBe('2.71x');
    expect(formatRatio(18.04)).toBe('18.0x');
    expect(formatRatio(undefined)).toBe('-');
  });
});

describe('sectionMarkdown', () => {
  it('puts the heading, the note and the table in that order', () => {
    const text = sectionMarkdown({ title: 'T', note: 'N', headers: ['h'], rows: [['r']] });
    expect(text.indexOf('## T')).toBeLessThan(text.indexOf('N'));
    expect(text.indexOf('N')).toBeLessThan(text.indexOf('| h'));
  });
});
