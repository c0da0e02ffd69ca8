// Node-only helpers (a separate entry, so the main one stays runnable wherever fetch runs).
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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
