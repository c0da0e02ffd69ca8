// The layerspec-mock command, as installed: the committed bin/layerspec-mock.js, which loads the
// built dist/cli.js, in a child process.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/cli-main.js';
import { listScenarioNames } from '../src/index.js';
import { AWS_HEADERS } from './spec-examples.js';

const CLI = fileURLToPath(new URL('../bin/layerspec-mock.js', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[], cli = CLI) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: 'pipe' });
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
    [['--journal-limit', '0'], /--journal-limit must be a whole number from 1, got "0"/],
    [['--journal-limit', 'lots'], /--journal-limit must be a whole number from 1/],
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

  it('serves a fixture file, prints its control API and keeps as many requests as told', async () => {
    const fixtures = fileURLToPath(new URL('./fixtures/layers.yaml', import.meta.url));
    const cli = run(['--provider', 'aws-lambda', '--port', '0', '--fixtures', fixtures, '--journal-limit', '1']);
    const [, url] = await cli.output(/aws-lambda mock ready at (http:\/\/127\.0\.0\.1:\d+)/);
    const [, control] = await cli.output(/aws-lambda control API at (http:\/\/127\.0\.0\.1:\d+\/__layerspec\/)\n/);
    expect((await fetch(`${url}/2018-10-31/layers/shared-deps/versions/3`, { headers: AWS_HEADERS })).status).toBe(200);
    expect((await fetch(`${url}/2018-10-31/layers/shared-deps/versions/4`, { headers: AWS_HEADERS })).status).toBe(404);
    const journal = await (await fetch(`${control}requests`)).json();
    expect(journal.map((entry: { sequence: number }) => entry.sequence)).toEqual([2]);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it('bound beyond loopback, prints the control token and a warning, and the control API asks for the token', async () => {
    // Bound to every interface for a moment; the test calls it on 127.0.0.1 only.
    const cli = run(['--provider', 'aws-lambda', '--port', '0', '--host', '0.0.0.0', '--quiet']);
    const [, port] = await cli.output(/aws-lambda mock ready at http:\/\/0\.0\.0\.0:(\d+)/);
    const [, token] = await cli.output(/aws-lambda control API at \S+ \(token ([0-9a-f]{32})\)\n/);
    await cli.output(/warning: listening on 0\.0\.0\.0, so other machines can reach these mocks; each control API asks for its token/);
    const control = `http://127.0.0.1:${port}/__layerspec/requests`;
    expect((await fetch(control)).status).toBe(401);
    expect((await fetch(control, { headers: { 'x-layerspec-control-token': token! } })).status).toBe(200);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it('exits with an error naming the file, the entry and the rule when a fixture breaks the spec', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerspec-cli-fixtures-'));
    try {
      const file = join(dir, 'layers.yaml');
      writeFileSync(file, 'layers:\n  - { name: bad name, version: 1 }\n');
      const cli = run(['--provider', 'aws-lambda', '--port', '0', '--fixtures', file]);
      expect(await cli.exited).toBe(1);
      expect(cli.stderr()).toContain(`${file}: layers[0] (bad name version 1): for aws-lambda: `);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

describe('the layerspec-mock bin', () => {
  it('is the committed file that package.json names, so npm links it before any build', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest.bin).toEqual({ 'layerspec-mock': './bin/layerspec-mock.js' });
    expect(manifest.files).toContain('bin');
    // npm ci links bins from the lockfile's copy of the manifest, so it must agree.
    const lock = JSON.parse(readFileSync(new URL('../../../package-lock.json', import.meta.url), 'utf8'));
    expect(lock.packages['packages/mock'].bin).toEqual({ 'layerspec-mock': 'bin/layerspec-mock.js' });
  });

  it('says to run the build when the built code is missing', async () => {
    // A copy of the package with no dist/, as in a fresh clone before `npm run build`.
    const dir = mkdtempSync(join(tmpdir(), 'layerspec-mock-unbuilt-'));
    try {
      mkdirSync(join(dir, 'bin'));
      copyFileSync(new URL('../package.json', import.meta.url), join(dir, 'package.json'));
      copyFileSync(CLI, join(dir, 'bin/layerspec-mock.js'));
      const cli = run(['--provider', 'aws-lambda', '--port', '0'], join(dir, 'bin/layerspec-mock.js'));
      expect(await cli.exited).toBe(1);
      expect(cli.stderr()).toContain('run `npm run build`');
      // One clear line, no stack trace.
      expect(cli.stderr()).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
