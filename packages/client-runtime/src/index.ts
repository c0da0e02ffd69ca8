export { ClientError, IntegrityError, InvalidInputError, InvalidResponseError, NetworkError, ResponseTooLargeError, TimeoutError } from './errors.js';
export { credentialsSource, type CredentialsSource } from './credentials.js';
export { checkedHeaders, checkInput, checkTransportOptions, type InputRule } from './input.js';
export { makeRedactor, safeCause } from './redact.js';
export { scrubError } from './scrub.js';
export {
  DEFAULT_TIMEOUT_MS,
  MAX_ANSWER_BYTES,
  backoffDelay,
  parseRetryAfter,
  readBounded,
  retryAttempts,
  sendWithRetries,
  type AttemptOptions,
  type RetryOptions,
  type SendOptions,
  type Verdict,
} from './retry.js';
export { fetchTransport, type Incoming, type Outgoing, type Transport } from './transport.js';
export { findSchemaViolation, type Schema } from './schema.js';
export { hmacSha256, sha256, toBase64, toHex } from './bytes.js';
export { DOWNLOAD_TIMEOUT_MS, MAX_DOWNLOAD_BYTES, MAX_REDIRECTS, downloadVerified, type DownloadOptions, type ExpectedArchive } from './download.js';
export { ApiError, CredentialsError, type ErrorFacts, type ErrorKind } from './errors.js';
export {
  checkOptions,
  createClient,
  type ApiClient,
  type ApiRules,
  type DownloadRules,
  type OperationInput,
  type OperationRules,
  type OperationShapes,
  type PagingRules,
  requestParts,
  type CoreOptions,
  type ErrorAnswer,
  type Location,
  type Provider,
  type ProviderErrors,
  type Signer,
  type StatusRule,
} from './core.js';
export type { CallOptions, PageOptions, TransportOptions } from './options.js';
export { pages } from './paginate.js';
