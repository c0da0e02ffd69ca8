// Reads and writes a date in a spec's date shape (`x-layerspec-date`): tokens YYYY MM DD hh mm ss
// sss, any other character literal. An offset written in the shape (`+0000`) stands for any
// offset in the text, so an answer in another offset is read at the instant it names; a shape
// without one is read at the shape's `utcOffset`. A date is written at the shape's `utcOffset`.
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

type Piece = { readonly part: Part; readonly text: string } | { readonly literal: string };

/** The shape's tokens, offset and literal characters, in order. */
function piecesOf(shape: string): Piece[] {
  const pieces: Piece[] = [];
  let rest = shape;
  while (rest.length > 0) {
    const token = TOKENS.find(([text]) => rest.startsWith(text));
    const offset = OFFSET_IN_SHAPE.exec(rest);
    const piece: Piece = token ? { part: token[1], text: token[0] } : offset ? { part: 'offset', text: offset[0] } : { literal: rest.slice(0, 1) };
    pieces.push(piece);
    rest = rest.slice('literal' in piece ? 1 : piece.text.length);
  }
  return pieces;
}

function compile(shape: string): { pattern: RegExp; parts: Part[] } {
  let source = '';
  const parts: Part[] = [];
  for (const piece of piecesOf(shape)) {
    if ('literal' in piece) {
      source += piece.literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    source += piece.part === 'offset' ? '([+-]\\d{2}:?\\d{2}|Z)' : (TOKENS.find(([, part]) => part === piece.part)?.[2] ?? '');
    parts.push(piece.part);
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

/** An offset of `minutes` east of UTC, written like `like` (`+0000`, `+00:00` or `Z`). */
function writeOffset(minutes: number, like: string): string {
  if (like === 'Z' && minutes === 0) return 'Z';
  const hh = String(Math.trunc(Math.abs(minutes) / 60)).padStart(2, '0');
  const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}${like.includes(':') || like === 'Z' ? ':' : ''}${mm}`;
}

/**
 * An instant written in a date shape, at the shape's `utcOffset` (the inverse of readDate). A
 * shape without `sss` drops the milliseconds.
 * @throws RangeError for an invalid Date, an instant whose year at that offset is not 4 digits,
 * or a `utcOffset` that is not one
 */
export function writeDate(date: Date, { shape, utcOffset }: DateShape): string {
  const offset = offsetMinutes(utcOffset);
  if (offset === undefined) throw new RangeError(`${shown(utcOffset)} is not a UTC offset`);
  if (Number.isNaN(date.getTime())) throw new RangeError('is an invalid Date');
  const wall = new Date(date.getTime() + offset * 60_000);
  const iso = Number.isNaN(wall.getTime()) ? '' : wall.toISOString();
  // toISOString writes a year beyond 0000-9999 with a sign and 6 digits, which YYYY cannot hold.
  if (!/^\d{4}-/.test(iso)) throw new RangeError(`${date.toISOString()} is at a year that ${shape} cannot write (0000 to 9999 at ${utcOffset})`);
  const value: Record<Part, string> = {
    year: iso.slice(0, 4),
    month: iso.slice(5, 7),
    day: iso.slice(8, 10),
    hour: iso.slice(11, 13),
    minute: iso.slice(14, 16),
    second: iso.slice(17, 19),
    millisecond: iso.slice(20, 23),
    offset: '',
  };
  return piecesOf(shape)
    .map((piece) => ('literal' in piece ? piece.literal : piece.part === 'offset' ? writeOffset(offset, piece.text) : value[piece.part]))
    .join('');
}
