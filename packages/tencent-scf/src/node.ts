// The Node entry point (`@layerspec/tencent-scf/node`): writes a verified layer archive to
// disk. Kept out of the main entry, which must run wherever fetch runs.
import { writeFileAtomically } from '@layerspec/client-runtime/node';
import type { DownloadOptions, GetLayerVersionOutput, ScfClient } from './client.js';

export interface DownloadToOptions extends DownloadOptions {
  /** The file to write. It appears only once the archive is complete and verified. */
  to: string;
}

/**
 * Downloads and verifies the archive of a GetLayerVersion answer, then writes it to `to` through
 * a temporary file and a rename: on any mismatch or error no file is left behind (and a file
 * already at `to` is kept).
 */
export async function downloadLayerVersion(
  client: ScfClient,
  output: GetLayerVersionOutput,
  options: DownloadToOptions,
): Promise<{ path: string; size: number }> {
  if (typeof options?.to !== 'string' || options.to === '') throw new TypeError('to must be a file path');
  const bytes = await client.downloadLayerVersion(output, options);
  await writeFileAtomically(options.to, bytes);
  return { path: options.to, size: bytes.length };
}
