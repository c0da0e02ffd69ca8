// The size budget of the published bundle (bytes, not time): create a client and make one
// call, minified and gzipped, signing included. The AWS SDK's equivalent is about 150 KB.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { measure } from '../scripts/size.mjs';

describe('bundle size', () => {
  it('stays under 8 KiB gzipped', async () => {
    const { gzipped, lazyGzipped } = await measure();
    expect(gzipped).toBeGreaterThan(3000); // the measurement really bundled openapi-fetch and the signer
    expect(gzipped).toBeLessThan(8192);
    expect(lazyGzipped).toBeGreaterThan(0); // the response validator exists, as a separate chunk
  });
});
