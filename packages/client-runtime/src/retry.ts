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

export const NO_BODY = new Set([101, 204, 205, 304]);

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

/** Refuses a redirect answer: neither API redirects, and a redirect could carry the signed request (token and body) elsewhere. */
export function refuseRedirect(status: number, location: string | null | undefined, shown = status): void {
  if (status > 299 && status < 400 && status !== 304) {
    throw new InvalidResponseError(`HTTP ${shown} redirects to ${location}, which is not followed`, shown, undefined);
  }
}

/** What one attempt of a retry loop needs: an attempt that resolves to a complete answer, and a judge of it. */
export interface AttemptOptions<A> extends RetryOptions {
  /** One attempt, its answer read completely (so the timeout covers a body that stalls); must honour `signal`. */
  attempt: (signal: AbortSignal) => Promise<A>;
  /** Decides from a complete answer whether to try again. */
  judge: (answer: A) => Verdict | Promise<Verdict>;
  signal?: AbortSignal | undefined;
  redact: (text: string) => string;
}

// The runtime's own timers, taken when this module loads: a deadline runs on real time even where
// the global timers are swapped later (a test's fake timers), as an AbortSignal.timeout does.
const { setTimeout: startTimer, clearTimeout: stopTimer } = globalThis;

/**
 * Each attempt's deadline: a timer, cleared when the attempt ends and unreferenced, so it never
 * keeps a process alive. Not an AbortSignal.timeout: that one lives for its whole limit (60 s by
 * default) after the attempt, and with 10 calls in flight on Node it cost 10-15% of each call and
 * memory that piled up. An object, so that a test can see the limit each attempt asks for.
 */
export const deadlines = {
  start(onTimeout: () => void, ms: number): unknown {
    const timer = startTimer(onTimeout, ms) as { unref?: () => void };
    timer.unref?.();
    return timer;
  },
  stop(timer: unknown): void {
    stopTimer(timer as Parameters<typeof clearTimeout>[0]);
  },
};

/** Runs one attempt within its deadline and the caller's signal. */
async function attemptOnce<A>(options: AttemptOptions<A>, timeoutMs: number): Promise<{ answer?: A; error?: unknown; timedOut: boolean }> {
  const controller = new AbortController();
  const caller = options.signal;
  const onCallerAbort = () => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onCallerAbort, { once: true });
  let timedOut = false;
  const onTimeout = () => {
    timedOut = true;
    controller.abort();
  };
  const deadline = deadlines.start(onTimeout, timeoutMs);
  // Raced against the attempt, so a credentials provider or a transport that ignores the signal cannot hold it.
  const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason)));
  try {
    return { answer: await Promise.race([options.attempt(controller.signal), aborted]), timedOut: false };
  } catch (error) {
    // Our own errors (bad credentials, a failed provider, a redirect, a body past its bound) are final, not network trouble.
    if (error instanceof ClientError && !caller?.aborted) throw error;
    return { error, timedOut };
  } finally {
    deadlines.stop(deadline);
    caller?.removeEventListener('abort', onCallerAbort);
  }
}

/** Runs `attempt` until an answer is final or attempts run out; see RetryOptions for the policy. */
export async function retryAttempts<A>(options: AttemptOptions<A>): Promise<A> {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 3));
  const policy = { baseDelayMs: options.baseDelayMs ?? 100, maxDelayMs: options.maxDelayMs ?? 20_000, random: options.random ?? Math.random };
  const caller = options.signal;
  const timeoutMs = options.timeoutMs ?? options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    if (caller?.aborted) throw caller.reason;
    const outcome = await attemptOnce(options, timeoutMs);
    if (caller?.aborted) throw caller.reason;
    let retryAfterMs: number | undefined;
    if (outcome.answer !== undefined) {
      const verdict = await options.judge(outcome.answer);
      // A server that asks for a longer pause than we would ever wait gets its answer returned.
      const tooLong = verdict.retryAfterMs !== undefined && verdict.retryAfterMs > policy.maxDelayMs;
      if (!verdict.retry || tooLong || attempt >= maxAttempts) return outcome.answer;
      retryAfterMs = verdict.retryAfterMs;
    } else if (attempt >= maxAttempts) {
      if (outcome.timedOut) throw new TimeoutError(timeoutMs, attempt);
      throw new NetworkError('no complete answer', attempt, safeCause(outcome.error, options.redact));
    }
    await sleep(Math.max(retryAfterMs ?? 0, backoffDelay(attempt, policy)), caller);
  }
}

/** Reads a fetch answer's body within the bound into a new, complete Response; refuses a redirect. */
export async function completeFetch(answer: Response, options: Pick<SendOptions, 'maxBytes' | 'read'>): Promise<Response> {
  try {
    refuseRedirect(answer.type === 'opaqueredirect' ? 307 : answer.status, answer.headers.get('location'), answer.status);
  } catch (error) {
    answer.body?.cancel().catch(() => {});
    throw error;
  }
  const limit = options.maxBytes ?? MAX_ANSWER_BYTES;
  const body = NO_BODY.has(answer.status) ? null : await (options.read ?? readBounded)(answer, limit);
  if (body === undefined) throw new ResponseTooLargeError(limit, answer.status);
  return new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
}

/** Runs `send` (a fetch) until an answer is final or attempts run out, each answer read within its bound. */
export async function sendWithRetries(options: SendOptions): Promise<Response> {
  return retryAttempts<Response>({
    ...options,
    attempt: async (signal) => completeFetch(await options.send(signal), options),
    judge: (response) => options.judge(response.clone()),
  });
}
