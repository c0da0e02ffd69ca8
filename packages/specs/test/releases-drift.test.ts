// The committed releases of each API: CHANGELOG.md is what the renderer writes from
// releases/index.json, and every release's snapshot is there and is a bundled OpenAPI document.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readApis, repoRoot } from '../../../tools/apis.mjs';
import { renderChangelog } from '../../../tools/spec-release/changelog.mjs';
import { readReleaseIndex } from '../../../tools/spec-diff/releases.mjs';
import { releasePaths } from '../../../tools/spec-release/release.mjs';

describe.each(Object.entries(readApis()))('releases of %s', (api, { root }) => {
  const paths = releasePaths(root);
  const index = readReleaseIndex(paths.index, api);

  it('has at least one release, revisions in increasing order', () => {
    expect(index.releases.length).toBeGreaterThan(0);
    const revisions = index.releases.map((release) => release.revision.split('.').map(Number));
    for (let i = 1; i < revisions.length; i++) {
      const [a, b] = [revisions[i - 1]!, revisions[i]!];
      const order = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
      expect(order, `${index.releases[i]!.revision} after ${index.releases[i - 1]!.revision}`).toBeLessThan(0);
    }
  });

  it('CHANGELOG.md is what the renderer writes from releases/index.json (run `npm run release:specs` to regenerate)', () => {
    expect(readFileSync(paths.changelog, 'utf8')).toBe(renderChangelog(index, relative(repoRoot, paths.index)));
  });

  it('every release has its snapshot, a bundled OpenAPI document with openapi and info', () => {
    for (const release of index.releases) {
      const file = `${paths.dir}/${release.file}`;
      expect(existsSync(file), file).toBe(true);
      const doc = JSON.parse(readFileSync(file, 'utf8'));
      expect(doc.openapi, file).toMatch(/^3\./);
      expect(doc.info, file).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    }
  });
});
