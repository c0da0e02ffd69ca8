// What the mock receives and sends back, and the helpers every provider adapter shares.

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** Sent instead of the JSON of `body`: for the mock's own plain-text answers, which are no provider's. */
  text?: string;
}

/** A request as the mock received it (same shape as the signature verifier's). */
export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as received, still percent-encoded. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** The body's bytes as received (signatures cover bytes, not their UTF-8 decoding). */
  bodyBytes?: Uint8Array;
}

/** One reason Prism's validator gave for rejecting a request. */
export interface Violation {
  /** e.g. ['path', 'layername'], ['header', 'x-tc-action'], ['body', 'LayerName'], ['body'] */
  location: string[];
  /** The JSON Schema keyword that failed: type, pattern, required, enum, ... */
  code: string;
  message: string;
}

export function jsonHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'application/json', ...extra };
}

export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Replaces the first `quoted` token of a spec message, e.g. the field a message names. */
export function replaceQuoted(message: string, value: string): string {
  return /`[^`]*`/.test(message) ? message.replace(/`[^`]*`/, `\`${value}\``) : `${message} (\`${value}\`)`;
}
