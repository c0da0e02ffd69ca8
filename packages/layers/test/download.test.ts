// downloadLayerVersion through the real clients against a node:http server on 127.0.0.1 (a free
// port) serving an archive: it is verified with the hash and size the LayerVersion carries, in
// the provider's own encoding, and a mismatch keeps the client's IntegrityError as cause.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLambdaClient, IntegrityError } from '@layerspec/aws-lambda';
import type { models } from '@layerspec/specs/model';
import { createScfClient } from '@layerspec/tencent-scf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLayersClient, type LayerVersion, LayersError, type Provider, toLayerVersion } from '../src/index.js';
import { getOperation } from './helpers.js';

const archive = new TextEncoder().encode('PK\u0003\u0004 a layer archive');
const digest = createHash('sha256').update(archive).digest();
const other = createHash('sha256').update('another archive').digest();
let server: Server;
let location: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    response.writeHead(200, { 'content-type': 'application/zip', 'content-length': archive.length }).end(archive);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  location = `http://127.0.0.1:${(server.address() as AddressInfo).port}/layer.zip`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const layers = () =>
  createLayersClient({
    'aws-lambda': createLambdaClient({ region: 'us-west-2', credentials: { accessKeyId: 'AKIDTESTKEY0000001', secretAccessKey: 'secret' }, maxAttempts: 1 }),
    'tencent-scf': createScfClient({ region: 'ap-guangzhou', credentials: { secretId: 'AKIDTESTKEY0000001', secretKey: 'secret' }, maxAttempts: 1 }),
  });

/** A success example of the provider's spec, as its client returns it. */
function example(provider: keyof typeof models) {
  const found = getOperation(provider).scenarios.find((s) => s.outcome === 'success');
  if (found === undefined) throw new Error(`the ${provider} spec has no success example`);
  return found.value as Record<string, unknown>;
}
// The spec's example, its archive moved to the local server.
const aws = (sha256: Buffer, size: number) =>
  toLayerVersion('aws-lambda', { ...example('aws-lambda'), Content: { Location: location, CodeSha256: sha256.toString('base64'), CodeSize: size } });
const tencent = (sha256: Buffer) => {
  const { Response } = example('tencent-scf') as { Response: Record<string, unknown> };
  return toLayerVersion('tencent-scf', { ...Response, Location: location, CodeSha256: sha256.toString('hex') });
};

async function failure(promise: Promise<unknown>): Promise<LayersError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LayersError);
  return error as LayersError;
}

describe('downloadLayerVersion', () => {
  it('downloads an AWS layer, verified with its base64 SHA-256 and its size', async () => {
    const bytes = await layers().downloadLayerVersion(aws(digest, archive.length), { allowHttp: true });
    expect(Buffer.from(bytes).equals(Buffer.from(archive))).toBe(true);
  });

  it('downloads a Tencent layer, verified with its hex SHA-256 (it gives no size)', async () => {
    const bytes = await layers().downloadLayerVersion(tencent(digest), { allowHttp: true });
    expect(Buffer.from(bytes).equals(Buffer.from(archive))).toBe(true);
  });

  it('verifies with the LayerVersion archive fields, whatever its raw answer says', async () => {
    const layer: LayerVersion<Provider, unknown> = {
      ...aws(other, 1),
      archive: { location, size: archive.length, sha256: { hex: digest.toString('hex'), base64: digest.toString('base64') } },
    };
    const bytes = await layers().downloadLayerVersion(layer, { allowHttp: true });
    expect(bytes.length).toBe(archive.length);
  });

  for (const [provider, layer] of [
    ['aws-lambda', () => aws(other, archive.length)],
    ['tencent-scf', () => tencent(other)],
  ] as const) {
    it(`rejects a ${provider} archive whose SHA-256 differs with the IntegrityError as cause, kind invalid-response`, async () => {
      const error = await failure(layers().downloadLayerVersion(layer(), { allowHttp: true }));
      expect(error).toMatchObject({ provider, kind: 'invalid-response' });
      expect(error.cause).toBeInstanceOf(IntegrityError);
      expect(error.cause).toMatchObject({ check: 'sha256', actual: provider === 'aws-lambda' ? digest.toString('base64') : digest.toString('hex') });
    });
  }

  it('rejects an AWS archive whose size differs from CodeSize', async () => {
    const error = await failure(layers().downloadLayerVersion(aws(digest, archive.length + 1), { allowHttp: true }));
    expect(error.kind).toBe('invalid-response');
    expect(error.cause).toMatchObject({ check: 'size', expected: String(archive.length + 1) });
  });

  it('refuses an http: location unless allowHttp is set, as invalid-input', async () => {
    const error = await failure(layers().downloadLayerVersion(aws(digest, archive.length)));
    expect(error.kind).toBe('invalid-input');
  });

  it('refuses a size beyond 2^53 as invalid-input rather than downloading unbounded', async () => {
    const layer: LayerVersion<Provider, unknown> = { ...aws(digest, 1), archive: { ...aws(digest, 1).archive, size: 2n ** 60n } };
    const error = await failure(layers().downloadLayerVersion(layer, { allowHttp: true }));
    expect(error.kind).toBe('invalid-input');
  });

  it('is a TypeError for a provider without a client', async () => {
    const only = createLayersClient({});
    await expect(only.downloadLayerVersion(tencent(digest))).rejects.toThrow(TypeError);
  });
});
