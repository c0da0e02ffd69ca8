// Verified downloads of a layer archive, with Web APIs only: the bytes at `Location` are
// checked against the size and SHA-256 that the GetLayerVersion answer promised.
import { IntegrityError, InvalidInputError, InvalidResponseError } from './errors.js';
import { sendWithRetries, type RetryOptions } from './retry.js';
import { sha256, toBase64, toHex } from './bytes.js';

export interface ExpectedArchive {
  /** Where the archive is; the answer's `Location`. */
  location: unknown;
  /** Size in bytes, when the provider says it (AWS `CodeSize`). */
  size?: unknown;
  /** SHA-256 as the provider writes it: base64 on AWS, hex on Tencent. */
  sha256: { base64: unknown } | { hex: unknown };
}

export interface DownloadOptions extends RetryOptions {
  signal?: AbortSignal | undefined;
  /** Allow `http:` locations, for a local mock. Default false: only `https:`. */
  allowHttp?: boolean | undefined;
  /** The transport. The download is not signed: the location carries its own authorisation. */
  fetch: (request: Request) => Promise<Response>;
  redact: (text: string) => string;
}

/** Fetches the archive and resolves to its bytes once size and SHA-256 match; rejects otherwise. */
export async function downloadVerified(expected: ExpectedArchive, options: DownloadOptions): Promise<Uint8Array> {
  const { location } = expected;
  if (typeof location !== 'string' || !URL.canParse(location)) throw new InvalidInputError('Location', 'must be an absolute URL');
  const protocol = new URL(location).protocol;
  if (!(protocol === 'https:' || (protocol === 'http:' && options.allowHttp))) {
    throw new InvalidInputError('Location', options.allowHttp ? 'must be an https: or http: URL' : 'must be an https: URL (pass allowHttp for a local mock)');
  }
  const wanted = 'base64' in expected.sha256 ? expected.sha256.base64 : expected.sha256.hex;
  if (typeof wanted !== 'string' || wanted === '') throw new InvalidInputError('CodeSha256', 'is required to verify the download');
  if (expected.size !== undefined && !(typeof expected.size === 'number' && Number.isSafeInteger(expected.size) && expected.size >= 0)) {
    throw new InvalidInputError('CodeSize', 'must be a non-negative integer');
  }
  const response = await sendWithRetries({
    ...options,
    send: (signal) => options.fetch(new Request(location, { signal })),
    judge: (answer) => ({ retry: answer.status === 429 || answer.status >= 500 }),
  });
  if (!response.ok) throw new InvalidResponseError(`the archive could not be downloaded: HTTP ${response.status}`, response.status, undefined);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (expected.size !== undefined && bytes.length !== expected.size) throw new IntegrityError('size', String(expected.size), String(bytes.length));
  const digest = await sha256(bytes);
  const actual = 'base64' in expected.sha256 ? toBase64(digest) : toHex(digest);
  if (actual !== ('base64' in expected.sha256 ? wanted : wanted.toLowerCase())) throw new IntegrityError('sha256', wanted, actual);
  return bytes;
}
