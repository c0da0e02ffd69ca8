// The layerspec-mock command, as installed: the built dist/cli.js in a child process.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/cli-main.js';
import { listScenarioNames } from '../src/index.js';
import { AWS_HEADERS } from './spec-examples.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: 'pipe' });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = async (pattern: RegExp) => {
    while (!pattern.test(stdout)) {
      if (child.exitCode !== null) throw new Error(`layerspec-mock exited early: ${stdout}${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return pattern.exec(stdout)!;
  };
  return { child, exited, output, stdout: () => stdout, stderr: () => stderr };
}

describe('parseCliArgs', () => {
  it('starts both providers by default on 127.0.0.1', () => {
    const args = parseCliArgs([]);
    expect(args.providers).toEqual(['aws-lambda', 'tencent-scf']);
    expect(args.host).toBe('127.0.0.1');
    expect(args.port).toBeUndefined();
  });

  it.each([
    [['--provider', 'gcp'], /--provider must be one of aws-lambda, tencent-scf/],
    [['--port', '4010'], /--port needs --provider/],
    [['--provider', 'aws-lambda', '--port', 'eighty'], /--port must be a port number/],
    [['--provider', 'aws-lambda', '--port', '70000'], /--port must be a port number/],
    [['--scenario', 'python-layer'], /--scenario needs --provider/],
    [['--verbose'], /Unknown option '--verbose'/],
  ])('rejects %j', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(message);
  });
});

describe('layerspec-mock', () => {
  it('prints the URL when ready, logs one line per request and stops cleanly on SIGINT', async () => {
    const cli = run(['--provider', 'aws-lambda', '--port', '0', '--scenario', 'arm64-layer']);
    const [, url] = await cli.output(/aws-lambda mock ready at (http:\/\/127\.0\.0\.1:\d+)/);
    const response = await fetch(`${url}/2018-10-31/layers/my-layer/versions/7`, { headers: AWS_HEADERS });
    expect(response.status).toBe(200);
    expect((await response.json()).Version).toBe(7);
    await cli.output(/aws-lambda GET \/2018-10-31\/layers\/my-layer\/versions\/7 -> 200/);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it('exits with an error naming the valid scenarios when the scenario does not exist', async () => {
    const cli = run(['--provider', 'tencent-scf', '--port', '0', '--scenario', 'no-such-scenario']);
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toContain('no-such-scenario');
    for (const name of listScenarioNames('tencent-scf')) expect(cli.stderr()).toContain(name);
  });

  it('prints usage and exits 2 on a bad flag', async () => {
    const cli = run(['--port', '1234']);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toContain('Usage: layerspec-mock');
  });
});
