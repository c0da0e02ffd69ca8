// The size budget of a client (bytes, not time): its entry of .size-limit.json, measured by
// size-limit (the program creates a client and calls getLayerVersion once; bundled, minified,
// gzipped, lazily loaded code included). The limit lives only in .size-limit.json.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { measurePackage, statedSizes } from './bundle-size.mjs';

export function describeSizeBudget(name: string): void {
  describe('bundle size', () => {
    it('stays within its .size-limit.json budget', async () => {
      const { size, sizeLimit } = await measurePackage(name);
      expect(size).toBeGreaterThan(3000); // the measurement really bundled openapi-fetch and the signer
      expect(sizeLimit).toBeGreaterThan(0); // a budget is set, not left out
      expect(size).toBeLessThanOrEqual(sizeLimit);
    }, 60_000);

    it('is what the READMEs state, within rounding to the KB', async () => {
      const { size } = await measurePackage(name);
      const stated: number[] = await statedSizes(name);
      expect(stated).toHaveLength(2); // the package README and the root README's package table
      for (const kb of stated) expect(Math.abs(kb * 1024 - size)).toBeLessThanOrEqual(512);
    }, 60_000);
  });
}
