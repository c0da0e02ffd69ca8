// Reads a date written in a spec's date shape (`x-layerspec-date`): tokens YYYY MM DD hh mm ss
// sss, any other character literal. An offset written in the shape (`+0000`) stands for any
// offset in the text, so an answer in another offset is read at the instant it names; a shape
// without one is read at the shape's `utcOffset`.
import { shown } from './shown.js';

export interface DateShape {
  readonly shape: string;
  readonly utcOffset: string;
}

const TOKENS = [
  ['YYYY', 'year', '(\\d{4})'],
  ['sss', 'millisecond', '(\\d{3})'],
  ['MM', 'month', '(\\d{2})'],
  ['DD', 'day', '(\\d{2})'],
  ['hh', 'hour', '(\\d{2})'],
  ['mm', 'minute', '(\\d{2})'],
  ['ss', 'second', '(\\d{2})'],
] as const;

type Part = (typeof TOKENS)[number][1] | 'offset';

const OFFSET_IN_SHAPE = /^(?:[+-]\d{2}:?\d{2}|Z)/;
const OFFSET = /^(?:([+-])(\d{2}):?(\d{2})|Z)$/;

function compile(shape: string): { pattern: RegExp; parts: Part[] } {
  let source = '';
  const parts: Part[] = [];
  let rest = shape;
  while (rest.length > 0) {
    const token = TOKENS.find(([text]) => rest.startsWith(text));
    const offset = OFFSET_IN_SHAPE.exec(rest);
    if (token) {
      source += token[2];
      parts.push(token[1]);
      rest = rest.slice(token[0].length);
    } else if (offset) {
      source += '([+-]\\d{2}:?\\d{2}|Z)';
      parts.push('offset');
      rest = rest.slice(offset[0].length);
    } else {
      source += rest[0]?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      rest = rest.slice(1);
    }
  }
  return { pattern: new RegExp(`^${source}$`), parts };
}

/** Minutes east of UTC of an offset such as `+08:00`, `-0330` or `Z`; undefined when it is none. */
function offsetMinutes(text: string): number | undefined {
  const match = OFFSET.exec(text);
  if (!match) return undefined;
  if (match[1] === undefined) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The instant a date text names, or a reason it names none.
 * @returns the Date, or a string saying which rule the text broke
 */
export function readDate(text: string, { shape, utcOffset }: DateShape): Date | string {
  const { pattern, parts } = compile(shape);
  const match = pattern.exec(text);
  if (!match) return `${shown(text)} is not a date of the shape ${shape}`;
  const value: Partial<Record<Part, string>> = {};
  parts.forEach((part, i) => {
    value[part] = match[i + 1];
  });
  const offset = offsetMinutes(value.offset ?? utcOffset);
  if (offset === undefined) return `${shown(value.offset ?? utcOffset)} is not a UTC offset`;
  const [year, month, day, hour, minute, second, millisecond] = (['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'] as const).map((part) =>
    Number(value[part] ?? (part === 'month' || part === 'day' ? 1 : 0)),
  ) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const check = new Date(wall);
  // Date.UTC rolls 02-30 over to 03-02; a date that does not exist is refused instead.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return `${shown(text)} names no real date and time`;
  }
  return new Date(wall - offset * 60_000);
}
