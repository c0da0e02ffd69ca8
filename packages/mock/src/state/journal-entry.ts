// What the mock's request journal records of one request: enough to replay it, to check it
// against the spec, and to export it as HAR, with no secret in it.

/** What the journal keeps of a secret header value: the session token, and the signature in Authorization. */
export const REDACTED = '[redacted]';

/** Whether the request's SigV4 / TC3 signature was checked, and how that went. */
export type SignatureCheck =
  | { status: 'verified' }
  | { status: 'refused'; reason: string }
  /** No Authorization header at all. */
  | { status: 'unsigned' };

/** The answer the mock gave, or what it did instead of answering (a fault). */
export type JournalAnswer =
  | { kind: 'answered'; status: number; headers: Record<string, string>; body: string }
  /** The connection was closed without an answer. */
  | { kind: 'dropped' }
  /** The status and headers were sent, then the connection was closed part way through the body. */
  | { kind: 'cut-off'; status: number; headers: Record<string, string>; body: string; bytesSent: number };

export interface JournalEntry {
  /** Its place in the journal, from 1. */
  sequence: number;
  /** When the request arrived (ISO 8601, UTC). */
  startedAt: string;
  /** Milliseconds from its arrival to the end of the answer. */
  durationMs: number;
  request: {
    method: string;
    /** The absolute URL on the mock: its own address, then the path and query as received. */
    url: string;
    /** Header names in lower case; secrets replaced by REDACTED. */
    headers: Record<string, string>;
    /** The body as received, cut at JOURNAL_BODY_LIMIT characters (`bodyCut` then says so). */
    body: string;
    bodyCut?: true;
  };
  signature: SignatureCheck;
  /** The operationId of the operation the request named, when the mock could read one from it (not for an unknown route). */
  operation?: string;
  answer: JournalAnswer;
  /** The fault that shaped the answer, when one did (e.g. `throttle`, `delay`). */
  fault?: string;
}
