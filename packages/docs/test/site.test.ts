// The built site as a static host publishes it: a copy built with a base URL, served under a
// sub-path by a plain file server written here (like GitHub Pages under /<repo>/), crawled from
// the portal through every href and src of every page, the downloads and the sitemap.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { models } from '@layerspec/specs/model';
import { relativeRedocLinks, renderSitemap } from '../src/site.js';
import { launchBrowser } from './browser.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const PREFIX = '/some/prefix/';

/** Serves `root` under PREFIX only; a missing file gets 404.html with status 404, as static hosts do. */
function serveUnderPrefix(root: string): Server {
  return createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.startsWith(PREFIX) ? normalize(join(root, path.slice(PREFIX.length) || 'index.html')) : undefined;
    if (file && (file === root || file.startsWith(root + sep)) && existsSync(file) && statSync(file).isFile()) {
      response.writeHead(200).end(readFileSync(file));
      return;
    }
    const notFound = join(root, '404.html');
    response.writeHead(404, { 'content-type': 'text/html' }).end(existsSync(notFound) ? readFileSync(notFound) : 'no 404.html');
  });
}

/** The href and src values of a page's markup; the text of scripts and styles is code, not links. */
function linksOf(page: string): string[] {
  const markup = page.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  return [...markup.matchAll(/\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((m) => m[1] ?? m[2] ?? '');
}

let out = '';
let server: Server | undefined;
let base = '';

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'layerspec-site-')), 'site');
  server = serveUnderPrefix(out);
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
  execFileSync(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: packageDir, env: { ...process.env, LAYERSPEC_DOCS_BASE_URL: base }, stdio: 'pipe' });
});

afterAll(async () => {
  await new Promise((done) => server?.close(done));
  if (out) rmSync(join(out, '..'), { recursive: true, force: true });
});

describe('the built site under a sub-path', () => {
  it('has no broken and no absolute-rooted link, from the portal through every page, download and sitemap entry', async () => {
    const seen = new Set<string>();
    // From the portal, and from the 404 page, which no page links to.
    const queue = [base, `${base}404.html`];
    const broken: string[] = [];
    const rooted: string[] = [];
    const missingTargets: string[] = [];
    const pages = new Map<string, string>();
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await fetch(url);
      const body = await response.text();
      if (response.status !== 200) {
        broken.push(`${url} (${response.status})`);
        continue;
      }
      if (!url.endsWith('.html') && !url.endsWith('/')) continue;
      pages.set(url, body);
      for (const link of linksOf(body)) {
        if (link.startsWith('/')) rooted.push(`${url}: ${link}`);
        if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('#/') || link === '') continue;
        const target = new URL(link, url);
        if (!target.href.startsWith(base)) {
          rooted.push(`${url}: ${link} leaves ${PREFIX}`);
          continue;
        }
        const hash = decodeURIComponent(target.hash.slice(1));
        target.hash = '';
        if (hash && !hash.startsWith('/')) missingTargets.push(`${target.href}#${hash}`);
        queue.push(target.href);
      }
    }
    // Every #id a link names exists on its page (Redoc's #/ routes are its router's, not ids).
    const unresolved = missingTargets.filter((link) => {
      const [page, id] = link.split('#') as [string, string];
      const text = pages.get(page) ?? pages.get(page.replace(/index\.html$/, '')) ?? '';
      return !text.includes(`id="${id.replace(/&/g, '&amp;')}"`);
    });
    expect(broken).toEqual([]);
    expect(rooted).toEqual([]);
    expect(unresolved).toEqual([]);
    const reached = [...seen].map((url) => url.slice(base.length));
    for (const file of ['index.html', 'layers.html', 'aws-lambda.html', 'tencent-scf.html', 'specs/aws-lambda.json', 'specs/tencent-scf.yaml']) {
      expect(reached).toContain(file);
    }
    // The sitemap: absolute URLs under the base, each answering 200.
    const sitemap = await (await fetch(`${base}sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toContain(base);
    expect(locs).toContain(`${base}layers.html`);
    for (const loc of locs) {
      expect(loc.startsWith(base), loc).toBe(true);
      expect((await fetch(loc)).status, loc).toBe(200);
    }
  });

  it('answers a missing page with the 404 page, whose links lead back into the site', async () => {
    const response = await fetch(`${base}no-such-page.html`);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toContain('Not found');
    for (const link of linksOf(body)) {
      expect(link.startsWith('/'), link).toBe(false);
      expect((await fetch(new URL(link, base))).status, link).toBe(200);
    }
  });
});

describe('the site under a sub-path in Chromium', () => {
  it('renders the portal, a reference page and the 404 page, and asks for nothing outside the sub-path', async () => {
    const browser = await launchBrowser();
    try {
      const requested: string[] = [];
      const { page, offHost } = await browser.open('about:blank');
      page.on('request', (request) => void requested.push(request.url()));
      await page.goto(base);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('layerspec');
      // The card's link to the API's last operation opens it on the reference page.
      const operation = Object.values(models['aws-lambda'].operations).at(-1)!;
      await page.locator(`.card[data-api="aws-lambda"] li[data-operation="${operation.id}"] a`).click();
      await page.locator('h1, h2', { hasText: operation.summary }).first().waitFor();
      expect(page.url().startsWith(`${base}aws-lambda.html#/`)).toBe(true);
      await page.goto(`${base}no-such-page.html`);
      await page.getByRole('link', { name: 'Go to the portal' }).click();
      await page.getByRole('heading', { level: 1, name: 'layerspec' }).waitFor();
      expect(page.url()).toBe(`${base}index.html`);
      expect(requested.filter((url) => !url.startsWith(base) && !/^(data|about|blob):/.test(url))).toEqual([]);
      expect(offHost).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('publishing helpers', () => {
  it('writes a sitemap only from an absolute http(s) base URL', () => {
    expect(renderSitemap('https://example.org/docs', ['index.html', 'layers.html'])).toContain('<loc>https://example.org/docs/layers.html</loc>');
    expect(() => renderSitemap('docs/', ['index.html'])).toThrow(/LAYERSPEC_DOCS_BASE_URL must be an absolute http\(s\) URL/);
    expect(() => renderSitemap('file:///tmp/docs/', ['index.html'])).toThrow(/LAYERSPEC_DOCS_BASE_URL must be an http\(s\) URL/);
  });

  it("turns Redoc's rooted menu links into its hash routes and leaves script text alone", () => {
    const page = '<a class="x" href="/">Overview</a><a href="/layers">Layers</a><a href="//cdn">c</a><script>x = \'<a href="/y">\'</script>';
    expect(relativeRedocLinks(page)).toBe('<a class="x" href="#/">Overview</a><a href="#/layers">Layers</a><a href="//cdn">c</a><script>x = \'<a href="/y">\'</script>');
  });
});
