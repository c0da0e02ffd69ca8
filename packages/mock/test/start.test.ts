// tools/start.mjs (the root `npm start` after the build): both mocks on the ports it is given,
// their URLs printed, a clean stop on SIGINT. The docs part is left out here, because the docs
// package is not a build dependency of this one and may not be built when these tests run.
import { models } from '@layerspec/specs/model';
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
      const aws = new RegExp(`${models['aws-lambda'].provider.name} mock\\s+(\\S+)`).exec(stdout)![1]!;
      const tencent = new RegExp(`${models['tencent-scf'].provider.name} mock\\s+(\\S+)`).exec(stdout)![1]!;
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

  it('prints usage and exits 2 on an unknown flag', async () => {
    const child = spawn(process.execPath, [START, '--aws-prot', '5010'], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(2);
    expect(stderr).toContain("Unknown option '--aws-prot'");
    expect(stderr).toContain('--aws-port');
  });

  it('names the default ports the mock and docs packages define in its help', async () => {
    const { DEFAULT_PORTS } = await import('../src/ports.js');
    const { DEFAULT_PORT: docsPort } = await import('../../docs/src/server.js');
    const child = spawn(process.execPath, [START, '--help'], { stdio: 'pipe' });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    expect(stdout).toContain(`--aws-port <port>      ${models['aws-lambda'].provider.name} mock (default ${DEFAULT_PORTS['aws-lambda']}; LAYERSPEC_AWS_PORT)`);
    expect(stdout).toContain(`--tencent-port <port>  ${models['tencent-scf'].provider.name} mock (default ${DEFAULT_PORTS['tencent-scf']}; LAYERSPEC_TENCENT_PORT)`);
    expect(stdout).toContain(`--docs-port <port>     docs (default ${docsPort}; LAYERSPEC_DOCS_PORT)`);
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
      expect(stderr).toContain(`port ${taken} is taken`);
      expect(stderr).toContain(`--tencent-port <port>`);
      expect(stderr).toContain('LAYERSPEC_TENCENT_PORT');
    } finally {
      blocker.close();
    }
  });
});
