// The rules that derive model facts the specs do not state yet (scripts/interim-facts.mjs).
import { describe, expect, it } from 'vitest';
import { dateShape, digestEncoding, errorKind, isRetryable } from '../scripts/interim-facts.mjs';

describe('errorKind', () => {
  it.each([
    [{ code: 'InvalidParameterValueException', status: 400 }, 'invalid-input'],
    [{ code: 'AccessDeniedException', status: 403 }, 'auth'],
    [{ code: 'ResourceNotFoundException', status: 404 }, 'not-found'],
    [{ code: 'TooManyRequestsException', status: 429 }, 'throttled'],
    [{ code: 'ServiceException', status: 500 }, 'service'],
    [{ code: 'ResourceNotFound.LayerVersion', status: 200, concept: 'not-found' }, 'not-found'],
    [{ code: 'UnauthorizedOperation.CAM', status: 200, concept: 'unauthorized' }, 'auth'],
    [{ code: 'AuthFailure.TokenFailure', status: 200 }, 'auth'],
    [{ code: 'RequestLimitExceeded.UinLimitExceeded', status: 200 }, 'throttled'],
    [{ code: 'ServiceUnavailable', status: 200 }, 'service'],
    [{ code: 'UnsupportedRegion', status: 200 }, 'invalid-input'],
  ])('%o is %s', (error, kind) => {
    expect(errorKind(error)).toBe(kind);
  });
});

describe('isRetryable', () => {
  it('retries throttling, 5xx answers and the InternalError family, nothing else', () => {
    expect(isRetryable({ code: 'TooManyRequestsException', status: 429, kind: 'throttled' })).toBe(true);
    expect(isRetryable({ code: 'ServiceException', status: 500, kind: 'service' })).toBe(true);
    expect(isRetryable({ code: 'InternalError.System', status: 200, kind: 'service' })).toBe(true);
    expect(isRetryable({ code: 'FailedOperation', status: 200, kind: 'service' })).toBe(false);
    expect(isRetryable({ code: 'ResourceNotFoundException', status: 404, kind: 'not-found' })).toBe(false);
  });
});

describe('digestEncoding', () => {
  it('tells base64 from hex by what the pattern accepts', () => {
    expect(digestEncoding('^[A-Za-z0-9+/]{43}=$')).toEqual({ digest: 'sha256', as: 'base64' });
    expect(digestEncoding('^[0-9a-f]{64}$')).toEqual({ digest: 'sha256', as: 'hex' });
    expect(digestEncoding('^.*$')).toBeUndefined();
    expect(digestEncoding(undefined)).toBeUndefined();
  });
});

describe('dateShape', () => {
  it('names the one shape a date pattern accepts', () => {
    expect(dateShape('^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000$')).toBe('YYYY-MM-DDThh:mm:ss.sss+0000');
    expect(dateShape('^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$')).toBe('YYYY-MM-DD hh:mm:ss');
    expect(dateShape('^.*$')).toBeUndefined();
  });
});
