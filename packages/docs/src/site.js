// @ts-check
// What makes dist/ publishable from any static host under any sub-path: only relative links, a
// 404 page, and a sitemap when the site's public address is known (the sitemap protocol wants
// absolute URLs, and a guessed host would be a wrong one, so without a base URL none is written).
import { html, raw, renderHtml } from './html.js';

/** The environment variable naming the published address of dist/, e.g. https://example.org/docs/. */
export const BASE_URL_ENV = 'LAYERSPEC_DOCS_BASE_URL';

/**
 * Redoc's server-rendered menu links to its routes as `href="/"` and `href="/<tag>"`: from a
 * sub-path (or without scripts) they leave the site. In the page they are its hash routes, so the
 * markup says so; Redoc's own script text is left alone.
 * @param {string} page
 */
export function relativeRedocLinks(page) {
  return page
    .split(/(<script\b[^>]*>[\s\S]*?<\/script>)/i)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(<a\b[^>]*\shref=")\/(?!\/)/g, '$1#/')))
    .join('');
}

/**
 * The sitemap of the pages, under a base URL that must be absolute http(s).
 * @param {string} baseUrl @param {string[]} pages file names relative to dist/
 */
export function renderSitemap(baseUrl, pages) {
  let base;
  try {
    base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch {
    throw new Error(`${BASE_URL_ENV} must be an absolute http(s) URL such as https://example.org/docs/, got ${JSON.stringify(baseUrl)}`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error(`${BASE_URL_ENV} must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  const escapeXml = (/** @type {string} */ text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const urls = pages.map((page) => `  <url><loc>${escapeXml(new URL(page === 'index.html' ? '' : page, base).href)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/**
 * The page a static host shows for a missing path. Its links are relative to where the host
 * keeps it, dist/'s root: right for a missing page at the top (the docs have no folders of pages).
 * @param {{ bar: string, themeCss: string, css: string }} input
 */
export function renderNotFound({ bar, themeCss, css }) {
  return renderHtml(html`<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Not found: layerspec docs</title>
  <style>${raw(themeCss)}${raw(css)}</style>
</head>
<body>
  ${raw(bar)}
  <main>
    <h1>Not found</h1>
    <p>There is no such page in the layerspec docs. <a href="index.html">Go to the portal</a>.</p>
  </main>
</body>
</html>
`);
}
