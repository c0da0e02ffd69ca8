// A team outside the monorepo: `npm pack`, install the tarball into an empty project (no
// client-runtime, no workspace), type-check a consumer with tsc, and run it against a local
// server that verifies SigV4 with AWS's own signer (@smithy/signature-v4). attw checks the types.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areTheTypesWrong, clientTarballFiles, packAndInstall, typeCheck, unpublishedFiles, type PackedProject } from '../../client-runtime/testing/pack.js';
import { successExample } from './helpers.js';

const run = promisify(execFile);
const keys = { accessKeyId: 'AKIDPACKTEST00000001', secretAccessKey: 'pack-test-secret-0001' };
const arn = 'arn:aws:lambda:us-east-1:123456789012:layer:my-layer';
const archive = Buffer.from('PK\u0003\u0004 a small layer archive');
const archiveSha256 = createHash('sha256').update(archive).digest('base64');

/** Recomputes the request's signature over the headers it says it signed. */
async function signatureMatches(req: IncomingMessage): Promise<boolean> {
  const authorization = req.headers.authorization ?? '';
  const signedNames = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const headers: Record<string, string> = {};
  for (const name of signedNames) headers[name] = String(req.headers[name] ?? '');
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const signingDate = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  const [host, port] = String(req.headers.host).split(':');
  const signer = new SignatureV4({ service: 'lambda', region: 'us-east-1', credentials: keys, sha256: Sha256, applyChecksum: false });
  const expected = await signer.sign(
    { method: req.method!, protocol: 'http:', hostname: host!, port: Number(port), path: req.url!, query: {}, headers },
    { signingDate },
  );
  return expected.headers.authorization === authorization;
}

let server: Server;
let endpoint: string;
let project: PackedProject;
const seenPaths: string[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (req.url === '/archive.zip') return void res.writeHead(200).end(archive);
    seenPaths.push(req.url!);
    if (!(await signatureMatches(req))) {
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'InvalidSignatureException', 'x-amzn-RequestId': 'req-403' });
      res.end(JSON.stringify({ message: 'The request signature we calculated does not match the signature you provided.' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-RequestId': 'req-200' });
    res.end(JSON.stringify(successExample()));
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
    expect(Object.keys(project.manifest.dependencies).sort()).toEqual(['@layerspec/client-runtime', '@layerspec/specs', 'aws4fetch', 'openapi-fetch']);
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
      `import { createLambdaClient, LambdaError, InvalidInputError, type GetLayerVersionOutput, type LambdaClient } from '@layerspec/aws-lambda';

export async function getVersion(endpoint: string, secretAccessKey: string): Promise<string> {
  const client = createLambdaClient({ region: 'us-east-1', endpoint, maxAttempts: 1, credentials: { accessKeyId: '${keys.accessKeyId}', secretAccessKey } });
  try {
    const layer: GetLayerVersionOutput = await client.getLayerVersion({ LayerName: '${arn}', VersionNumber: 1 });
    const version: number | undefined = layer.Version;
    const size: number | undefined = layer.Content?.CodeSize;
    return \`ok \${version} \${size} \${layer.LayerVersionArn}\`;
  } catch (error) {
    if (error instanceof LambdaError) return \`error \${error.name} \${error.status} \${error.requestId}\`;
    if (error instanceof InvalidInputError) return \`input \${error.field}\`;
    throw error;
  }
}

export async function listAll(client: LambdaClient): Promise<number[]> {
  const versions: number[] = [];
  for await (const page of client.paginateListLayerVersions({ LayerName: 'my-layer' }, { pageSize: 1 })) {
    for (const item of page.LayerVersions ?? []) if (item.Version !== undefined) versions.push(item.Version);
  }
  const first = await client.call('ListLayerVersions', { LayerName: 'my-layer', MaxItems: 1 });
  const next: string | undefined = first.NextMarker;
  return next === undefined ? versions : [];
}

export function badInputDoesNotCompile(client: LambdaClient) {
  // @ts-expect-error MaxItems is a number
  void client.listLayerVersions({ LayerName: 'my-layer', MaxItems: '1' });
  // @ts-expect-error an operation the spec does not have
  void client.call('DeleteLayerVersion', { LayerName: 'my-layer' });
  // @ts-expect-error VersionNumber is a number
  void client.getLayerVersion({ LayerName: 'my-layer', VersionNumber: '1' });
  // @ts-expect-error LayerName is required
  void client.getLayerVersion({ VersionNumber: 1 });
}
`,
    );
    writeFileSync(
      join(project.dir, 'download.ts'),
      `import { createLambdaClient } from '@layerspec/aws-lambda';
import { downloadLayerVersion } from '@layerspec/aws-lambda/node';

export async function download(endpoint: string, to: string): Promise<string> {
  const client = createLambdaClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const layer = { Content: { Location: endpoint + '/archive.zip', CodeSize: ${archive.length}, CodeSha256: '${archiveSha256}' } };
  const { size } = await downloadLayerVersion(client, layer, { to, allowHttp: true });
  return \`downloaded \${size}\`;
}
`,
    );
    writeFileSync(
      join(project.dir, 'main.ts'),
      `import { getVersion } from './consumer.js';\nimport { download } from './download.js';\nconst [endpoint, secret, to] = (globalThis as any).process.argv.slice(2);\nconsole.log(to ? await download(endpoint, to) : await getVersion(endpoint, secret));\n`,
    );
    typeCheck(project.dir);
    const good = await run(process.execPath, [join(project.dir, 'out/main.js'), endpoint, keys.secretAccessKey], { cwd: project.dir });
    const example = successExample();
    expect(good.stdout.trim()).toBe(`ok ${example.Version} ${example.Content.CodeSize} ${example.LayerVersionArn}`);
    const wrong = await run(process.execPath, [join(project.dir, 'out/main.js'), endpoint, 'not-the-secret-000000'], { cwd: project.dir });
    expect(wrong.stdout.trim()).toBe('error InvalidSignatureException 403 req-403');
    // The /node entry from the tarball writes a verified archive.
    const to = join(project.dir, 'layer.zip');
    const downloaded = await run(process.execPath, [join(project.dir, 'out/main.js'), endpoint, '', to], { cwd: project.dir });
    expect(downloaded.stdout.trim()).toBe(`downloaded ${archive.length}`);
    expect(readFileSync(to)).toEqual(archive);
    // The ARN travelled as one percent-encoded path segment.
    expect(seenPaths[0]).toBe(`/2018-10-31/layers/${encodeURIComponent(arn)}/versions/1`);
  }, 60_000);

  it('passes @arethetypeswrong/cli (ESM-only profile)', () => {
    // attw exits non-zero (and areTheTypesWrong throws) on any problem the profile counts.
    const report = areTheTypesWrong(project.tarball);
    expect(report).toMatch(/node16 \(from ESM\): OK/);
    expect(report).toMatch(/bundler: OK/);
  }, 60_000);
});
