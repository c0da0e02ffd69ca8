// One request, tried up to `maxAttempts` times: capped exponential backoff with full jitter,
// `Retry-After` honoured, a timeout per attempt, and the caller's signal ending everything.
import { ClientError, InvalidResponseError, NetworkError, ResponseTooLargeError, TimeoutError } from './errors.js';
import { safeCause } from './redact.js';

/** Limit of each attempt when the caller sets none: the Tencent Cloud SDK's own default. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Bound of an API answer's body, decompressed: a GetLayerVersion answer is a few KB. */
export const MAX_ANSWER_BYTES = 256 * 1024;

// The longest delay a timer takes everywhere (a signed 32-bit count of milliseconds).
export const TIMEOUT_RULE = 'must be a positive number below 2^31 (ms)';
export const isTimeout = (ms: unknown): boolean => typeof ms === 'number' && ms > 0 && ms < 2 ** 31;

export interface RetryOptions {
  /** Attempts in total, the first included. Default 3. */
  maxAttempts?: number;
  /** Limit for each attempt, from asking for credentials to the last byte of the answer. Default `defaultTimeoutMs`. */
  timeoutMs?: number;
  /** The limit when `timeoutMs` is not set. Default DEFAULT_TIMEOUT_MS (60 s); lowered by tests. */
  defaultTimeoutMs?: number;
  /** Backoff before attempt n+1 is random in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). Default 100. */
  baseDelayMs?: number;
  /** Cap of the backoff, and the longest `Retry-After` worth waiting for. Default 20000. */
  maxDelayMs?: number;
  /** Source of jitter in [0, 1); tests pass a fixed one. */
  random?: () => number;
}

/** What a provider says about one answer: try again, and after how long at least. */
export interface Verdict {
  retry: boolean;
  retryAfterMs?: number | undefined;
}

export interface SendOptions extends RetryOptions {
  /** Sends one attempt; must pass `signal` to fetch. */
  send: (signal: AbortSignal) => Promise<Response>;
  /** Decides from a complete (buffered) answer whether to try again. */
  judge: (response: Response) => Verdict | Promise<Verdict>;
  signal?: AbortSignal | undefined;
  redact: (text: string) => string;
  /** Bound of each answer's body, decompressed. Default MAX_ANSWER_BYTES. */
  maxBytes?: number | undefined;
  /** Reads a body within the bound (undefined when longer); readBounded by default. */
  read?: (answer: Response, limit: number) => Promise<Uint8Array<ArrayBuffer> | undefined>;
}

/** Reads `Retry-After` (seconds or an HTTP date) as milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter: a random delay below the capped exponential bound. */
export function backoffDelay(attempt: number, options: Required<Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>>): number {
  const bound = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(options.random() * bound);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * Reads a body up to `limit` bytes (after fetch has decompressed it) and cancels the rest, so a
 * gzip bomb costs at most `limit` bytes; undefined when the body is longer.
 */
export async function readBounded(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (reader) {
    const part = await reader.read();
    if (part.done) break;
    total += part.value.length;
    if (total > limit) return void reader.cancel().catch(() => {});
    chunks.push(part.value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Sends and reads one attempt completely, so the timeout covers a body that stalls or breaks. */
async function attemptOnce(options: SendOptions, timeoutMs: number): Promise<{ response?: Response; error?: unknown; timedOut: boolean }> {
  const controller = new AbortController();
  const caller = options.signal;
  const onCallerAbort = () => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onCallerAbort, { once: true });
  let timedOut = false;
  const onTimeout = () => {
    timedOut = true;
    controller.abort();
  };
  // A timeout signal, not a timer: nothing to clear, and it never keeps a process alive.
  const deadline = AbortSignal.timeout(timeoutMs);
  deadline.addEventListener('abort', onTimeout, { once: true });
  // Raced against each step, so a credentials provider or a fetch that ignores the signal cannot hold the attempt.
  const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason)));
  try {
    const answer = await Promise.race([options.send(controller.signal), aborted]);
    // Neither API redirects; a redirect could carry the signed request (token and body) elsewhere.
    if (answer.type === 'opaqueredirect' || (answer.status > 299 && answer.status < 400 && answer.status !== 304)) {
      answer.body?.cancel().catch(() => {});
      throw new InvalidResponseError(`HTTP ${answer.status} redirects to ${answer.headers.get('location')}, which is not followed`, answer.status, undefined);
    }
    const limit = options.maxBytes ?? MAX_ANSWER_BYTES;
    const body = NO_BODY.has(answer.status) ? null : await Promise.race([(options.read ?? readBounded)(answer, limit), aborted]);
    if (body === undefined) throw new ResponseTooLargeError(limit, answer.status);
    const response = new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
    return { response, timedOut: false };
  } catch (error) {
    // Our own errors (bad credentials, a failed provider, a redirect, a body past its bound) are final, not network trouble.
    if (error instanceof ClientError && !caller?.aborted) throw error;
    return { error, timedOut };
  } finally {
    deadline.removeEventListener('abort', onTimeout);
    caller?.removeEventListener('abort', onCallerAbort);
  }
}

/** Runs `send` until an answer is final or attempts run out; see RetryOptions for the policy. */
export async function sendWithRetries(options: SendOptions): Promise<Response> {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 3));
  const policy = { baseDelayMs: options.baseDelayMs ?? 100, maxDelayMs: options.maxDelayMs ?? 20_000, random: options.random ?? Math.random };
  const caller = options.signal;
  const timeoutMs = options.timeoutMs ?? options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    if (caller?.aborted) throw caller.reason;
    const outcome = await attemptOnce(options, timeoutMs);
    if (caller?.aborted) throw caller.reason;
    let retryAfterMs: number | undefined;
    if (outcome.response) {
      const verdict = await options.judge(outcome.response.clone());
      // A server that asks for a longer pause than we would ever wait gets its answer returned.
      const tooLong = verdict.retryAfterMs !== undefined && verdict.retryAfterMs > policy.maxDelayMs;
      if (!verdict.retry || tooLong || attempt >= maxAttempts) return outcome.response;
      retryAfterMs = verdict.retryAfterMs;
    } else if (attempt >= maxAttempts) {
      if (outcome.timedOut) throw new TimeoutError(timeoutMs, attempt);
      throw new NetworkError('no complete answer', attempt, safeCause(outcome.error, options.redact));
    }
    await sleep(Math.max(retryAfterMs ?? 0, backoffDelay(attempt, policy)), caller);
  }
}
