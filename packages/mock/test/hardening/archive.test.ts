// The layer archive the mocks can serve: a real ZIP, the same bytes every time, and answers that
// describe it with the spec's own field formats.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { models } from '@layerspec/specs/model';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_PATH, buildZip, isArchiveRequest, layerArchive, withServedArchive } from '../../src/archive/index.js';
import { loadBundle, scenariosOf, schemaValidator } from './answers.js';

/** Reads a ZIP's entries from its central directory and checks each stored entry against its CRC. */
function readZip(bytes: Uint8Array): { name: string; content: string }[] {
  const zip = Buffer.from(bytes);
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    expect(zip.readUInt32LE(localAt)).toBe(0x04034b50);
    expect(zip.readUInt16LE(localAt + 8)).toBe(0); // stored
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    expect(crc32(data)).toBe(crc);
    entries.push({ name, content: data.toString('utf8') });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('the served layer archive', () => {
  it('is a ZIP whose entries read back with matching CRCs', () => {
    const entries = [
      { name: 'a.txt', content: 'alpha\n' },
      { name: 'dir/ü.txt', content: '' },
    ];
    expect(readZip(buildZip(entries))).toEqual(entries);
    const served = readZip(layerArchive().bytes);
    expect(served.map((entry) => entry.name)).toEqual(['python/layerspec_example.py', 'nodejs/node_modules/layerspec-example/index.js']);
  });

  it("is the same bytes on every build, and states its true size and SHA-256 in both providers' forms", () => {
    const archive = layerArchive();
    expect(Buffer.from(buildZip([{ name: 'x', content: 'y' }]))).toEqual(Buffer.from(buildZip([{ name: 'x', content: 'y' }])));
    const digest = createHash('sha256').update(archive.bytes).digest();
    expect(archive.size).toBe(archive.bytes.length);
    expect(archive.sha256Hex).toBe(digest.toString('hex'));
    expect(archive.sha256Base64).toBe(digest.toString('base64'));
    const awsPattern = loadBundle('aws-lambda').components.schemas.LayerVersionContentOutput.properties.CodeSha256.pattern;
    const tencentPattern = loadBundle('tencent-scf').components.schemas.GetLayerVersionResult.properties.CodeSha256.pattern;
    expect(archive.sha256Base64).toMatch(new RegExp(awsPattern));
    expect(archive.sha256Hex).toMatch(new RegExp(tencentPattern));
  });

  it('rewrites every AWS success example to point at it, still valid against the spec, and leaves errors alone', () => {
    const document = loadBundle('aws-lambda');
    const isResponse = schemaValidator(document, 'GetLayerVersionResponse');
    for (const scenario of scenariosOf(document)) {
      const before = structuredClone(scenario.value);
      const after = withServedArchive(models['aws-lambda'].operations.GetLayerVersion!, scenario.value, 'http://127.0.0.1:4010/');
      expect(scenario.value).toEqual(before); // not mutated
      if (scenario.status !== 200) {
        expect(after).toEqual(before);
        continue;
      }
      expect(after.Content).toMatchObject({ Location: `http://127.0.0.1:4010${ARCHIVE_PATH}`, CodeSha256: layerArchive().sha256Base64, CodeSize: layerArchive().size });
      expect({ ...after, Content: undefined }).toEqual({ ...before, Content: undefined });
      expect(isResponse(after)).toBe(true);
    }
  });

  it('rewrites every Tencent success example to point at it, still valid against the spec, and leaves errors alone', () => {
    const document = loadBundle('tencent-scf');
    const isResult = schemaValidator(document, 'GetLayerVersionResult');
    for (const scenario of scenariosOf(document)) {
      const before = structuredClone(scenario.value);
      const after = withServedArchive(models['tencent-scf'].operations.GetLayerVersion!, scenario.value, 'http://127.0.0.1:4011');
      expect(scenario.value).toEqual(before);
      if (before.Response.Error) {
        expect(after).toEqual(before);
        continue;
      }
      expect(after.Response).toMatchObject({ Location: `http://127.0.0.1:4011${ARCHIVE_PATH}`, CodeSha256: layerArchive().sha256Hex });
      expect(isResult(after.Response)).toBe(true);
    }
  });

  it('knows its own path, for GET and HEAD only', () => {
    expect(isArchiveRequest('GET', ARCHIVE_PATH)).toBe(true);
    expect(isArchiveRequest('HEAD', `${ARCHIVE_PATH}?versionId=1`)).toBe(true);
    expect(isArchiveRequest('POST', ARCHIVE_PATH)).toBe(false);
    expect(isArchiveRequest('GET', '/2018-10-31/layers/a/versions/1')).toBe(false);
  });
});
