// The error classes both clients share. Every error the clients throw carries only what the
// caller needs (name, message, status, ids); credentials and signatures are never stored on it.

/** Base of the errors thrown by the layerspec clients. */
export class ClientError extends Error {
  constructor(name: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = name;
  }

  /** `JSON.stringify` shows name and message too (they are not own enumerable properties of an Error). */
  toJSON(): object {
    return { ...this, name: this.name, message: this.message };
  }
}

/** The input broke one of the spec's rules; nothing was sent. */
export class InvalidInputError extends ClientError {
  readonly field: string;
  readonly rule: string;
  constructor(field: string, rule: string) {
    super('InvalidInputError', `${field} ${rule}`);
    this.field = field;
    this.rule = rule;
  }
}

/** No answer arrived: the connection failed, was reset or the body was cut off. */
export class NetworkError extends ClientError {
  readonly attempts: number;
  constructor(message: string, attempts: number, cause: Error) {
    super('NetworkError', `${message} (attempts: ${attempts})`, { cause });
    this.attempts = attempts;
  }
}

/** Each attempt took longer than `timeoutMs`. */
export class TimeoutError extends ClientError {
  readonly attempts: number;
  readonly timeoutMs: number;
  constructor(timeoutMs: number, attempts: number) {
    super('TimeoutError', `no complete answer within ${timeoutMs} ms (attempts: ${attempts})`);
    this.attempts = attempts;
    this.timeoutMs = timeoutMs;
  }
}

/** An answer arrived but is not what the spec describes (not JSON, cut off, or breaks the schema). */
export class InvalidResponseError extends ClientError {
  readonly status: number;
  readonly requestId: string | undefined;
  constructor(message: string, status: number, requestId: string | undefined, options?: { cause?: unknown }) {
    super('InvalidResponseError', message, options);
    this.status = status;
    this.requestId = requestId;
  }
}

/** A downloaded archive does not match the size or SHA-256 that the answer promised. */
export class IntegrityError extends ClientError {
  readonly check: 'size' | 'sha256';
  readonly expected: string;
  readonly actual: string;
  constructor(check: 'size' | 'sha256', expected: string, actual: string) {
    super('IntegrityError', `the downloaded archive's ${check} is ${actual}, expected ${expected}`);
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
    this.limit = limit;
  }
}
