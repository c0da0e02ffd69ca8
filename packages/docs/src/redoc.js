// @ts-check
// Runs `redocly build-docs --inlineBundle` on a copy of a bundle and makes the page fetch nothing.
// Redoc is the resolver of the page; the docs' own facts come from the model.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const redocly = resolve(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** @typedef {import('@layerspec/specs/model').ApiModel} ApiModel */
/** @typedef {import('@layerspec/specs/model').ValueRule} ValueRule */

// Redoc 3 shows a "docs by Redocly" logo that it loads from cdn.redoc.ly; the page must fetch
// nothing, so the logo becomes an inline image with the same words.
const REDOCLY_LOGOS = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];
const INLINE_LOGO = `data:image/svg+xml,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' width='56' height='16'><text x='0' y='12' font-family='system-ui,sans-serif' font-size='12' font-weight='600' fill='#85868f'>Redocly</text></svg>",
)}`;

/** The bundle of an API that @layerspec/specs ships, for Redoc and for download. @param {string} api */
export function bundlePath(api) {
  return require.resolve(`@layerspec/specs/${api}.json`);
}

/** Every rule in the model that has integer bounds, items and free forms included. @param {ApiModel} model */
function rulesOf(model) {
  /** @type {ValueRule[]} */
  const rules = [];
  const add = (/** @type {ValueRule | undefined} */ rule) => {
    if (!rule) return;
    rules.push(rule);
    add(rule.items);
    add(rule.others);
  };
  const operations = Object.values(model.operations);
  for (const rule of [...operations.flatMap((operation) => [...operation.inputs, ...operation.outputs]), ...(model.signing.fields ?? [])]) add(rule);
  return rules;
}

/**
 * A copy of the bundle whose integer bounds Redoc prints exactly. JSON numbers reach JavaScript
 * as doubles, so 9223372036854775807 arrives as 2^63 and Redoc would print 9223372036854776000.
 * The model states each bound as exact text; a bound the bundle holds beyond 2^53 is replaced by
 * the model's text for that double (Redoc writes a bound with a template string, so text prints
 * as it is). Two exact bounds that round to one double, or a rounded bound the model does not
 * state, stop the build rather than print a wrong number. The bundle itself is untouched.
 * @param {any} doc @param {ApiModel} model
 */
export function withExactBounds(doc, model) {
  /** @type {Map<number, string>} */
  const exact = new Map();
  for (const rule of rulesOf(model)) {
    for (const text of [rule.minimum, rule.maximum]) {
      if (text === undefined || Number.isSafeInteger(Number(text))) continue;
      const seen = exact.get(Number(text));
      if (seen !== undefined && seen !== text) throw new Error(`${model.api}: the bounds ${seen} and ${text} are the same JSON number; Redoc cannot tell them apart`);
      exact.set(Number(text), text);
    }
  }
  return JSON.parse(JSON.stringify(doc), (key, value) => {
    if ((key !== 'minimum' && key !== 'maximum') || typeof value !== 'number' || Number.isSafeInteger(value) || !Number.isInteger(value)) return value;
    const text = exact.get(value);
    if (text === undefined) throw new Error(`${model.api}: the bundle has a ${key} of ${value} that the model does not state exactly`);
    return text;
  });
}

/**
 * Redoc's link to an operation: `#/<tag>/<operationId>`, lower-cased, other characters as `-`.
 * Opening it unfolds the tag and scrolls to the operation.
 * @param {import('@layerspec/specs/model').OperationModel} operation
 */
export function operationAnchor(operation) {
  const slug = (/** @type {string} */ text) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const tag = operation.tags?.[0];
  if (!tag) throw new Error(`operation ${operation.id} has no tag; Redoc's link to it needs one`);
  return `#/${slug(tag)}/${slug(operation.id)}`;
}

/**
 * @param {{ api: string, doc: any, model: ApiModel, output: string, templateFile?: string, optionsFile?: string }} page
 *   doc is written to a temporary file first, so a caller may pass an augmented copy of a bundle.
 */
export function buildRedocPage({ api, doc, model, templateFile, output, optionsFile }) {
  const tmp = mkdtempSync(join(tmpdir(), `layerspec-docs-${api}-`));
  try {
    const input = join(tmp, `${api}.json`);
    writeFileSync(input, JSON.stringify(withExactBounds(doc, model)));
    execFileSync(
      process.execPath,
      [
        redocly,
        'build-docs',
        input,
        '--inlineBundle',
        '--output',
        output,
        ...(templateFile ? ['--template', templateFile] : []),
        ...(optionsFile ? ['--openapi', optionsFile] : []),
        '--config',
        join(repoRoot, 'redocly.yaml'),
        '--lint-config',
        'off',
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
