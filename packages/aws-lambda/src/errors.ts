// The errors of GetLayerVersion as typed classes, for `instanceof`: the documented ones that
// callers branch on. The core reads every error answer where the model says (the error name
// within `x-amzn-ErrorType`, the message, the request ID, and each detail by its concept) and
// gives it its neutral kind and retryability.
import { ApiError, type ErrorFacts } from '@layerspec/client-runtime/errors';
import type { ErrorAnswer as Answer } from '@layerspec/client-runtime/core';
import { text } from '@layerspec/client-runtime/reading';
import type { errorKinds } from './generated/errors.js';

/** An error name the spec documents, or any other name AWS may send. */
export type LambdaErrorName = keyof typeof errorKinds | 'UnknownError' | (string & {});

export interface LambdaErrorFacts extends ErrorFacts {
  /** `User` for a client error, `Service` for a server error, when AWS says so. */
  type?: string | undefined;
}

/** Any error answer of AWS Lambda; undocumented error names arrive as this class with that name. */
export class LambdaError extends ApiError {
  declare name: LambdaErrorName;
  declare readonly status: number;
  readonly type: string | undefined;
  constructor(name: LambdaErrorName, message: string, facts: LambdaErrorFacts) {
    super(name, message, facts);
    this.type = facts.type;
  }
}

/** One of the parameters in the request is not valid (400). */
export class InvalidParameterValueException extends LambdaError {
  declare name: 'InvalidParameterValueException';
}

/** The layer or the layer version does not exist (404). */
export class ResourceNotFoundException extends LambdaError {
  declare name: 'ResourceNotFoundException';
}

/** AWS Lambda had an internal error (500). */
export class ServiceException extends LambdaError {
  declare name: 'ServiceException';
}

/** The request throughput limit was exceeded (429). */
export class TooManyRequestsException extends LambdaError {
  declare name: 'TooManyRequestsException';
  /** Why AWS throttled the request, such as `CallerRateLimitExceeded`. */
  readonly reason: string | undefined;
  /** How long AWS asks to wait, in seconds: the first of the places the spec gives (`Retry-After`, the body's `retryAfterSeconds`). */
  readonly retryAfterSeconds: number | undefined;
  constructor(name: LambdaErrorName, message: string, facts: LambdaErrorFacts & { reason?: string | undefined; retryAfterSeconds?: number | undefined }) {
    super(name, message, facts);
    this.reason = facts.reason;
    this.retryAfterSeconds = facts.retryAfterSeconds;
  }
}

// The classes by the error name they stand for; the names are the model's (checked by the type).
const classes: Partial<Record<keyof typeof errorKinds, typeof LambdaError>> = {
  InvalidParameterValueException,
  ResourceNotFoundException,
  ServiceException,
  TooManyRequestsException,
};

/** Makes the typed error of an error answer; its details are where the model says, by concept. */
export function toError(answer: Answer): LambdaError {
  const name = answer.code ?? 'UnknownError';
  const wait = answer.details['retry-after'];
  const seconds = typeof wait === 'string' || typeof wait === 'number' ? Number(wait) : NaN;
  const facts = {
    ...answer,
    code: name,
    type: text(answer.details['error-origin']),
    reason: text(answer.details['throttle-reason']),
    retryAfterSeconds: Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined,
  };
  const known = Object.hasOwn(classes, name) ? classes[name as keyof typeof errorKinds] : undefined;
  return new (known ?? LambdaError)(name, answer.message ?? `HTTP ${answer.status}`, facts);
}

/** What the client core calls on an error answer. */
export const errors = { toError };
