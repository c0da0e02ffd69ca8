// API 3.0 reports every error inside `{"Response": {"Error": {...}}}`, with HTTP 200.
import { ClientError } from '@layerspec/client-runtime/errors';
import type { components } from './generated/tencent-scf.js';

/** A code the spec documents (this action's and the common ones), or any code Tencent adds later. */
export type TencentErrorCode =
  | components['schemas']['ActionErrorCode']
  | components['schemas']['CommonErrorCode']
  | (string & {});

/** An error answer of Tencent Cloud; `code` says which. */
export class TencentCloudError extends ClientError {
  declare name: 'TencentCloudError';
  readonly code: TencentErrorCode;
  readonly requestId: string | undefined;
  constructor(code: TencentErrorCode, message: string, requestId: string | undefined) {
    super('TencentCloudError', message);
    this.code = code;
    this.requestId = requestId;
  }
}

/** Whether a code is worth another try: throttling and internal errors. */
export function isRetryableCode(code: string): boolean {
  return code === 'InternalError' || code.startsWith('InternalError.') || code.startsWith('RequestLimitExceeded');
}
