// Checks a call's input against the spec's rules (from the generated rules module) before
// anything is sent, and names the field and the rule that failed.
import { InvalidInputError } from './errors.js';
import { isTimeout, TIMEOUT_RULE } from './retry.js';

export interface InputRule {
  readonly type: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
}

/** Throws InvalidInputError naming `field` when `value` breaks `rule`. */
export function checkValue(field: string, value: unknown, rule: InputRule): void {
  if (value === undefined || value === null) throw new InvalidInputError(field, 'is required');
  if (rule.type === 'string') {
    if (typeof value !== 'string') throw new InvalidInputError(field, `must be a string, not ${typeof value}`);
    // JSON Schema counts characters (code points), not UTF-16 units.
    const length = [...value].length;
    if (rule.minLength !== undefined && length < rule.minLength) {
      throw new InvalidInputError(field, `must be at least ${rule.minLength} characters long`);
    }
    if (rule.maxLength !== undefined && length > rule.maxLength) {
      throw new InvalidInputError(field, `must be at most ${rule.maxLength} characters long`);
    }
    if (rule.enum !== undefined && !rule.enum.includes(value)) throw new InvalidInputError(field, `must be one of ${rule.enum.join(', ')}`);
    if (rule.pattern !== undefined && !new RegExp(rule.pattern, 'u').test(value)) {
      throw new InvalidInputError(field, `must match the pattern ${rule.pattern}`);
    }
    return;
  }
  if (rule.type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new InvalidInputError(field, 'must be an integer');
    // An int64 beyond 2^53 - 1 cannot be held exactly in a JavaScript number.
    if (!Number.isSafeInteger(value)) throw new InvalidInputError(field, 'must be a safe integer (at most 2^53 - 1)');
    if (rule.minimum !== undefined && value < rule.minimum) throw new InvalidInputError(field, `must be at least ${rule.minimum}`);
    if (rule.maximum !== undefined && value > rule.maximum) throw new InvalidInputError(field, `must be at most ${rule.maximum}`);
    return;
  }
  throw new InvalidInputError(field, `has an unsupported rule`);
}

/** Throws InvalidInputError for the first field of `input` that breaks its rule. */
export function checkInput(input: unknown, rules: Readonly<Record<string, InputRule>>): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidInputError('input', 'must be an object');
  }
  for (const [field, rule] of Object.entries(rules)) {
    checkValue(field, (input as Record<string, unknown>)[field], rule);
  }
}

/** Checks the options both clients share; names the option and the rule it broke. */
export function checkTransportOptions(options: { maxAttempts?: unknown; timeoutMs?: unknown; endpoint?: unknown }): void {
  const { maxAttempts, timeoutMs, endpoint } = options;
  if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && (maxAttempts as number) >= 1)) {
    throw new InvalidInputError('maxAttempts', 'must be an integer of at least 1');
  }
  if (timeoutMs !== undefined && !isTimeout(timeoutMs)) throw new InvalidInputError('timeoutMs', TIMEOUT_RULE);
  if (endpoint === undefined) return;
  if (typeof endpoint !== 'string' || !URL.canParse(endpoint)) throw new InvalidInputError('endpoint', 'must be an absolute URL');
  // fetch refuses such a URL only when sending, in a TypeError that quotes the password.
  const { username, password } = new URL(endpoint);
  if (username || password) throw new InvalidInputError('endpoint', 'must not contain a user name or password');
}
