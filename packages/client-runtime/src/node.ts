// Node-only helpers (a separate entry, so the main one stays runnable wherever fetch runs).
import { randomBytes } from 'node:crypto';
import { lstat, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InvalidInputError } from './errors.js';
import type { DownloadOptions } from './options.js';

/**
 * Checks that `to` may be replaced by a downloaded archive: a path without NUL, in an existing
 * folder, naming a regular file or nothing (never a device, FIFO, socket, folder or symbolic
 * link, which a rename would replace). Resolves to the mode of the file already there, if any.
 */
export async function checkTarget(to: unknown): Promise<number | undefined> {
  if (typeof to !== 'string' || to === '') throw new InvalidInputError('to', 'must be a file path');
  if (to.includes('\0')) throw new InvalidInputError('to', 'must not contain a NUL character');
  const folder = await stat(dirname(to)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new InvalidInputError('to', 'must be in an existing folder');
  const existing = await lstat(to).catch(() => undefined);
  if (existing && !existing.isFile()) throw new InvalidInputError('to', 'must be a regular file or not exist yet');
  return existing && existing.mode & 0o7777;
}

/**
 * Writes `bytes` to `to` through a temporary file in the same folder and a rename, so readers
 * see either the old file or the complete new one, and a failure leaves nothing behind. A file
 * already at `to` keeps its mode.
 */
export async function writeFileAtomically(to: string, bytes: Uint8Array): Promise<void> {
  const mode = await checkTarget(to);
  const temporary = join(dirname(to), `.${basename(to)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // A new file gets the usual 0666 less the umask; one already there keeps its mode.
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(bytes);
      if (mode !== undefined) await file.chmod(mode);
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
  /** The file to write: a regular file or nothing yet, in an existing folder. It appears only once the archive is complete and verified. */
  to: string;
}

/**
 * Downloads and verifies the archive of a GetLayerVersion answer with the client, then writes it
 * to `to` through a temporary file and a rename: on any mismatch or error no file is left behind
 * (and a file already at `to` is kept). `to` is checked before anything is sent.
 */
export async function downloadToFile<Output>(
  client: { downloadLayerVersion(output: Output, options?: DownloadOptions): Promise<Uint8Array> },
  output: Output,
  options: DownloadToOptions,
): Promise<{ path: string; size: number }> {
  await checkTarget(options?.to);
  const bytes = await client.downloadLayerVersion(output, options);
  await writeFileAtomically(options.to, bytes);
  return { path: options.to, size: bytes.length };
}
