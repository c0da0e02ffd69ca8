// tools/quiet-env.mjs: the variables tools/turbo.mjs gives every task. They must pass turbo's
// strict environment mode, and the AWS SDK's Node.js notice must be silenced by them.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs tool without types
import { QUIET_ENV } from '../../../tools/quiet-env.mjs';

const run = promisify(execFile);
const quietEnv = QUIET_ENV as Record<string, string>;

/** Starts a process that builds an AWS SDK Lambda client, the moment the SDK checks the Node.js version. */
async function sdkStderr(env: Record<string, string | undefined>) {
  const script = "const { LambdaClient } = require('@aws-sdk/client-lambda'); new LambdaClient({ region: 'us-east-1' });";
  const { stderr } = await run(process.execPath, ['-e', script], { cwd: import.meta.dirname, env: env as NodeJS.ProcessEnv });
  return stderr;
}

describe('tools/quiet-env.mjs', () => {
  it('lists only variables that turbo.json passes through to tasks', () => {
    const turbo = JSON.parse(readFileSync(new URL('../../../turbo.json', import.meta.url), 'utf8'));
    expect(turbo.globalPassThroughEnv).toEqual(expect.arrayContaining(Object.keys(quietEnv)));
  });

  it('silences the AWS SDK notice that it will need a newer Node.js', async () => {
    const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _, ...loud } = process.env;
    const major = Number(process.versions.node.split('.')[0]);
    // The control: on a Node.js the SDK warns about, the notice shows without the variable.
    if (major < 22) expect(await sdkStderr(loud)).toContain('NodeVersionSupportWarning');
    expect(await sdkStderr({ ...loud, ...quietEnv })).not.toContain('NodeVersionSupportWarning');
  });
});
