// Verified layer downloads end to end: each client gets an answer from a mock that serves a real
// archive at its Location, downloads it, checks size and SHA-256, and writes it to disk through
// the /node entry; a tampered archive is refused and leaves no file behind.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrityError, createLambdaClient } from '@layerspec/aws-lambda';
import { downloadLayerVersion as downloadLambdaLayer } from '@layerspec/aws-lambda/node';
import { IntegrityError as ScfIntegrityError, createScfClient } from '@layerspec/tencent-scf';
import { downloadLayerVersion as downloadScfLayer } from '@layerspec/tencent-scf/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerArchive } from '../src/archive/index.js';
import { type RunningMock, defaultTestCredentials, startMock } from '../src/index.js';

let aws: RunningMock;
let tencent: RunningMock;
const archive = layerArchive();
const outDir = mkdtempSync(join(tmpdir(), 'layerspec-download-'));

beforeAll(async () => {
  [aws, tencent] = await Promise.all([
    startMock({ provider: 'aws-lambda', verifySignatures: true, serveArchive: true }),
    startMock({ provider: 'tencent-scf', verifySignatures: true, serveArchive: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([aws.close(), tencent.close()]);
});

describe('@layerspec/aws-lambda downloads from the AWS Lambda mock', () => {
  const client = () => createLambdaClient({ region: 'us-east-1', endpoint: aws.url, credentials: defaultTestCredentials['aws-lambda'] });

  it('resolves to the verified archive bytes and writes them to a file', async () => {
    const output = await client().getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 });
    expect(output.Content?.Location?.startsWith(aws.url)).toBe(true);
    const bytes = await client().downloadLayerVersion(output, { allowHttp: true });
    expect(Buffer.from(bytes).equals(Buffer.from(archive.bytes))).toBe(true);
    const to = join(outDir, 'aws.zip');
    await downloadLambdaLayer(client(), output, { to, allowHttp: true });
    expect(readFileSync(to).equals(Buffer.from(archive.bytes))).toBe(true);
  });

  it('refuses an archive whose hash does not match and leaves no file', async () => {
    const output = await client().getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 });
    const tampered = { ...output, Content: { ...output.Content, CodeSha256: Buffer.alloc(32).toString('base64') } };
    const to = join(outDir, 'aws-tampered.zip');
    await expect(downloadLambdaLayer(client(), tampered, { to, allowHttp: true })).rejects.toBeInstanceOf(IntegrityError);
    expect(existsSync(to)).toBe(false);
  });
});

describe('@layerspec/tencent-scf downloads from the Tencent SCF mock', () => {
  const client = () => createScfClient({ endpoint: tencent.url, credentials: defaultTestCredentials['tencent-scf'] });

  it('resolves to the verified archive bytes and writes them to a file', async () => {
    const output = await client().getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 });
    expect(output.Location.startsWith(tencent.url)).toBe(true);
    const bytes = await client().downloadLayerVersion(output, { allowHttp: true });
    expect(Buffer.from(bytes).equals(Buffer.from(archive.bytes))).toBe(true);
    const to = join(outDir, 'tencent.zip');
    await downloadScfLayer(client(), output, { to, allowHttp: true });
    expect(readFileSync(to).equals(Buffer.from(archive.bytes))).toBe(true);
  });

  it('refuses an archive whose hash does not match and leaves no file', async () => {
    const output = await client().getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 });
    const tampered = { ...output, CodeSha256: '0'.repeat(64) };
    const to = join(outDir, 'tencent-tampered.zip');
    await expect(downloadScfLayer(client(), tampered, { to, allowHttp: true })).rejects.toBeInstanceOf(ScfIntegrityError);
    expect(existsSync(to)).toBe(false);
  });
});
