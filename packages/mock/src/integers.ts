// Integer parameters (the int64 version numbers) checked exactly, on their text: a JavaScript
// number rounds above 2^53, and Prism's validator stops at 2^53 - 1 for int64, so the mock
// compares the digits itself, against the model's bounds (exact decimal text), and hands Prism a
// stand-in it can hold.
import type { ValueRule } from '@layerspec/specs/model';
import type { Violation } from './answer.js';

/** Decimal digits as a JSON integer writes them: no `+`, no leading zero, no `-0`, no spaces. */
const INTEGER_TEXT = /^(?:0|-?[1-9][0-9]*)$/;

/** What Prism gets in place of an integer that passed the exact check but a number cannot hold. */
export const PRISM_STAND_IN = Number.MAX_SAFE_INTEGER;

export function isIntegerRule(rule: ValueRule | undefined): rule is ValueRule {
  return rule?.type === 'integer';
}

/**
 * The rule an integer's text breaks (`type`, `minimum`, `maximum`), checked against the model's
 * bounds, the spec's digits; null when it is an integer the rule allows.
 */
export function checkIntegerText(text: string, schema: ValueRule, location: string[]): Violation | null {
  if (!INTEGER_TEXT.test(text)) return { location, code: 'type', message: 'must be integer' };
  // Past 40 digits any bound a schema can state is passed; BigInt() of megabytes of digits is slow.
  const value = text.length > 41 ? (text.startsWith('-') ? -(10n ** 41n) : 10n ** 41n) : BigInt(text);
  if (schema.minimum !== undefined && value < BigInt(schema.minimum)) {
    return { location, code: 'minimum', message: `must be >= ${schema.minimum}` };
  }
  if (schema.maximum !== undefined && value > BigInt(schema.maximum)) {
    return { location, code: 'maximum', message: `must be <= ${schema.maximum}` };
  }
  // Without a stated bound, `format: int64` still means a signed 64-bit integer.
  if (schema.format === 'int64' && BigInt.asIntN(64, value) !== value) {
    return { location, code: 'format', message: 'must be a 64-bit integer' };
  }
  return null;
}

/** The value Prism validates for an integer that passed the exact check. */
export function prismValue(text: string): number {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : PRISM_STAND_IN;
}
