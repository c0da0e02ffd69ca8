// Verified downloads of a layer archive, with Web APIs only: the bytes at `Location` are
// checked against the size and SHA-256 that the GetLayerVersion answer promised.
import { IntegrityError, InvalidInputError, InvalidResponseError, ResponseTooLargeError } from './errors.js';
import { urlRule } from './input.js';
import { isTimeout, readBounded, retryAttempts, TIMEOUT_RULE, type RetryOptions } from './retry.js';
import { sha256, toBase64, toHex } from './bytes.js';

export interface ExpectedArchive {
  /** Where the archive is; the answer's `Location`. */
  location: unknown;
  /** Size in bytes, when the provider says it (AWS `CodeSize`). */
  size?: unknown;
  /** SHA-256 as the provider writes it: base64 on AWS, hex on Tencent. */
  sha256: { base64: unknown } | { hex: unknown };
}

/**
 * Bound of a download whose size the answer does not give (Tencent sends none): 512 MiB, above
 * AWS's 250 MB limit on a function and its layers unzipped. The archive is held in memory (Web
 * Crypto hashes whole buffers), and a compressed body is gathered in chunks, so reaching the bound
 * costs up to about three times it.
 */
export const MAX_DOWNLOAD_BYTES = 512 * 1024 ** 2;
/** Limit of each download attempt when the caller sets none: 10 minutes, for large archives. */
export const DOWNLOAD_TIMEOUT_MS = 600_000;
/** Redirects a download follows at most. */
export const MAX_REDIRECTS = 5;

export interface DownloadOptions extends RetryOptions {
  signal?: AbortSignal | undefined;
  /** Allow `http:` locations (and redirects to them), for a local mock. Default false: only `https:`. */
  allowHttp?: boolean | undefined;
  /** Bound of the archive's bytes. Default MAX_DOWNLOAD_BYTES; a known size (AWS `CodeSize`) bounds it further. */
  maxBytes?: number | undefined;
  /** The transport. The download is not signed: the location carries its own authorisation. */
  fetch: (request: Request) => Promise<Response>;
  redact: (text: string) => string;
}

/** One attempt: fetches `location`, following up to MAX_REDIRECTS redirects to URLs that `urlRule` accepts. */
async function fetchFollowing(location: string, signal: AbortSignal, options: DownloadOptions): Promise<Response> {
  let url = location;
  for (let redirects = 0; ; redirects++) {
    // Unsigned, without cookies or credentials: the URL carries its own authorisation.
    const answer = await options.fetch(new Request(url, { signal, redirect: 'manual', credentials: 'omit' }));
    const next = answer.headers.get('location');
    if (answer.status < 300 || answer.status > 399 || next === null) return answer;
    await answer.body?.cancel();
    if (!URL.canParse(next, url)) throw new InvalidResponseError(`the archive host redirects to ${next}, which is not a URL`, answer.status, undefined);
    url = new URL(next, url).href;
    const refused = urlRule(url, options.allowHttp);
    if (refused) throw new InvalidResponseError(`the archive host redirects to ${url}, which ${refused}`, answer.status, undefined);
    if (redirects >= MAX_REDIRECTS) throw new InvalidResponseError(`the archive host redirects more than ${MAX_REDIRECTS} times`, answer.status, undefined);
  }
}

/**
 * Reads an archive within `limit` bytes. When the length is told (and not of a compressed body)
 * the bytes go straight into one buffer of that size, so a large archive is held once, not twice.
 */
async function readArchive(answer: Response, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const length = Number(answer.headers.get('content-length') ?? NaN);
  if (!answer.body || answer.headers.has('content-encoding') || !Number.isSafeInteger(length) || length > limit) return readBounded(answer, limit);
  const bytes = new Uint8Array(length);
  const reader = answer.body.getReader();
  let offset = 0;
  for (;;) {
    const part = await reader.read();
    if (part.done) break;
    // fetch rejects a body longer than its content-length; this guards a looser transport.
    if (offset + part.value.length > length) return void reader.cancel().catch(() => {});
    bytes.set(part.value, offset);
    offset += part.value.length;
  }
  return bytes.subarray(0, offset);
}

/** Fetches the archive and resolves to its bytes once size and SHA-256 match; rejects otherwise. */
export async function downloadVerified(expected: ExpectedArchive, options: DownloadOptions): Promise<Uint8Array> {
  const { location, size } = expected;
  const refused = urlRule(location, options.allowHttp);
  if (refused) throw new InvalidInputError('Location', refused);
  const url = location as string;
  const wanted = 'base64' in expected.sha256 ? expected.sha256.base64 : expected.sha256.hex;
  if (typeof wanted !== 'string' || wanted === '') throw new InvalidInputError('CodeSha256', 'is required to verify the download');
  if (size !== undefined && !(typeof size === 'number' && Number.isSafeInteger(size) && size >= 0)) {
    throw new InvalidInputError('CodeSize', 'must be a non-negative integer');
  }
  if (options.timeoutMs !== undefined && !isTimeout(options.timeoutMs)) throw new InvalidInputError('timeoutMs', TIMEOUT_RULE);
  const maxBytes = options.maxBytes ?? MAX_DOWNLOAD_BYTES;
  if (!(Number.isSafeInteger(maxBytes) && maxBytes >= 0)) throw new InvalidInputError('maxBytes', 'must be a non-negative integer');
  // Reading stops one byte past the promised size: a longer body is already a mismatch.
  const limit = Math.min(maxBytes, size ?? maxBytes);
  let answer: { status: number; bytes: Uint8Array<ArrayBuffer> };
  try {
    answer = await retryAttempts({
      defaultTimeoutMs: DOWNLOAD_TIMEOUT_MS,
      ...options,
      // One attempt: the archive read whole within the bound (a redirect followed first).
      attempt: async (signal) => {
        const response = await fetchFollowing(url, signal, options);
        const bytes = await readArchive(response, limit);
        if (bytes === undefined) throw new ResponseTooLargeError(limit, response.status);
        return { status: response.status, bytes };
      },
      // The archive host is a storage URL, not the API: no spec documents its answers, so HTTP's
      // own meaning decides (RFC 6585 429, RFC 9110 5xx: worth another try).
      judge: ({ status }) => ({ retry: status === 429 || status >= 500 }),
    });
  } catch (error) {
    if (error instanceof ResponseTooLargeError && size !== undefined && limit === size) throw new IntegrityError('size', String(size), `more than ${size}`);
    throw error;
  }
  if (answer.status < 200 || answer.status > 299) throw new InvalidResponseError(`the archive could not be downloaded: HTTP ${answer.status}`, answer.status, undefined);
  const { bytes } = answer;
  if (size !== undefined && bytes.length !== size) throw new IntegrityError('size', String(size), String(bytes.length));
  const digest = await sha256(bytes);
  const actual = 'base64' in expected.sha256 ? toBase64(digest) : toHex(digest);
  if (actual !== ('base64' in expected.sha256 ? wanted : wanted.toLowerCase())) throw new IntegrityError('sha256', wanted, actual);
  return bytes;
}
