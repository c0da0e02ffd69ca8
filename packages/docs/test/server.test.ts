// startDocsServer serves the built folder on 127.0.0.1, on a free port in tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocsServer } from '../src/server.js';

describe('startDocsServer', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'layerspec-docs-site-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>portal</title>');
    writeFileSync(join(root, 'spec.yaml'), 'openapi: 3.1.0\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves the folder on 127.0.0.1 and answers 404 for what is not there', async () => {
    const server = await startDocsServer({ port: 0, root });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const index = await fetch(server.url);
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toContain('text/html');
      await expect(index.text()).resolves.toContain('portal');
      const yaml = await fetch(new URL('spec.yaml', server.url));
      expect(yaml.status).toBe(200);
      await expect(yaml.text()).resolves.toBe('openapi: 3.1.0\n');
      const missing = await fetch(new URL('nope.html', server.url));
      expect(missing.status).toBe(404);
      await missing.text();
    } finally {
      await server.close();
    }
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('says to build first when the folder holds no docs', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'layerspec-docs-empty-'));
    try {
      await expect(startDocsServer({ port: 0, root: empty })).rejects.toThrow(/npm run docs/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('rejects a port that is not a port, and a port that is taken', async () => {
    await expect(startDocsServer({ port: 70000, root })).rejects.toThrow(/port must be an integer from 0 to 65535/);
    const first = await startDocsServer({ port: 0, root });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startDocsServer({ port, root })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
