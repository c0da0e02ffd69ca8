// The Node entry's download-to-file: a bad `to` is refused before anything is fetched, and a
// verified archive lands at `to` whole.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../src/errors.js';
import { downloadToFile } from '../src/node.js';

describe('downloadToFile', () => {
  it('refuses a missing path, naming the field, without downloading', async () => {
    let downloads = 0;
    const client = {
      downloadLayerVersion: async () => {
        downloads++;
        return new Uint8Array([1]);
      },
    };
    const failure = await downloadToFile(client, {}, { to: '' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect(failure).toMatchObject({ field: 'to' });
    expect(downloads).toBe(0);
  });

  it('writes the verified bytes to the path and says how many', async () => {
    const to = join(mkdtempSync(join(tmpdir(), 'layerspec-node-')), 'layer.zip');
    const client = { downloadLayerVersion: async () => new Uint8Array([80, 75, 3, 4]) };
    await expect(downloadToFile(client, {}, { to })).resolves.toEqual({ path: to, size: 4 });
    expect([...readFileSync(to)]).toEqual([80, 75, 3, 4]);
  });
});
