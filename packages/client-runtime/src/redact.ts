// Secrets must never reach a message, a stack, a serialised error or a log line. The clients
// build their errors from answers only; this strips secrets from the one thing they do not
// control: an error thrown by the caller's `fetch` (or a proxy's message quoting the request).

const REDACTED = '[redacted]';

/** Returns a function that replaces every known secret (and any signature) in a text. */
export function makeRedactor(secrets: () => ReadonlyArray<string | undefined>): (text: string) => string {
  return (text) => {
    let out = text.replace(/(Signature=)[0-9a-fA-F]{16,}/g, `$1${REDACTED}`);
    for (const secret of secrets()) {
      // Very short values would redact ordinary words; real keys are far longer.
      if (secret && secret.length >= 8) out = out.split(secret).join(REDACTED);
    }
    return out;
  };
}

/** String(value), or its type tag when the value has no text form (a parsed `[{"toString":0}]`). */
function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A copy of a thrown value that keeps its name, message (redacted, or `message` in its place) and error code, nothing else. */
export function safeCause(thrown: unknown, redact: (text: string) => string, message?: string): Error {
  const source = thrown instanceof Error ? thrown : new Error(textOf(thrown));
  const copy = new Error(message ?? redact(source.message));
  copy.name = redact(source.name);
  copy.stack = `${copy.name}: ${copy.message}`;
  const code = (source as { code?: unknown }).code ?? (source.cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') Object.assign(copy, { code: redact(code) });
  return copy;
}
