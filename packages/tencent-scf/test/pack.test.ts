// A team outside the monorepo: `npm pack`, install the tarball into an empty project (no
// client-runtime, no workspace), type-check a consumer with tsc, and run it against a local
// server that verifies TC3 with the official Node SDK's signer. attw checks the types.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areTheTypesWrong, clientTarballFiles, packAndInstall, typeCheck, unpublishedFiles, type PackedProject } from '../../client-runtime/testing/pack.js';
import { successExample } from './helpers.js';

const require = createRequire(import.meta.url);
const Sign = require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js').default;
const run = promisify(execFile);
const keys = { secretId: 'AKIDPACKTEST00000001', secretKey: 'pack-test-secret-0001' };
const archive = Buffer.from('PK\u0003\u0004 a small layer archive');
const archiveSha256 = createHash('sha256').update(archive).digest('hex');

let server: Server;
let endpoint: string;
let project: PackedProject;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/archive.zip') return void res.writeHead(200).end(archive);
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const authorization = req.headers.authorization ?? '';
      // The service is read from the credential scope, as a verifying mock does.
      const service = /Credential=[^/]+\/[^/]+\/([^/]+)\/tc3_request/.exec(authorization)?.[1];
      let expected = '';
      try {
        expected = Sign.sign3({
          method: req.method,
          url: `http://${req.headers.host}${req.url}`,
          payload: JSON.parse(body),
          timestamp: Number(req.headers['x-tc-timestamp']),
          service,
          secretId: keys.secretId,
          secretKey: keys.secretKey,
          headers: { 'Content-Type': req.headers['content-type'] },
        });
      } catch {
        // An unparseable body cannot match.
      }
      const answer =
        expected === authorization && req.headers['x-tc-action'] === 'GetLayerVersion'
          ? successExample()
          : { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' }, RequestId: 'req-auth' } };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  project = packAndInstall(resolve(import.meta.dirname, '..'));
}, 300_000);

afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

describe('the packed tarball', () => {
  it('holds the build, README, LICENSE and CHANGELOG, and no sources or tests', () => {
    expect(project.files).toEqual(expect.arrayContaining(clientTarballFiles));
    expect(unpublishedFiles(project.files)).toEqual([]);
  });

  it('depends on the published @layerspec/client-runtime (and @layerspec/specs, for the response schema) at their exact versions, which install beside it', () => {
    expect(Object.keys(project.manifest.dependencies).sort()).toEqual(['@layerspec/client-runtime', '@layerspec/specs', 'openapi-fetch']);
    const runtime = JSON.parse(readFileSync(join(project.dir, 'node_modules/@layerspec/client-runtime/package.json'), 'utf8'));
    expect(project.manifest.dependencies['@layerspec/client-runtime']).toBe(runtime.version);
    expect(runtime.private).toBeUndefined();
    expect(project.manifest.dependencies['@layerspec/specs']).toBe(
      JSON.parse(readFileSync(join(project.dir, 'node_modules/@layerspec/specs/package.json'), 'utf8')).version,
    );
  });

  it('type-checks and runs a consumer: typed data with the right secret, a signature mismatch with a wrong one', async () => {
    writeFileSync(
      join(project.dir, 'consumer.ts'),
      `import { createScfClient, TencentCloudError, type GetLayerVersionOutput, type ScfClient, type TencentErrorCode } from '@layerspec/tencent-scf';

export async function getVersion(endpoint: string, secretKey: string): Promise<string> {
  const client = createScfClient({ region: 'ap-guangzhou', endpoint, maxAttempts: 1, credentials: { secretId: '${keys.secretId}', secretKey } });
  try {
    const layer: GetLayerVersionOutput = await client.getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 });
    const status: 'Active' | 'Publishing' | 'PublishFailed' | 'Deleting' | 'DeleteFailed' | 'Deleted' = layer.Status;
    const version: number = layer.LayerVersion;
    return \`ok \${version} \${status} \${layer.RequestId}\`;
  } catch (error) {
    if (error instanceof TencentCloudError) {
      const code: TencentErrorCode = error.code;
      return \`error \${code} \${error.requestId}\`;
    }
    throw error;
  }
}

export async function listNames(client: ScfClient): Promise<string[]> {
  const list = await client.listLayerVersions({ LayerName: 'layer3', CompatibleRuntime: ['Nodejs16.13'] });
  const byId = await client.call('ListLayerVersions', { LayerName: 'layer3' });
  return [...list.LayerVersions, ...byId.LayerVersions].map((version) => version.LayerName);
}

export function badInputDoesNotCompile(client: ScfClient) {
  // @ts-expect-error CompatibleRuntime is a list
  void client.listLayerVersions({ LayerName: 'layer3', CompatibleRuntime: 'Nodejs16.13' });
  // @ts-expect-error LayerVersion is a number
  void client.getLayerVersion({ LayerName: 'layer3', LayerVersion: '1' });
  // @ts-expect-error LayerName is required
  void client.getLayerVersion({ LayerVersion: 1 });
}
`,
    );
    writeFileSync(
      join(project.dir, 'download.ts'),
      `import { createScfClient, type GetLayerVersionOutput } from '@layerspec/tencent-scf';
import { downloadLayerVersion } from '@layerspec/tencent-scf/node';

export async function download(endpoint: string, to: string, layer: GetLayerVersionOutput): Promise<string> {
  const client = createScfClient({ endpoint, credentials: { secretId: 'a', secretKey: 'b' } });
  const { size } = await downloadLayerVersion(client, { ...layer, Location: endpoint + '/archive.zip', CodeSha256: '${archiveSha256}' }, { to, allowHttp: true });
  return \`downloaded \${size}\`;
}
`,
    );
    writeFileSync(
      join(project.dir, 'main.ts'),
      `import { getVersion } from './consumer.js';\nimport { download } from './download.js';\nconst [endpoint, secret, to, layer] = (globalThis as any).process.argv.slice(2);\nconsole.log(to ? await download(endpoint, to, JSON.parse(layer)) : await getVersion(endpoint, secret));\n`,
    );
    typeCheck(project.dir);
    const good = await run(process.execPath, [join(project.dir, 'out/main.js'), endpoint, keys.secretKey], { cwd: project.dir });
    const example = successExample().Response;
    expect(good.stdout.trim()).toBe(`ok ${example.LayerVersion} ${example.Status} ${example.RequestId}`);
    const wrong = await run(process.execPath, [join(project.dir, 'out/main.js'), endpoint, 'not-the-secret-000000'], { cwd: project.dir });
    expect(wrong.stdout.trim()).toBe('error AuthFailure.SignatureFailure req-auth');
    // The /node entry from the tarball writes a verified archive.
    const to = join(project.dir, 'layer.zip');
    const downloaded = await run(process.execPath, [join(project.dir, 'out/main.js'), endpoint, '', to, JSON.stringify(example)], { cwd: project.dir });
    expect(downloaded.stdout.trim()).toBe(`downloaded ${archive.length}`);
    expect(readFileSync(to)).toEqual(archive);
  }, 60_000);

  it('passes @arethetypeswrong/cli (ESM-only profile)', () => {
    // attw exits non-zero (and areTheTypesWrong throws) on any problem the profile counts.
    const report = areTheTypesWrong(project.tarball);
    expect(report).toMatch(/node16 \(from ESM\): OK/);
    expect(report).toMatch(/bundler: OK/);
  }, 60_000);
});
