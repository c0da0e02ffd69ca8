// Scrubbing of an error before it leaves a client; loaded only when a call fails.
import { ClientError } from './errors.js';
import { safeCause } from './redact.js';

/**
 * Scrubs the known secrets from an error of ours before it reaches the caller: its message and
 * stack, its own text properties, and its causes (an error answer may quote the request headers,
 * as a proxy or WAF page does; a JSON parser quotes the body). Anything else (the caller's abort
 * reason) is passed through.
 */
export function scrubError(error: unknown, redact: (text: string) => string, depth = 0): unknown {
  if (error instanceof Error && (depth > 0 || error instanceof ClientError)) {
    const fields = error as unknown as Record<string, unknown>;
    for (const key of ['message', 'stack', ...Object.keys(error)]) if (typeof fields[key] === 'string') fields[key] = redact(fields[key] as string);
    const { cause } = error;
    if (cause !== undefined) error.cause = cause instanceof Error && depth < 5 ? scrubError(cause, redact, depth + 1) : safeCause(cause, redact);
  }
  return error;
}
