// A small, real layer archive for the mocks to serve at the Location of their answers, so a
// client's verified download runs end to end. Built in memory and the same
// bytes on every run: uncompressed ("stored") ZIP entries with a fixed timestamp.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { OperationModel } from '@layerspec/specs/model';

export interface ArchiveEntry {
  name: string;
  content: string;
}

export interface LayerArchive {
  bytes: Uint8Array;
  /** What AWS calls CodeSize. */
  size: number;
  /** SHA-256 as Tencent writes CodeSha256: 64 lower-case hex characters. */
  sha256Hex: string;
  /** SHA-256 as AWS writes CodeSha256: base64, 44 characters. */
  sha256Base64: string;
}

/** Where a mock serves its archive; the answers' Location points here. */
export const ARCHIVE_PATH = '/__layerspec/layer.zip';

const ENTRIES: ArchiveEntry[] = [
  { name: 'python/layerspec_example.py', content: 'GREETING = "hello from a layerspec mock layer"\n' },
  { name: 'nodejs/node_modules/layerspec-example/index.js', content: "export const greeting = 'hello from a layerspec mock layer';\n" },
];

// 1980-01-01 00:00:00, the earliest MS-DOS date: a fixed stamp keeps the bytes reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Builds a ZIP of stored entries (APPNOTE 6.3.x: local headers, central directory, end record). */
export function buildZip(entries: ArchiveEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header signature
    local.writeUInt16LE(10, 4); // version needed: 1.0
    local.writeUInt16LE(0x0800, 6); // flags: names are UTF-8
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); // compressed size
    local.writeUInt32LE(data.length, 22); // uncompressed size
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); // central directory header signature
    central.writeUInt16LE(0x031e, 4); // made by: Unix, 3.0
    central.writeUInt16LE(10, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42); // where the local header starts
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory signature
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

let cached: LayerArchive | undefined;

/** The archive every mock serves, with the size and digests its answers must state. */
export function layerArchive(): LayerArchive {
  if (!cached) {
    const bytes = buildZip(ENTRIES);
    const digest = createHash('sha256').update(bytes).digest();
    cached = { bytes, size: bytes.length, sha256Hex: digest.toString('hex'), sha256Base64: digest.toString('base64') };
  }
  return cached;
}

/** Whether a request asks for the archive (GET or HEAD of ARCHIVE_PATH, any query). */
export function isArchiveRequest(method: string, url: string): boolean {
  const path = url.split('?')[0];
  return path === ARCHIVE_PATH && (method === 'GET' || method === 'HEAD');
}

/** The download fields of an operation's success answer: where each sits in the body, and its concept. */
function downloadFields(operation: OperationModel) {
  return operation.outputs
    .filter((output) => output.in === 'body' && ['download-location', 'archive-sha256', 'archive-size'].includes(output.concept ?? ''))
    .map((output) => ({ path: [...operation.result, ...output.path], concept: output.concept, encoding: output.encoding }));
}

/**
 * A success body whose download fields, as the spec names them by concept, describe the served
 * archive: the download location on the mock (`baseUrl` + ARCHIVE_PATH), the archive's real size
 * and its SHA-256 written as the spec's encoding says. Error bodies and bodies without a
 * download location come back unchanged; the input is not modified.
 */
export function withServedArchive<T>(operation: OperationModel, body: T, baseUrl: string): T {
  const archive = layerArchive();
  const values: Record<string, unknown> = {
    'download-location': `${baseUrl.replace(/\/$/, '')}${ARCHIVE_PATH}`,
    'archive-size': archive.size,
  };
  // biome-ignore lint/suspicious/noExplicitAny: the body is walked along the model's paths, each step checked to be an object.
  const copy = structuredClone(body) as any;
  const fields = downloadFields(operation);
  const location = fields.find((field) => field.concept === 'download-location');
  const parentOf = (path: string[]) => path.slice(0, -1).reduce((at, key) => (at && typeof at === 'object' ? at[key] : undefined), copy);
  const locationParent = location && parentOf(location.path);
  if (!locationParent || typeof locationParent !== 'object' || !(location.path.at(-1)! in locationParent)) return copy as T;
  for (const field of fields) {
    const parent = parentOf(field.path);
    if (!parent || typeof parent !== 'object') continue;
    const value = field.concept === 'archive-sha256' ? (field.encoding?.as === 'hex' ? archive.sha256Hex : archive.sha256Base64) : values[field.concept!];
    parent[field.path.at(-1)!] = value;
  }
  return copy as T;
}
