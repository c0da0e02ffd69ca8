// The request journal: each request the mock answered, with secrets taken out, kept in order up
// to a limit so that a long-running mock does not grow without bound.
import type { ApiModel } from '@layerspec/specs/model';
import { CONTROL_TOKEN_HEADER } from './control-guard.js';
import { type JournalEntry, REDACTED, type SignatureCheck } from './journal-entry.js';

/**
 * Entries a mock keeps unless told otherwise; the oldest go first once it is full. A contract
 * test makes a handful of calls; keeping many thousands costs a busy mock about 8% of its
 * throughput in garbage collection (measured with npm run bench).
 */
export const JOURNAL_LIMIT = 1_000;
/**
 * Characters of a request body kept: a layer action's body is a few dozen bytes, and the mock
 * reads bodies of up to 10 MB, which a full journal must not hold a thousand times.
 */
export const JOURNAL_BODY_LIMIT = 64 * 1024;

/**
 * Bytes the journal may hold, counted as the characters and bytes its entries keep: with bodies cut
 * at JOURNAL_BODY_LIMIT, a full journal of large requests would otherwise hold about 130 MB.
 */
export const JOURNAL_BYTE_LIMIT = 16 * 1024 * 1024;

/**
 * What an entry keeps of a request body: all of it, or its first JOURNAL_BODY_LIMIT characters,
 * copied, so that the whole body can go (a slice of a string may keep the whole string alive in V8).
 */
export function keptBody(body: string): { body: string; bodyCut?: true } {
  if (body.length <= JOURNAL_BODY_LIMIT) return { body };
  return { body: Buffer.from(body.slice(0, JOURNAL_BODY_LIMIT), 'utf16le').toString('utf16le'), bodyCut: true };
}

/** A signature's check now, or a way to run it when the journal is read. */
export type PendingSignatureCheck = SignatureCheck | (() => Promise<SignatureCheck>);

/** An entry as the journal takes it: built only when the journal is read, so a busy mock pays little for it. */
export type EntryBuilder = () => Omit<JournalEntry, 'sequence' | 'signature'>;

export interface Journal {
  /** Keeps an entry; `bytes` is what it holds until read (its builder's and its pending signature check's data). */
  add(entry: EntryBuilder, signature: PendingSignatureCheck, bytes?: number): void;
  /** The entries, oldest first, each signature checked by then. */
  entries(): Promise<JournalEntry[]>;
  clear(): void;
  /** How many entries it keeps and the bytes they were counted at. */
  size(): { entries: number; bytes: number };
}

interface Kept {
  sequence: number;
  build?: EntryBuilder;
  entry?: JournalEntry;
  signature: PendingSignatureCheck;
  bytes: number;
}

/**
 * Checking a signature costs about as much as the rest of an answer, and building an entry
 * (redacting headers, writing dates) a good part of it, so both wait until the journal is read:
 * a signature is then checked at the time its request arrived. A mock under load pays little for
 * a journal nobody reads. It is bounded twice: by entries, and by the bytes they hold.
 */
export function createJournal(limit = JOURNAL_LIMIT, byteLimit = JOURNAL_BYTE_LIMIT): Journal {
  let kept: Kept[] = [];
  let bytes = 0;
  let sequence = 0;
  /** Drops the oldest entries past either bound; in batches, since each drop copies the array. */
  const trim = () => {
    const overCount = kept.length > limit + Math.ceil(limit / 10);
    if (!overCount && bytes <= byteLimit) return;
    let drop = overCount ? kept.length - limit : 0;
    let left = bytes;
    for (let index = 0; index < drop; index++) left -= kept[index]!.bytes;
    // Past the byte bound the journal comes down to nine tenths of it, keeping at least the newest entry.
    while (left > byteLimit * 0.9 && drop < kept.length - 1) left -= kept[drop++]!.bytes;
    kept = kept.slice(drop);
    bytes = left;
  };
  return {
    add(build, signature, size = 0) {
      sequence += 1;
      kept.push({ sequence, build, signature, bytes: size });
      bytes += size;
      trim();
    },
    async entries() {
      const now = kept.slice(-limit);
      for (const item of now) {
        if (typeof item.signature === 'function') item.signature = await item.signature();
        if (item.build) {
          item.entry = { sequence: item.sequence, ...item.build(), signature: item.signature };
          item.build = undefined;
        }
      }
      return structuredClone(now.map((item) => ({ ...(item.entry as JournalEntry), signature: item.signature as SignatureCheck })));
    },
    clear() {
      kept = [];
      bytes = 0;
    },
    size: () => ({ entries: Math.min(kept.length, limit), bytes }),
  };
}

/**
 * Headers that carry a credential by HTTP's own meaning, whatever the API: a browser's cookies
 * (the docs console runs in one) and a proxy's credentials, and the mock's own control token.
 */
const HTTP_SECRET_HEADERS = new Set(['cookie', 'proxy-authorization', CONTROL_TOKEN_HEADER]);

/**
 * The request's headers with their secrets out: the session token whole, the signature of the
 * Authorization header (its algorithm, credential scope and signed headers stay, since they tell
 * what was signed), and HTTP's own credential headers. Names come from the model's signing facts.
 */
export function redactHeaders(model: ApiModel, headers: Record<string, string>): Record<string, string> {
  const authorization = model.signing.header.toLowerCase();
  const token = model.signing.tokenHeader?.toLowerCase();
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === token || HTTP_SECRET_HEADERS.has(name)) result[name] = REDACTED;
    else if (name === authorization) result[name] = value.replace(/Signature=[^,\s]*/i, `Signature=${REDACTED}`);
    else result[name] = value;
  }
  return result;
}

/**
 * A request target (path and query) with the values of the query parameters the spec's signing
 * scheme names as secret (SigV4's query form: signature, credential, session token) replaced by
 * REDACTED. Names match case-insensitively, as a client may write them either way; every other
 * byte of the target stays as received.
 */
export function redactTarget(model: ApiModel, target: string): string {
  const secret = new Set((model.signing.secretQueryParameters ?? []).map((name) => name.toLowerCase()));
  const index = target.indexOf('?');
  if (index === -1 || secret.size === 0) return target;
  const pairs = target
    .slice(index + 1)
    .split('&')
    .map((pair) => {
      const [name = ''] = pair.split('=', 1);
      return secret.has(decodeName(name).toLowerCase()) ? `${name}=${encodeURIComponent(REDACTED)}` : pair;
    });
  return `${target.slice(0, index)}?${pairs.join('&')}`;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
