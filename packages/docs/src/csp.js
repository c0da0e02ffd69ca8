// @ts-check
// The Content-Security-Policy the docs server sends. A page may run only the inline scripts and
// styles it was built with: their SHA-256 hashes are read from the file itself, so a rebuilt
// page gets a matching policy and anything injected later does not run.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** For everything that is not a page (specs, images, 404 text): nothing may load or run. */
export const DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A page that calls its own origin (the console) carries this tag and gets connect-src 'self'. */
export const CONNECT_SELF_TAG = '<meta name="layerspec-connect" content="self">';

/** @param {string} text */
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The source text of each inline element of a tag: what the browser hashes. A script's text ends
 * at the first `</script` (HTML's rule), so a plain search finds it.
 * @param {string} page @param {'script' | 'style'} tag
 */
export function inlineBlocks(page, tag) {
  const blocks = [];
  const open = new RegExp(`<${tag}\\b([^>]*)>`, 'gi');
  // Case-insensitive search in place: lower-casing the page first can change its length.
  const close = new RegExp(`</${tag}`, 'gi');
  for (let match = open.exec(page); match; match = open.exec(page)) {
    if (/\bsrc\s*=/i.test(match[1] ?? '')) continue;
    const start = match.index + match[0].length;
    close.lastIndex = start;
    const end = close.exec(page)?.index;
    if (end === undefined) break;
    blocks.push(page.slice(start, end));
    open.lastIndex = end;
  }
  return blocks;
}

/**
 * The policy of one HTML page: only what the pages were seen to need in Chromium.
 * - script-src: the hashes of the page's own inline scripts (Redoc is inlined by --inlineBundle),
 *   nothing else; the portal runs only its search.
 * - style-src: a page without style attributes or styled-components styles (the portal, whose
 *   search adds no style) gets the hashes of its <style> blocks. A Redoc page (its server-rendered
 *   `<style data-styled>`) gets 'unsafe-inline': its styled-components creates <style>
 *   elements while the page runs, whose text no hash can name in advance, and its markup has
 *   style attributes; a nonce would mean rewriting every page on every answer. Styles cannot
 *   run code, so scripts stay hash-only.
 * - connect-src 'self' only on a page with CONNECT_SELF_TAG (the console, which calls /mock/).
 * - img-src and font-src data:: Redoc's inline logo and icon font.
 * @param {string} page the HTML text
 */
export function pagePolicy(page) {
  const scripts = [...new Set(inlineBlocks(page, 'script').map(sha256))];
  const styles = [...new Set(inlineBlocks(page, 'style').map(sha256))];
  const staticStyles = !/<style\b[^>]*\sdata-styled\b/i.test(page) && !/<[^>]+\sstyle\s*=/i.test(page);
  return [
    "default-src 'none'",
    `script-src ${scripts.length > 0 ? scripts.join(' ') : "'none'"}`,
    `style-src ${staticStyles ? (styles.length > 0 ? styles.join(' ') : "'none'") : "'unsafe-inline'"}`,
    ...(page.includes(CONNECT_SELF_TAG) ? ["connect-src 'self'"] : []),
    'img-src data:',
    'font-src data:',
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** @type {Map<string, { key: string, policy: string }>} */
const cache = new Map();

/**
 * The policy of the page at `path`, computed once per version of the file.
 * @param {string} path @param {import('node:fs').Stats} stats
 */
export async function contentSecurityPolicy(path, stats) {
  const key = `${stats.size}-${stats.mtimeMs}`;
  const known = cache.get(path);
  if (known?.key === key) return known.policy;
  const policy = pagePolicy(await readFile(path, 'utf8'));
  cache.set(path, { key, policy });
  return policy;
}
