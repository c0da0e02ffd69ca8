// startDocsServer serves the built folder on 127.0.0.1, on a free port in tests.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocsServer } from '../src/server.js';
import { rawRequest } from './raw-http.js';

describe('startDocsServer', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'layerspec-docs-site-'));
    outside = mkdtempSync(join(tmpdir(), 'layerspec-docs-outside-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>portal</title>');
    writeFileSync(join(root, 'spec.yaml'), 'openapi: 3.1.0\n');
    writeFileSync(join(root, 'archive.layerzip'), 'not a known type');
    writeFileSync(join(outside, 'secret.txt'), 'outside the root\n');
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

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
      // A broken percent-encoding or a NUL is a path no file has, not a crash.
      for (const odd of ['%E0%A4%A', 'a%00b', '.hidden']) {
        const response = await fetch(`${server.url}${odd}`);
        await response.text();
        expect(response.status, odd).toBe(404);
      }
      expect((await fetch(server.url)).status).toBe(200);
    } finally {
      await server.close();
    }
    await expect(fetch(server.url)).rejects.toThrow();
  });

  /** A throwaway site with index.html, set up by `plant`; removed afterwards. */
  async function withSite(plant: (site: string) => void, check: (url: string) => Promise<void>) {
    const site = mkdtempSync(join(tmpdir(), 'layerspec-docs-links-'));
    try {
      writeFileSync(join(site, 'index.html'), '<!doctype html><title>portal</title>');
      plant(site);
      const server = await startDocsServer({ port: 0, root: site });
      try {
        await check(server.url);
      } finally {
        await server.close();
      }
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }

  it('does not follow a symlink out of the root', async () => {
    await withSite(
      (site) => {
        symlinkSync(join(outside, 'secret.txt'), join(site, 'planted.txt'));
        symlinkSync(outside, join(site, 'planted-dir'));
      },
      async (url) => {
        for (const path of ['planted.txt', 'planted-dir/secret.txt', `%2e%2e%2f${encodeURIComponent(join(outside, 'secret.txt').slice(1))}`]) {
          const response = await fetch(`${url}${path}`);
          const body = await response.text();
          expect(body, path).not.toContain('outside the root');
          expect(response.status, path).toBe(404);
        }
      },
    );
  });

  it('starts despite a dangling symlink, and answers 404 for it and for a folder', async () => {
    await withSite(
      (site) => {
        symlinkSync(join(site, 'gone.html'), join(site, 'dangling.html'));
        mkdirSync(join(site, 'specs'));
      },
      async (url) => {
        for (const path of ['dangling.html', 'specs', 'specs/']) {
          const response = await fetch(`${url}${path}`);
          await response.text();
          expect(response.status, path).toBe(404);
        }
        expect((await fetch(url)).status).toBe(200);
      },
    );
  });

  it('answers only GET and HEAD; other methods get 405 with Allow', async () => {
    const server = await startDocsServer({ port: 0, root });
    try {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const response = await fetch(server.url, { method, body: method === 'POST' || method === 'PUT' ? 'x' : undefined });
        await response.text();
        expect(response.status, method).toBe(405);
        expect(response.headers.get('allow'), method).toBe('GET, HEAD');
      }
      const head = await fetch(server.url, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toContain('text/html');
      await expect(head.text()).resolves.toBe('');
    } finally {
      await server.close();
    }
  });

  it('sends application/octet-stream for a file of unknown type, and the security headers on every answer', async () => {
    const server = await startDocsServer({ port: 0, root });
    try {
      const unknown = await fetch(new URL('archive.layerzip', server.url));
      expect(unknown.status).toBe(200);
      expect(unknown.headers.get('content-type')).toBe('application/octet-stream');
      await unknown.text();
      for (const [path, method] of [
        ['', 'GET'],
        ['spec.yaml', 'GET'],
        ['nope.html', 'GET'],
        ['', 'POST'],
      ] as const) {
        const response = await fetch(new URL(path, server.url), { method });
        await response.text();
        expect(response.headers.get('x-content-type-options'), `${method} /${path}`).toBe('nosniff');
        expect(response.headers.get('referrer-policy'), `${method} /${path}`).toBe('no-referrer');
        expect(response.headers.get('content-security-policy'), `${method} /${path}`).toContain("default-src 'none'");
      }
    } finally {
      await server.close();
    }
  });

  it('lets a page run only the inline scripts it was built with', async () => {
    const script = 'document.title = "İ ran";';
    await withSite(
      (site) => {
        writeFileSync(join(site, 'page.html'), `<!doctype html><title>t</title><style>p{}</style><SCRIPT>${script}</SCRIPT><script src="x.js"></script>`);
        writeFileSync(join(site, 'styled.html'), `<!doctype html><title>t</title><style data-styled="true">p{}</style><script>${script}</script>`);
      },
      async (url) => {
        const hash = createHash('sha256').update(script).digest('base64');
        const page = await fetch(`${url}page.html`);
        await page.text();
        expect(page.headers.get('content-security-policy')).toContain(`script-src 'sha256-${hash}';`);
        const portal = await fetch(url);
        await portal.text();
        expect(portal.headers.get('content-security-policy')).toContain("script-src 'none'");
        // A page keeps only the styles it was built with, scripts or not (the portal's search
        // adds none); one rendered with styled-components, as Redoc's are, creates more as it runs.
        const styleHash = createHash('sha256').update('p{}').digest('base64');
        expect(page.headers.get('content-security-policy')).toContain(`style-src 'sha256-${styleHash}';`);
        expect(portal.headers.get('content-security-policy')).toContain("style-src 'none'");
        const styled = await fetch(`${url}styled.html`);
        await styled.text();
        expect(styled.headers.get('content-security-policy')).toContain("style-src 'unsafe-inline'");
      },
    );
  });

  it('answers only a Host that names the server as it is bound, on every path, so a rebound DNS name reads nothing', async () => {
    const server = await startDocsServer({ port: 0, root, mocks: { 'aws-lambda': 'http://127.0.0.1:9' } });
    try {
      const port = Number(new URL(server.url).port);
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`]) {
        const answer = await rawRequest(server.url, { host });
        expect(answer.status, host).toBe(200);
        expect(answer.body, host).toContain('portal');
      }
      const refused = [
        `evil.test:${port}`,
        'evil.test',
        '127.0.0.1',
        `127.0.0.1:${port + 1}`,
        `127.0.0.1.evil.test:${port}`,
        `localhost.:${port}`,
        `evil@127.0.0.1:${port}`,
        '',
        null,
      ];
      const requests = [
        ['GET', '/'],
        ['GET', '/spec.yaml'],
        ['HEAD', '/spec.yaml'],
        ['GET', '/nope.html'],
        ['POST', '/'],
        ['GET', '/mock/'],
        ['POST', '/mock/aws-lambda/x'],
      ];
      for (const host of refused) {
        for (const [method, path] of requests) {
          const label = `${method} ${path} with Host ${JSON.stringify(host)}`;
          const answer = await rawRequest(server.url, { method, path, host });
          expect(answer.status, label).toBe(421);
          expect(answer.headers['content-type'], label).toBe('text/plain; charset=utf-8');
          expect(answer.headers['x-content-type-options'], label).toBe('nosniff');
          if (method !== 'HEAD') {
            expect(answer.body, label).toContain(`127.0.0.1:${port}, localhost:${port}, [::1]:${port}`);
            expect(answer.body, label).not.toContain('openapi');
            expect(answer.body, label).not.toContain('portal');
          }
        }
      }
    } finally {
      await server.close();
    }
  });

  it('also answers the Host it was told to bind', async () => {
    const server = await startDocsServer({ host: '127.0.0.2', port: 0, root });
    try {
      const port = Number(new URL(server.url).port);
      expect(server.url).toBe(`http://127.0.0.2:${port}/`);
      expect((await rawRequest(server.url, { host: `127.0.0.2:${port}` })).status).toBe(200);
      expect((await fetch(server.url)).status).toBe(200);
      const refused = await rawRequest(server.url, { host: `evil.test:${port}` });
      expect(refused.status).toBe(421);
      expect(refused.body).toContain(`127.0.0.2:${port}`);
    } finally {
      await server.close();
    }
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
