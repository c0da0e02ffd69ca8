// The pre-parse scan: bounds, top-level keys and the exact text of top-level numbers.
import { describe, expect, it } from 'vitest';
import { scanJson } from '../src/json-bounds.js';

const bounds = { members: 4, depth: 3 };

describe('scanJson', () => {
  it('keeps the text of top-level numbers, the last of a repeated key, and ignores nested and quoted ones', () => {
    const scan = scanJson('{"a": 9223372036854775807, "b":"1:{", "c":{"d":5}, "a" : 1.0, "\\u0065":-2e3}', { members: 10, depth: 3 });
    expect(scan.tooManyMembers || scan.tooDeep).toBe(false);
    expect(scan.topLevelKeys).toEqual(['a', 'b', 'c', 'a', 'e']);
    expect([...scan.topLevelNumbers]).toEqual([
      ['a', '1.0'],
      ['e', '-2e3'],
    ]);
  });

  it('stops at the member bound and at the depth bound', () => {
    expect(scanJson('{"a":1,"b":2,"c":3,"d":4,"e":5}', bounds).tooManyMembers).toBe(true);
    expect(scanJson('{"a":{"b":{"c":{}}}}', bounds).tooDeep).toBe(true);
    expect(scanJson('[[[1]]]', bounds).tooDeep).toBe(false);
  });

  it('skips escaped quotes inside strings', () => {
    expect(scanJson('{"a\\":b":1}', bounds).topLevelKeys).toEqual(['a":b']);
  });
});
