// The error classes both clients share: one design for every provider. Every error a client
// throws has `name`, `kind`, `code`, `status`, `requestId`, `retryable` and `cause`; credentials
// and signatures are never stored on it.

/** A provider-neutral class of error, what a caller branches on. */
export type ErrorKind = 'not-found' | 'throttled' | 'invalid-input' | 'auth' | 'service' | 'network' | 'timeout' | 'invalid-response' | 'credentials';

export interface ErrorFacts {
  kind: ErrorKind;
  /** The provider's own code or error name; the class name for the client's own errors. */
  code?: string | undefined;
  /** The HTTP status, where an answer arrived. */
  status?: number | undefined;
  requestId?: string | undefined;
  /** Whether another attempt of the same request may succeed. Default false. */
  retryable?: boolean | undefined;
  cause?: unknown;
}

/** Base of the errors thrown by the layerspec clients. */
export class ClientError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  constructor(name: string, message: string, facts: ErrorFacts) {
    super(message, facts.cause === undefined ? undefined : { cause: facts.cause });
    this.name = name;
    this.kind = facts.kind;
    this.code = facts.code ?? name;
    this.status = facts.status;
    this.requestId = facts.requestId;
    this.retryable = facts.retryable ?? false;
  }

  /** `JSON.stringify` shows name and message too (they are not own enumerable properties of an Error). */
  toJSON(): object {
    return { ...this, name: this.name, message: this.message };
  }
}

/** An error answer of the API: `code` is the provider's, `kind` the neutral class the model gives it. */
export class ApiError extends ClientError {}

/** The input broke one of the spec's rules; nothing was sent. */
export class InvalidInputError extends ClientError {
  readonly field: string;
  readonly rule: string;
  constructor(field: string, rule: string) {
    super('InvalidInputError', `${field} ${rule}`, { kind: 'invalid-input' });
    this.field = field;
    this.rule = rule;
  }
}

/** The credentials provider failed; its cause keeps the thrown error's name and code, not its message. */
export class CredentialsError extends ClientError {
  constructor(message: string, cause: Error) {
    super('CredentialsError', message, { kind: 'credentials', cause });
  }
}

/** No answer arrived: the connection failed, was reset or the body was cut off. */
export class NetworkError extends ClientError {
  readonly attempts: number;
  constructor(message: string, attempts: number, cause: Error) {
    super('NetworkError', `${message} (attempts: ${attempts})`, { kind: 'network', retryable: true, cause });
    this.attempts = attempts;
  }
}

/** Each attempt took longer than `timeoutMs`. */
export class TimeoutError extends ClientError {
  readonly attempts: number;
  readonly timeoutMs: number;
  constructor(timeoutMs: number, attempts: number) {
    super('TimeoutError', `no complete answer within ${timeoutMs} ms (attempts: ${attempts})`, { kind: 'timeout', retryable: true });
    this.attempts = attempts;
    this.timeoutMs = timeoutMs;
  }
}

/** An answer arrived but is not what the spec describes (not JSON, cut off, or breaks the schema). */
export class InvalidResponseError extends ClientError {
  declare readonly status: number;
  constructor(message: string, status: number, requestId: string | undefined, options?: { cause?: unknown }) {
    super('InvalidResponseError', message, { kind: 'invalid-response', status, requestId, cause: options?.cause });
  }
}

/** A downloaded archive does not match the size or SHA-256 that the answer promised. */
export class IntegrityError extends ClientError {
  readonly check: 'size' | 'sha256';
  readonly expected: string;
  readonly actual: string;
  constructor(check: 'size' | 'sha256', expected: string, actual: string) {
    super('IntegrityError', `the downloaded archive's ${check} is ${actual}, expected ${expected}`, { kind: 'invalid-response' });
    this.check = check;
    this.expected = expected;
    this.actual = actual;
  }
}

/** An answer's body (after decompression) passed the bound; reading stopped there. */
export class ResponseTooLargeError extends InvalidResponseError {
  readonly limit: number;
  constructor(limit: number, status: number) {
    super(`the answer is larger than ${limit} bytes; reading stopped there`, status, undefined);
    this.name = 'ResponseTooLargeError';
    Object.assign(this, { code: this.name });
    this.limit = limit;
  }
}
