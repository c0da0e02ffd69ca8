// tools/start.mjs (the root `npm start` after the build): both mocks on the ports it is given,
// their URLs printed, a clean stop on SIGINT. The docs part is left out here, because the docs
// package is not a build dependency of this one and may not be built when these tests run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AWS_HEADERS, TENCENT_HEADERS } from './spec-examples.js';

const START = fileURLToPath(new URL('../../../tools/start.mjs', import.meta.url));

describe('tools/start.mjs', () => {
  it('serves both mocks, prints their URLs and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [START, '--aws-port', '0', '--tencent-port', '0', '--no-docs'], { stdio: 'pipe' });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      while (!stdout.includes('Ctrl-C')) {
        if (child.exitCode !== null) throw new Error(`start.mjs exited early: ${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const aws = /AWS Lambda mock\s+(\S+)/.exec(stdout)![1]!;
      const tencent = /Tencent SCF mock\s+(\S+)/.exec(stdout)![1]!;
      const awsAnswer = await fetch(`${aws}/2018-10-31/layers/my-layer/versions/1`, { headers: AWS_HEADERS });
      expect(awsAnswer.status).toBe(200);
      const tencentAnswer = await fetch(tencent, { method: 'POST', headers: TENCENT_HEADERS, body: '{"LayerName":"layer3","LayerVersion":1}' });
      expect((await tencentAnswer.json()).Response.Status).toBe('Active');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses a port that is not a number, naming the variable', async () => {
    const child = spawn(process.execPath, [START, '--no-docs'], { stdio: 'pipe', env: { ...process.env, LAYERSPEC_TENCENT_PORT: 'abc' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(2);
    expect(stderr).toContain('LAYERSPEC_TENCENT_PORT must be a port number');
  });
});

describe('tools/start.mjs when a port is taken', () => {
  it('stops the mock that did start and exits 1, naming the problem', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = String((blocker.address() as { port: number }).port);
    try {
      const child = spawn(process.execPath, [START, '--aws-port', '0', '--tencent-port', taken, '--no-docs'], { stdio: 'pipe' });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(1);
      expect(stderr).toContain('a mock did not start');
      expect(stderr).toContain('EADDRINUSE');
    } finally {
      blocker.close();
    }
  });
});
