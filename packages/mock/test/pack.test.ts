// `npm run pack` (tools/pack.mjs): one tarball per publishable package, each installed on its
// own into an empty project outside the monorepo and used there as another team would: the
// specs read by path, the mock started with `npx layerspec-mock`, each client calling that mock.
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTarball } from '../../client-runtime/testing/pack.js';
// @ts-expect-error a plain .mjs tool without types
import { packAll } from '../../../tools/pack.mjs';

const run = promisify(execFile);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const root = new URL('../../../', import.meta.url);

let packs: string;
let packed: { name: string; file: string }[];
/** Empty projects by package name, each holding that one tarball installed. */
const projects = new Map<string, string>();
const mocks: ChildProcessWithoutNullStreams[] = [];

/** Installs one tarball alone into a new empty project. */
function project(name: string): string {
  let dir = projects.get(name);
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'layerspec-pack-'));
    installTarball(dir, packed.find((p) => p.name === name)!.file, name);
    projects.set(name, dir);
  }
  return dir;
}

/** Starts the installed mock's bin with npx, as its README says, and returns its URL. */
async function startInstalledMock(provider: string): Promise<string> {
  // Its own process group, so that stopping it stops the mock that npx starts too.
  const child = spawn(npx, ['--no-install', 'layerspec-mock', '--provider', provider, '--port', '0', '--quiet'], {
    cwd: project('@layerspec/mock'),
    stdio: 'pipe',
    detached: true,
  });
  mocks.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const ready = new RegExp(`${provider} mock ready at (http://127\\.0\\.0\\.1:\\d+)`);
  while (!ready.test(output)) {
    if (child.exitCode !== null) throw new Error(`the installed layerspec-mock exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return ready.exec(output)![1]!;
}

beforeAll(() => {
  packs = mkdtempSync(join(tmpdir(), 'layerspec-packs-'));
  packed = packAll(packs);
}, 300_000);

afterAll(async () => {
  await Promise.all(
    mocks.map(async (child) => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }),
  );
  for (const dir of [packs, ...projects.values()]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run pack', () => {
  it('packs every workspace package that is not private, and only those', async () => {
    const { stdout } = await run('npm', ['query', '.workspace'], { cwd: root });
    const publishable = JSON.parse(stdout)
      .filter((w: { private?: boolean }) => !w.private)
      .map((w: { name: string }) => w.name);
    expect(packed.map((p) => p.name).sort()).toEqual(publishable.sort());
    for (const { file } of packed) expect(existsSync(file)).toBe(true);
  });

  it('@layerspec/specs installs alone; the bundles are at dist/<api>.json, also exported as @layerspec/specs/<api>.json', async () => {
    const dir = project('@layerspec/specs');
    const file = join(dir, 'node_modules/@layerspec/specs/dist/aws-lambda.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).openapi).toBe('3.1.0');
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { createRequire } from 'node:module'; console.log(createRequire(import.meta.url).resolve('@layerspec/specs/aws-lambda.json'))",
      ],
      { cwd: dir },
    );
    expect(stdout.trim()).toBe(file);
  }, 300_000);

  it('@layerspec/mock installs alone, and npx layerspec-mock serves both providers', async () => {
    const aws = await startInstalledMock('aws-lambda');
    const answer = await fetch(`${aws}/2018-10-31/layers/my-layer/versions/1`, { headers: { authorization: 'x' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-amzn-requestid')).toBeTruthy();
    await startInstalledMock('tencent-scf');
  }, 300_000);

  it('@layerspec/aws-lambda and @layerspec/tencent-scf install alone and call the installed mocks', async () => {
    const aws = await startInstalledMock('aws-lambda');
    const tencent = await startInstalledMock('tencent-scf');
    const lambda = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      import { createLambdaClient } from '@layerspec/aws-lambda';
      const client = createLambdaClient({ region: 'us-east-1', endpoint: '${aws}', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
      console.log((await client.getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 })).Version);`,
      ],
      { cwd: project('@layerspec/aws-lambda') },
    );
    expect(lambda.stdout.trim()).toBe('1');
    const scf = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      import { createScfClient } from '@layerspec/tencent-scf';
      const client = createScfClient({ region: 'ap-guangzhou', endpoint: '${tencent}', credentials: { secretId: 'a', secretKey: 'b' } });
      console.log((await client.getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 })).Status);`,
      ],
      { cwd: project('@layerspec/tencent-scf') },
    );
    expect(scf.stdout.trim()).toBe('Active');
  }, 300_000);
});
