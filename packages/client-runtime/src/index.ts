export { ClientError, IntegrityError, InvalidInputError, InvalidResponseError, NetworkError, TimeoutError } from './errors.js';
export { checkInput, type InputRule } from './input.js';
export { makeRedactor, safeCause } from './redact.js';
export { backoffDelay, parseRetryAfter, sendWithRetries, type RetryOptions, type SendOptions, type Verdict } from './retry.js';
export { findSchemaViolation, type Schema } from './schema.js';
export { hmacSha256, sha256, toBase64, toHex } from './bytes.js';
export { downloadVerified, type DownloadOptions, type ExpectedArchive } from './download.js';
