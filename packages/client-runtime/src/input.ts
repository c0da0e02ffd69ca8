// Checks a call's input against the spec's rules (from the generated rules module) before
// anything is sent, and names the field and the rule that failed.
import { InvalidInputError } from './errors.js';
import { isObject } from './reading.js';
import { isTimeout, TIMEOUT_RULE } from './retry.js';

export interface InputRule {
  readonly type: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
  readonly minItems?: number;
  readonly maxItems?: number;
  /** The rule of each item of an array. */
  readonly items?: InputRule;
  /** Set when the value may be left out. */
  readonly optional?: boolean;
}

/**
 * The rule that a string's length or pattern, a number's range or an array's length breaks; undefined when none.
 * Shared with the response schema check (schema.ts), which reads the same keywords.
 */
export function boundBroken(value: unknown, rule: Omit<InputRule, 'type'>): string | undefined {
  if (typeof value === 'string') {
    // JSON Schema counts characters (code points), not UTF-16 units.
    const length = [...value].length;
    if (rule.minLength !== undefined && length < rule.minLength) return `must be at least ${rule.minLength} characters long`;
    if (rule.maxLength !== undefined && length > rule.maxLength) return `must be at most ${rule.maxLength} characters long`;
    if (rule.pattern !== undefined && !new RegExp(rule.pattern, 'u').test(value)) return `must match the pattern ${rule.pattern}`;
  }
  if (typeof value === 'number') {
    if (rule.minimum !== undefined && value < rule.minimum) return `must be at least ${rule.minimum}`;
    if (rule.maximum !== undefined && value > rule.maximum) return `must be at most ${rule.maximum}`;
  }
  if (Array.isArray(value)) {
    if (rule.minItems !== undefined && value.length < rule.minItems) return `must have at least ${rule.minItems} items`;
    if (rule.maxItems !== undefined && value.length > rule.maxItems) return `must have at most ${rule.maxItems} items`;
  }
  return undefined;
}

/** Throws InvalidInputError naming `field` when `value` breaks `rule`. */
export function checkValue(field: string, value: unknown, rule: InputRule): void {
  if (value === undefined || value === null) throw new InvalidInputError(field, 'is required');
  if (rule.type === 'string') {
    if (typeof value !== 'string') throw new InvalidInputError(field, `must be a string, not ${typeof value}`);
    if (rule.enum !== undefined && !rule.enum.includes(value)) throw new InvalidInputError(field, `must be one of ${rule.enum.join(', ')}`);
  } else if (rule.type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new InvalidInputError(field, 'must be an integer');
    // An int64 beyond 2^53 - 1 cannot be held exactly in a JavaScript number.
    if (!Number.isSafeInteger(value)) throw new InvalidInputError(field, 'must be a safe integer (at most 2^53 - 1)');
  } else if (rule.type === 'array') {
    if (!Array.isArray(value)) throw new InvalidInputError(field, 'must be an array');
    // Each item is checked as a field of its own, `CompatibleRuntime[2]`.
    if (rule.items) for (let index = 0; index < value.length; index++) checkValue(`${field}[${index}]`, value[index], rule.items);
  } else {
    throw new InvalidInputError(field, `has an unsupported rule`);
  }
  const broken = boundBroken(value, rule);
  if (broken) throw new InvalidInputError(field, broken);
}

/** Throws InvalidInputError for the first field of `input` that breaks its rule; an optional field may be left out. */
export function checkInput(input: unknown, rules: Readonly<Record<string, InputRule>>): void {
  if (!isObject(input)) throw new InvalidInputError('input', 'must be an object');
  for (const field in rules) {
    const rule = rules[field]!;
    if (!(rule.optional && input[field] === undefined)) checkValue(field, input[field], rule);
  }
}

// RFC 9110: a field name is a token (5.6.2); a field value holds tab, space, visible ASCII and
// obs-text (5.5). fetch and node:http refuse anything else only when sending, which a retry repeats.
// Tested on `name LF value`: neither may hold a LF, so the one LF is where the name ends.
const FIELD = /^[\w!#$%&'*+.^`|~-]+\n[\t -~\x80-\xff]*$/;

/**
 * The caller's headers, names lower-cased so that a name is one key however it is spelled.
 * Throws InvalidInputError naming the first header HTTP cannot carry.
 */
export function checkedHeaders(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!FIELD.test(`${name}\n${value}`))
      throw new InvalidInputError(`headers[${JSON.stringify(name)}]`, 'must have a token name and a value free of CR, LF, NUL and other controls (RFC 9110)');
    names[name.toLowerCase()] = value;
  }
  return names;
}

/**
 * Why `url` may not be fetched, or undefined when it may: it must be absolute and `https:`, or
 * `http:` where `allowHttp` is set. Only the scheme is quoted: the rest of a URL may carry a token.
 */
export function urlRule(url: unknown, allowHttp?: boolean): string | undefined {
  if (typeof url !== 'string' || !URL.canParse(url)) return 'must be an absolute URL';
  const { protocol } = new URL(url);
  if (protocol === 'https:' || (protocol === 'http:' && allowHttp)) return undefined;
  return allowHttp ? `must be an https: or http: URL, got "${protocol}"` : 'must be an https: URL (pass allowHttp for a local mock)';
}

/** Checks the options both clients share; names the option and the rule it broke. */
export function checkTransportOptions(options: { maxAttempts?: unknown; timeoutMs?: unknown; endpoint?: unknown }): void {
  const { maxAttempts, timeoutMs, endpoint } = options;
  if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && (maxAttempts as number) >= 1)) {
    throw new InvalidInputError('maxAttempts', 'must be an integer of at least 1');
  }
  if (timeoutMs !== undefined && !isTimeout(timeoutMs)) throw new InvalidInputError('timeoutMs', TIMEOUT_RULE);
  if (endpoint === undefined) return;
  // http: too, for a local mock; file:, data:, javascript: and the like would only fail when sent.
  const refused = urlRule(endpoint, true);
  if (refused) throw new InvalidInputError('endpoint', refused);
  // fetch refuses such a URL only when sending, in a TypeError that quotes the password; and
  // whatever logs the endpoint would show it.
  const { username, password } = new URL(endpoint as string);
  if (username || password) throw new InvalidInputError('endpoint', 'must not contain a user name or password');
}
