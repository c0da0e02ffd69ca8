// The README's vitest globalSetup recipe, used by this package's own tests (test/global-setup.test.ts).
import type { TestProject } from 'vitest/node';
import { startMock } from '../src/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    awsLambdaUrl: string;
    tencentScfUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const aws = await startMock({ provider: 'aws-lambda' });
  const tencent = await startMock({ provider: 'tencent-scf' });
  project.provide('awsLambdaUrl', aws.url);
  project.provide('tencentScfUrl', tencent.url);
  return async () => {
    await Promise.all([aws.close(), tencent.close()]);
  };
}
