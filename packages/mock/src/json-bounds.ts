// One cheap pass over a JSON text before it is parsed: counts object members and nesting depth
// and stops at a bound, so a body of a million keys or levels costs the mock one linear scan
// instead of a parse, a validation and a million error objects. On the way it keeps the text of
// each top-level number, which JSON.parse rounds (an int64 above 2^53) or normalises (`1.0`).

/** Levels of nesting any JSON body the mock reads may have: a request of either provider, or a control request, needs a handful. */
export const MAX_JSON_DEPTH = 64;

export interface JsonBounds {
  /** Object members (`"key": value`) at any depth. */
  members: number;
  /** Levels of nested objects and arrays. */
  depth: number;
}

export interface JsonScan {
  tooManyMembers: boolean;
  tooDeep: boolean;
  /** The keys of the top-level object met before the scan stopped, decoded. */
  topLevelKeys: string[];
  /** The text of each top-level member whose value is a number, by key; a repeated key keeps its last, as JSON.parse does. */
  topLevelNumbers: Map<string, string>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]
const NUMBER_START = /[-0-9]/;
const NUMBER_TEXT = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;

/**
 * Scans `text` up to the first bound it passes. It does not check that the text is JSON; the
 * parser that runs after it does. Strings are skipped with their escapes, so a `:` or `{` inside
 * a string counts for nothing.
 */
export function scanJson(text: string, bounds: JsonBounds): JsonScan {
  const topLevelKeys: string[] = [];
  const topLevelNumbers = new Map<string, string>();
  const stop = (why: 'members' | 'depth'): JsonScan => ({ tooManyMembers: why === 'members', tooDeep: why === 'depth', topLevelKeys, topLevelNumbers });
  let members = 0;
  let depth = 0;
  let lastString: [number, number] | undefined;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      const start = index;
      for (index++; index < text.length && text.charCodeAt(index) !== QUOTE; index++) {
        if (text.charCodeAt(index) === BACKSLASH) index++;
      }
      lastString = [start, index + 1];
    } else if (OPEN.has(code)) {
      if (++depth > bounds.depth) return stop('depth');
    } else if (CLOSE.has(code)) {
      depth--;
    } else if (code === COLON) {
      if (++members > bounds.members) return stop('members');
      if (depth === 1 && lastString) {
        const key = decodeKey(text.slice(lastString[0], lastString[1]));
        topLevelKeys.push(key);
        const number = numberAfter(text, index + 1);
        if (number !== undefined) topLevelNumbers.set(key, number);
        else topLevelNumbers.delete(key);
      }
    }
  }
  return { tooManyMembers: false, tooDeep: false, topLevelKeys, topLevelNumbers };
}

/** The JSON number token that starts after optional whitespace at `from`, if one does. */
function numberAfter(text: string, from: number): string | undefined {
  let start = from;
  while (start < text.length && ' \t\n\r'.includes(text[start]!)) start++;
  if (!NUMBER_START.test(text[start] ?? '')) return undefined;
  NUMBER_TEXT.lastIndex = start;
  return NUMBER_TEXT.exec(text)?.[0];
}

function decodeKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted;
  }
}
