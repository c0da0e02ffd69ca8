// An error answer made into the provider's typed error; loaded on the first error answer.
import type { ApiRules, ProviderErrors } from './core.js';
import { codeOf, isObject, isRetryable, readAt, statusRule, text } from './reading.js';
import type { ClientError, ErrorKind } from './errors.js';

/** The kind the model gives a code: its own, or its parent's (`InternalError.X` as `InternalError`). */
function kindOf(code: string | undefined, kinds: Readonly<Record<string, ErrorKind>>): ErrorKind | undefined {
  if (code === undefined) return undefined;
  const known = [code, code.split('.')[0]!].find((name) => Object.hasOwn(kinds, name));
  return known === undefined ? undefined : kinds[known];
}

export function errorOf(
  rules: ApiRules,
  errors: ProviderErrors,
  kinds: Readonly<Record<string, ErrorKind>>,
  status: number,
  headers: Readonly<Record<string, string>>,
  body: unknown,
  requestId: string | undefined,
): ClientError {
  const code = codeOf(rules, readAt(rules.errorAt.code, headers, body));
  const message = rules.errorAt.message.map((at) => text(readAt(at, headers, body))).find(Boolean);
  const byStatus = statusRule(rules, status);
  const details = Object.fromEntries(
    Object.entries(rules.errorAt.details ?? {}).map(([concept, places]) => [
      concept,
      places.map((at) => readAt(at, headers, body)).find((value) => value !== undefined && value !== ''),
    ]),
  );
  return errors.toError({
    code,
    message,
    status,
    requestId,
    // An undocumented code has the kind its status has (statusRule: the model's, else HTTP's).
    kind: kindOf(code, kinds) ?? byStatus.kind,
    // The same judgement as the retries made (see `judge` in core.ts).
    retryable: isRetryable(rules, code) || byStatus.retryable,
    headers: new Headers(headers),
    body: isObject(body) ? body : {},
    details,
  });
}
