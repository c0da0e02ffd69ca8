// API 3.0 reports every error inside `{"Response": {"Error": {...}}}`, with HTTP 200; the core
// reads it where the model says and gives it its neutral kind and retryability.
import type { ErrorAnswer } from '@layerspec/client-runtime/core';
import { ApiError, InvalidResponseError } from '@layerspec/client-runtime/errors';
import type { components } from './generated/tencent-scf.js';

/** A code the spec documents (this action's and the common ones), or any code Tencent adds later. */
export type TencentErrorCode = components['schemas']['ActionErrorCode'] | components['schemas']['CommonErrorCode'] | (string & {});

/** An error answer of Tencent Cloud; `code` says which. */
export class TencentCloudError extends ApiError {
  declare name: 'TencentCloudError';
  declare readonly code: TencentErrorCode;
}

/** Makes the typed error of an error answer; any status but 2xx is not API 3.0 at all. */
export function toError(answer: ErrorAnswer): ApiError | InvalidResponseError {
  if (answer.status < 200 || answer.status > 299) {
    return new InvalidResponseError(`API 3.0 answers with HTTP 200, but this answer is HTTP ${answer.status}`, answer.status, answer.requestId);
  }
  return new TencentCloudError('TencentCloudError', answer.message ?? '', { ...answer, code: answer.code ?? 'UnknownError' });
}

/** What the client core calls on an error answer. */
export const errors = { toError };
