// @ts-check
// Runs `redocly build-docs --inlineBundle` on a document and makes the page fetch nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const redocly = resolve(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

// Redoc 3 shows a "docs by Redocly" logo that it loads from cdn.redoc.ly; the page must fetch
// nothing, so the logo becomes an inline image with the same words.
const REDOCLY_LOGOS = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];
const INLINE_LOGO = `data:image/svg+xml,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' width='56' height='16'><text x='0' y='12' font-family='system-ui,sans-serif' font-size='12' font-weight='600' fill='#85868f'>Redocly</text></svg>",
)}`;

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/**
 * A copy of the document whose int64 bounds Redoc prints exactly. JSON numbers reach JavaScript
 * as doubles, so 2^63 − 1 arrives as 2^63 and Redoc would print 9223372036854776000; an int64
 * cannot hold 2^63, so that double can only mean 2^63 − 1. Redoc writes a bound with a template
 * string, so the exact digits go in as text. Only the page's copy changes; the bundle is untouched.
 * @param {any} doc
 */
export function withExactInt64Bounds(doc) {
  return JSON.parse(JSON.stringify(doc), (_key, value) => {
    if (value === null || typeof value !== 'object' || value.format !== 'int64') return value;
    const exact = { ...value };
    if (value.maximum === Number(INT64_MAX)) exact.maximum = String(INT64_MAX);
    if (value.minimum === Number(INT64_MIN)) exact.minimum = String(INT64_MIN);
    return exact;
  });
}

/**
 * Redoc's link to the operation: `#/<tag>/<operationId>`, lower-cased, other characters as `-`.
 * Opening it unfolds the tag and scrolls to the operation.
 * @param {any} doc @param {{ operationId: string, tags?: string[] }} operation
 */
export function operationAnchor(doc, operation) {
  const slug = (/** @type {string} */ text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const tag = operation.tags?.[0];
  if (!tag) throw new Error(`operation ${operation.operationId} has no tag; Redoc's link to it needs one`);
  if (!(doc.tags ?? []).some((/** @type {any} */ t) => t.name === tag)) throw new Error(`tag ${tag} is not declared under tags`);
  return `#/${slug(tag)}/${slug(operation.operationId)}`;
}

/**
 * @param {{ api: string, doc: any, output: string, templateFile?: string, optionsFile?: string }} page
 *   doc is written to a temporary file first, so a caller may pass an augmented copy of a bundle.
 */
export function buildRedocPage({ api, doc, templateFile, output, optionsFile }) {
  const tmp = mkdtempSync(join(tmpdir(), `layerspec-docs-${api}-`));
  try {
    const input = join(tmp, `${api}.json`);
    writeFileSync(input, JSON.stringify(withExactInt64Bounds(doc)));
    execFileSync(
      process.execPath,
      [
        redocly, 'build-docs', input, '--inlineBundle', '--output', output,
        ...(templateFile ? ['--template', templateFile] : []),
        ...(optionsFile ? ['--openapi', optionsFile] : []),
        '--config', join(repoRoot, 'redocly.yaml'), '--lint-config', 'off',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, REDOCLY_TELEMETRY: 'off', DO_NOT_TRACK: '1' } },
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  let page = readFileSync(output, 'utf8');
  for (const logo of REDOCLY_LOGOS) page = page.split(logo).join(INLINE_LOGO);
  const external = page.match(/<(?:script|link|img)\b[^>]*\b(?:src|href)=["']?(?:https?:)?\/\/[^"'\s>]+/gi);
  if (external) throw new Error(`${output} loads from the network: ${external.join(', ')}`);
  writeFileSync(output, page);
}

