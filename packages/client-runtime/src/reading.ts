// Reading an answer by an API's rules: the value at a location, the code within it, whether the
// model calls it retryable, and what its status says. Shared by the core and the error answers
// (answer.ts, loaded on the first one), so that loading the latter does not need the core.
import type { ApiRules, Location, StatusRule } from './core.js';

export const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
export const dig = (value: unknown, path: readonly string[]): unknown =>
  // biome-ignore lint/suspicious/noExplicitAny: each step is checked to be an object with the key before it is read.
  path.reduce<any>((at, key) => (at !== null && typeof at === 'object' && Object.hasOwn(at, key) ? at[key] : undefined), value);
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value an answer carries at `at`; header names of `headers` are lower-case. */
export function readAt(at: Location | undefined, headers: Readonly<Record<string, string>>, body: unknown): unknown {
  if (!at) return undefined;
  return at.in === 'header' ? headers[at.name.toLowerCase()] : dig(body, at.path);
}

/** Whether the model calls a code retryable: itself or its parent (`InternalError.X` as `InternalError`). */
export function isRetryable(rules: ApiRules, code: string | undefined): boolean {
  return code !== undefined && (rules.retryableCodes.includes(code) || rules.retryableCodes.includes(code.split('.')[0]!));
}

/** The code within the value at `errorAt.code`: the group `code` of `errorAt.codeFormat`, else the whole value. */
export function codeOf(rules: ApiRules, value: unknown): string | undefined {
  const raw = text(value);
  const format = rules.errorAt.codeFormat;
  if (raw === undefined || format === undefined) return raw;
  return text(new RegExp(format).exec(raw)?.groups?.code) ?? raw;
}

/**
 * What an error answer's status says of it: the model's rule where the spec documents the status.
 * Otherwise HTTP's own meaning, which is no fact of one API (RFC 9110, RFC 6585): a 5xx, such as
 * a proxy's HTML 502, is the server failing and worth another try; 429 asks the caller to slow
 * down; 401 wants authentication; any other 4xx is the request's fault. Below 400 (an API that
 * sends its errors with 200) the status says nothing, and only the code makes it retryable.
 */
export function statusRule(rules: ApiRules, status: number): StatusRule {
  const documented = rules.statusRules[status];
  if (documented) return documented;
  if (status >= 500) return { kind: 'service', retryable: true };
  if (status === 429) return { kind: 'throttled', retryable: true };
  if (status === 401) return { kind: 'auth', retryable: false };
  if (status >= 400) return { kind: 'invalid-input', retryable: false };
  return { kind: 'service', retryable: false };
}
