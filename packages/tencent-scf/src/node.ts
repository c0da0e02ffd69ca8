// The Node entry point (`@layerspec/tencent-scf/node`): writes a verified layer archive to
// disk. Kept out of the main entry, which must run wherever fetch runs.
import { downloadToFile, type DownloadToOptions } from '@layerspec/client-runtime/node';
import type { GetLayerVersionOutput, ScfClient } from './client.js';

export type { DownloadToOptions } from '@layerspec/client-runtime/node';

/**
 * Downloads and verifies the archive of a GetLayerVersion answer, then writes it to `to` through
 * a temporary file and a rename: on any mismatch or error no file is left behind (and a file
 * already at `to` is kept).
 */
export function downloadLayerVersion(
  client: ScfClient,
  output: GetLayerVersionOutput,
  options: DownloadToOptions,
): Promise<{ path: string; size: number }> {
  return downloadToFile(client, output, options);
}
