// The request journal: each request the mock answered, with secrets taken out, kept in order up
// to a limit so that a long-running mock does not grow without bound.
import type { ApiModel } from '@layerspec/specs/model';
import { type JournalEntry, REDACTED, type SignatureCheck } from './journal-entry.js';

/** Entries kept per mock; the oldest go first once it is full. */
export const JOURNAL_LIMIT = 10_000;
/**
 * Characters of a request body kept: a GetLayerVersion body is a few dozen bytes, and the mock
 * reads bodies of up to 10 MB, which a full journal must not hold ten thousand times.
 */
export const JOURNAL_BODY_LIMIT = 64 * 1024;

/** A signature's check now, or a way to run it when the journal is read. */
export type PendingSignatureCheck = SignatureCheck | (() => Promise<SignatureCheck>);

export interface Journal {
  add(entry: Omit<JournalEntry, 'sequence' | 'signature'>, signature: PendingSignatureCheck): void;
  /** The entries, oldest first, each signature checked by then. */
  entries(): Promise<JournalEntry[]>;
  clear(): void;
}

interface Kept {
  entry: JournalEntry;
  /** Runs the signature check not yet run; dropped, with the request it holds, once it has. */
  check?: () => Promise<SignatureCheck>;
}

/**
 * Checking a signature costs about as much as the rest of an answer, so a mock that does not
 * refuse bad signatures checks each one only when the journal is read, at the time the request
 * arrived, and a mock under load pays nothing for a journal nobody reads.
 */
export function createJournal(limit = JOURNAL_LIMIT): Journal {
  let kept: Kept[] = [];
  let sequence = 0;
  return {
    add(entry, signature) {
      sequence += 1;
      const { request } = entry;
      const cut = request.body.length > JOURNAL_BODY_LIMIT ? { ...request, body: request.body.slice(0, JOURNAL_BODY_LIMIT), bodyCut: true as const } : request;
      const pending = typeof signature === 'function';
      kept.push({ entry: { sequence, ...entry, request: cut, signature: pending ? { status: 'unsigned' } : signature }, ...(pending ? { check: signature } : {}) });
      if (kept.length > limit) kept = kept.slice(kept.length - limit);
    },
    async entries() {
      const now = kept;
      for (const item of now) {
        if (!item.check) continue;
        const check = item.check;
        item.check = undefined;
        item.entry.signature = await check();
      }
      return structuredClone(now.map((item) => item.entry));
    },
    clear() {
      kept = [];
    },
  };
}

/**
 * The request's headers with their secrets out: the session token whole, and the signature of
 * the Authorization header (its algorithm, credential scope and signed headers stay, since they
 * tell what was signed). Names come from the model's signing facts.
 */
export function redactHeaders(model: ApiModel, headers: Record<string, string>, alsoSecret: readonly string[] = []): Record<string, string> {
  const authorization = model.signing.header.toLowerCase();
  const secret = new Set([model.signing.tokenHeader?.toLowerCase(), ...alsoSecret.map((name) => name.toLowerCase())]);
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (secret.has(name)) result[name] = REDACTED;
    else if (name === authorization) result[name] = value.replace(/Signature=[^,\s]*/i, `Signature=${REDACTED}`);
    else result[name] = value;
  }
  return result;
}
