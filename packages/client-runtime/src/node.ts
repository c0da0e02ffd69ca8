// Node-only helpers (a separate entry, so the main one stays runnable wherever fetch runs).
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InvalidInputError } from './errors.js';
import type { DownloadOptions } from './options.js';

/**
 * Writes `bytes` to `to` through a temporary file in the same folder and a rename, so readers
 * see either the old file or the complete new one, and a failure leaves nothing behind.
 */
export async function writeFileAtomically(to: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(to), `.${basename(to)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, to);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export interface DownloadToOptions extends DownloadOptions {
  /** The file to write. It appears only once the archive is complete and verified. */
  to: string;
}

/**
 * Downloads and verifies the archive of a GetLayerVersion answer with the client, then writes it
 * to `to` through a temporary file and a rename: on any mismatch or error no file is left behind
 * (and a file already at `to` is kept).
 */
export async function downloadToFile<Output>(
  client: { downloadLayerVersion(output: Output, options?: DownloadOptions): Promise<Uint8Array> },
  output: Output,
  options: DownloadToOptions,
): Promise<{ path: string; size: number }> {
  if (typeof options?.to !== 'string' || options.to === '') throw new InvalidInputError('to', 'must be a file path');
  const bytes = await client.downloadLayerVersion(output, options);
  await writeFileAtomically(options.to, bytes);
  return { path: options.to, size: bytes.length };
}
