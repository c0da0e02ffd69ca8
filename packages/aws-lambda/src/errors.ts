// The errors of GetLayerVersion as typed classes. AWS names the error in the
// `x-amzn-ErrorType` header; the body's message member is `message` for some errors and
// `Message` for others (design.md section 2), so both are read.
import { ClientError } from '@layerspec/client-runtime/errors';
import type { documentedErrors } from './generated/rules.js';

/** An error name the spec documents, or any other name AWS may send. */
export type LambdaErrorName = (typeof documentedErrors)[number]['name'] | 'UnknownError' | (string & {});

export interface LambdaErrorDetails {
  status: number;
  requestId: string | undefined;
  /** `User` for a client error, `Service` for a server error, when AWS says so. */
  type?: string | undefined;
}

/** Any error answer of AWS Lambda; undocumented error names arrive as this class with that name. */
export class LambdaError extends ClientError {
  declare name: LambdaErrorName;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The `x-amzn-RequestId` of the answer, to quote to AWS Support. */
  readonly requestId: string | undefined;
  readonly type: string | undefined;
  constructor(name: LambdaErrorName, message: string, details: LambdaErrorDetails) {
    super(name, message);
    this.status = details.status;
    this.requestId = details.requestId;
    this.type = details.type;
  }
}

/** One of the parameters in the request is not valid (400). */
export class InvalidParameterValueException extends LambdaError {
  declare name: 'InvalidParameterValueException';
  constructor(message: string, details: LambdaErrorDetails) {
    super('InvalidParameterValueException', message, details);
  }
}

/** The layer or the layer version does not exist (404). */
export class ResourceNotFoundException extends LambdaError {
  declare name: 'ResourceNotFoundException';
  constructor(message: string, details: LambdaErrorDetails) {
    super('ResourceNotFoundException', message, details);
  }
}

/** The request throughput limit was exceeded (429). */
export class TooManyRequestsException extends LambdaError {
  declare name: 'TooManyRequestsException';
  /** Why AWS throttled the request, such as `CallerRateLimitExceeded`. */
  readonly reason: string | undefined;
  /** How long AWS asks to wait, from `Retry-After` (or the body's `retryAfterSeconds`). */
  readonly retryAfterSeconds: number | undefined;
  constructor(message: string, details: LambdaErrorDetails & { reason: string | undefined; retryAfterSeconds: number | undefined }) {
    super('TooManyRequestsException', message, details);
    this.reason = details.reason;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** AWS Lambda had an internal error (500). */
export class ServiceException extends LambdaError {
  declare name: 'ServiceException';
  constructor(message: string, details: LambdaErrorDetails) {
    super('ServiceException', message, details);
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The error name: `x-amzn-ErrorType` (which may carry `:<url>` after it), else the body's `__type` or `code`. */
function errorName(response: Response, body: Record<string, unknown>): string {
  const raw = text(response.headers.get('x-amzn-ErrorType')) ?? text(body.__type) ?? text(body.code) ?? 'UnknownError';
  return raw.split(':')[0]!.split('#').pop()!;
}

/** Turns an error answer into its typed error. */
export function toLambdaError(response: Response, parsedBody: unknown): LambdaError {
  const body = typeof parsedBody === 'object' && parsedBody !== null ? (parsedBody as Record<string, unknown>) : {};
  const name = errorName(response, body);
  const message = text(body.message) ?? text(body.Message) ?? `HTTP ${response.status}`;
  const details: LambdaErrorDetails = {
    status: response.status,
    requestId: response.headers.get('x-amzn-RequestId') ?? undefined,
    type: text(body.Type),
  };
  switch (name) {
    case 'InvalidParameterValueException':
      return new InvalidParameterValueException(message, details);
    case 'ResourceNotFoundException':
      return new ResourceNotFoundException(message, details);
    case 'ServiceException':
      return new ServiceException(message, details);
    case 'TooManyRequestsException': {
      const seconds = Number(response.headers.get('Retry-After') ?? body.retryAfterSeconds);
      return new TooManyRequestsException(message, {
        ...details,
        reason: text(body.Reason),
        retryAfterSeconds: Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined,
      });
    }
    default:
      return new LambdaError(name, message, details);
  }
}
