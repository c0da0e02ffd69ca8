// One mock per provider for a test file: started before its tests, closed after them.
import { afterAll, beforeAll } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';

export function useBothMocks(): { readonly aws: RunningMock; readonly tencent: RunningMock } {
  const mocks = {} as { aws: RunningMock; tencent: RunningMock };
  beforeAll(async () => {
    [mocks.aws, mocks.tencent] = await Promise.all([startMock({ provider: 'aws-lambda' }), startMock({ provider: 'tencent-scf' })]);
  });
  afterAll(async () => {
    await Promise.all([mocks.aws?.close(), mocks.tencent?.close()]);
  });
  return mocks;
}
