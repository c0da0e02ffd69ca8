// Verified layer downloads. The bytes at Location must match the hex CodeSha256
// (Web Crypto; Tencent gives no size); the /node entry writes through a temporary file and a rename,
// so on any mismatch or error no file is left behind.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntegrityError, InvalidInputError, InvalidResponseError, createScfClient, type GetLayerVersionOutput } from '../src/index.js';
import { downloadLayerVersion } from '../src/node.js';
import { credentials, successExample } from './helpers.js';

const archive = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256));
const sha256 = createHash('sha256').update(archive).digest('hex');
let server: Server;
let base: string;
const seen: Array<{ url: string; authorization: string | undefined }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url!, authorization: req.headers.authorization });
    if (req.url === '/missing') return void res.writeHead(404).end('no');
    if (req.url === '/drop') return req.socket.destroy();
    res.writeHead(200, { 'content-type': 'application/zip' });
    res.end(req.url === '/tampered' ? archive.map((b, i) => (i === 100 ? b ^ 1 : b)) : archive);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const client = createScfClient({ region: 'ap-guangzhou', credentials, maxAttempts: 2, retry: { baseDelayMs: 1 } });
const answer = (path: string, changes: Partial<GetLayerVersionOutput> = {}): GetLayerVersionOutput => ({
  ...successExample().Response,
  Location: `${base}${path}`,
  CodeSha256: sha256,
  ...changes,
});

describe('downloadLayerVersion (any runtime)', () => {
  it('hands back the verified bytes, without sending our signature to the archive host', async () => {
    const bytes = await client.downloadLayerVersion(answer('/layer.zip'), { allowHttp: true });
    expect(bytes).toEqual(archive);
    expect(seen.at(-1)).toEqual({ url: '/layer.zip', authorization: undefined });
  });

  it('accepts the hex digest in upper case too', async () => {
    await expect(client.downloadLayerVersion(answer('/layer.zip', { CodeSha256: sha256.toUpperCase() }), { allowHttp: true })).resolves.toEqual(archive);
  });

  it('rejects bytes whose SHA-256 differs with IntegrityError', async () => {
    const error = await client.downloadLayerVersion(answer('/tampered'), { allowHttp: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toMatchObject({ check: 'sha256', expected: sha256 });
  });

  it('accepts only https: unless the caller allows http:', async () => {
    const error = await client.downloadLayerVersion(answer('/layer.zip')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field: 'Location' });
    for (const location of ['file:///etc/passwd', 'ftp://example.org/x.zip', 'not a url']) {
      const bad = await client.downloadLayerVersion(answer('', { Location: location }), { allowHttp: true }).catch((e: unknown) => e);
      expect(bad).toMatchObject({ name: 'InvalidInputError', field: 'Location' });
    }
  });

  it('refuses to hand back bytes it cannot verify', async () => {
    const error = await client.downloadLayerVersion(answer('/layer.zip', { CodeSha256: undefined as never }), { allowHttp: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InvalidInputError', field: 'CodeSha256' });
  });

  it('reports a failed download with its status, and retries dropped connections', async () => {
    await expect(client.downloadLayerVersion(answer('/missing'), { allowHttp: true })).rejects.toBeInstanceOf(InvalidResponseError);
    const before = seen.length;
    await expect(client.downloadLayerVersion(answer('/drop'), { allowHttp: true })).rejects.toMatchObject({ name: 'NetworkError' });
    expect(seen.length - before).toBe(2);
  });
});

describe('downloadLayerVersion from /node (writes a file)', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'layerspec-download-'));

  it('writes the verified archive to `to`', async () => {
    const dir = folder();
    const to = join(dir, 'layer.zip');
    await expect(downloadLayerVersion(client, answer('/layer.zip'), { to, allowHttp: true })).resolves.toEqual({ path: to, size: archive.length });
    expect(new Uint8Array(readFileSync(to))).toEqual(archive);
    expect(readdirSync(dir)).toEqual(['layer.zip']);
  });

  for (const [what, path, content] of [
    ['a SHA-256 mismatch', '/tampered', {}],
    ['an HTTP error', '/missing', {}],
    ['a dropped connection', '/drop', {}],
  ] as const) {
    it(`leaves no file behind on ${what}, and keeps a file already there`, async () => {
      const dir = folder();
      await expect(downloadLayerVersion(client, answer(path, content), { to: join(dir, 'new.zip'), allowHttp: true })).rejects.toBeInstanceOf(Error);
      expect(readdirSync(dir)).toEqual([]);
      writeFileSync(join(dir, 'old.zip'), 'previous version');
      await expect(downloadLayerVersion(client, answer(path, content), { to: join(dir, 'old.zip'), allowHttp: true })).rejects.toBeInstanceOf(Error);
      expect(readdirSync(dir)).toEqual(['old.zip']);
      expect(readFileSync(join(dir, 'old.zip'), 'utf8')).toBe('previous version');
    });
  }
});
