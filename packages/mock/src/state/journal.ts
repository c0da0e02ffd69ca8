// The request journal: each request the mock answered, with secrets taken out, kept in order up
// to a limit so that a long-running mock does not grow without bound.
import type { ApiModel } from '@layerspec/specs/model';
import { type JournalEntry, REDACTED, type SignatureCheck } from './journal-entry.js';

/**
 * Entries a mock keeps unless told otherwise; the oldest go first once it is full. A contract
 * test makes a handful of calls; keeping many thousands costs a busy mock about 8% of its
 * throughput in garbage collection (measured with npm run bench).
 */
export const JOURNAL_LIMIT = 1_000;
/**
 * Characters of a request body kept: a GetLayerVersion body is a few dozen bytes, and the mock
 * reads bodies of up to 10 MB, which a full journal must not hold a thousand times.
 */
export const JOURNAL_BODY_LIMIT = 64 * 1024;

/** A signature's check now, or a way to run it when the journal is read. */
export type PendingSignatureCheck = SignatureCheck | (() => Promise<SignatureCheck>);

/** An entry as the journal takes it: built only when the journal is read, so a busy mock pays little for it. */
export type EntryBuilder = () => Omit<JournalEntry, 'sequence' | 'signature'>;

export interface Journal {
  add(entry: EntryBuilder, signature: PendingSignatureCheck): void;
  /** The entries, oldest first, each signature checked by then. */
  entries(): Promise<JournalEntry[]>;
  clear(): void;
}

interface Kept {
  sequence: number;
  build?: EntryBuilder;
  entry?: JournalEntry;
  signature: PendingSignatureCheck;
}

/**
 * Checking a signature costs about as much as the rest of an answer, and building an entry
 * (redacting headers, writing dates) a good part of it, so both wait until the journal is read:
 * a signature is then checked at the time its request arrived. A mock under load pays little for
 * a journal nobody reads.
 */
export function createJournal(limit = JOURNAL_LIMIT): Journal {
  let kept: Kept[] = [];
  let sequence = 0;
  return {
    add(build, signature) {
      sequence += 1;
      kept.push({ sequence, build, signature });
      // The oldest are dropped a tenth of the limit at a time: dropping one per request would
      // copy the whole journal on every answer of a busy mock.
      if (kept.length > limit + Math.ceil(limit / 10)) kept = kept.slice(kept.length - limit);
    },
    async entries() {
      const now = kept.slice(-limit);
      for (const item of now) {
        if (typeof item.signature === 'function') item.signature = await item.signature();
        if (item.build) {
          const { request, ...rest } = item.build();
          const cut = request.body.length > JOURNAL_BODY_LIMIT ? { ...request, body: request.body.slice(0, JOURNAL_BODY_LIMIT), bodyCut: true as const } : request;
          item.entry = { sequence: item.sequence, ...rest, request: cut, signature: item.signature };
          item.build = undefined;
        }
      }
      return structuredClone(now.map((item) => ({ ...(item.entry as JournalEntry), signature: item.signature as SignatureCheck })));
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
export function redactHeaders(model: ApiModel, headers: Record<string, string>): Record<string, string> {
  const authorization = model.signing.header.toLowerCase();
  const token = model.signing.tokenHeader?.toLowerCase();
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === token) result[name] = REDACTED;
    else if (name === authorization) result[name] = value.replace(/Signature=[^,\s]*/i, `Signature=${REDACTED}`);
    else result[name] = value;
  }
  return result;
}
