// An error answer made into the provider's typed error; loaded on the first error answer.
import { isObject, isRetryable, readAt, text, type ApiRules, type ProviderErrors } from './core.js';
import type { ClientError, ErrorKind } from './errors.js';

/** The kind of an undocumented code: its parent's (`InternalError.X` as `InternalError`), else by status. */
function kindOf(code: string, status: number, kinds: Readonly<Record<string, ErrorKind>>): ErrorKind {
  const known = [code, code.split('.')[0]!].find((name) => Object.hasOwn(kinds, name));
  if (known) return kinds[known]!;
  return status === 429 ? 'throttled' : status === 404 ? 'not-found' : status === 401 || status === 403 ? 'auth' : status >= 400 && status < 500 ? 'invalid-input' : 'service';
}

export function errorOf(rules: ApiRules, errors: ProviderErrors, kinds: Readonly<Record<string, ErrorKind>>, response: Response, body: unknown, requestId: string | undefined): ClientError {
  const { headers, status } = response;
  const raw = text(readAt(rules.errorAt.code, headers, body));
  const code = raw === undefined ? undefined : (errors.code ?? String)(raw);
  const message = rules.errorAt.message.map((at) => text(readAt(at, headers, body))).find(Boolean);
  return errors.toError({
    code,
    message,
    status,
    requestId,
    kind: kindOf(code ?? '', status, kinds),
    retryable: isRetryable(rules, code),
    headers,
    body: isObject(body) ? body : {},
  });
}
