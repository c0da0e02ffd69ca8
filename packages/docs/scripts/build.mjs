#!/usr/bin/env node
// @ts-check
// Builds dist/: one Redoc page per API (redocly build-docs --inlineBundle, so nothing is fetched
// at view time), the bundled specs for download, the portal with the comparison, the layer model
// page, a "What changed" page per API (changes-<api>.html) from the release index of @layerspec/specs,
// and the console (console.html), whose script esbuild bundles from our clients' browser entries.
// What the docs say comes from the generated models; the bundles are only handed to Redoc and
// copied for download. Code samples are added to a temporary copy of each bundle.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readApis } from '../../../tools/apis.mjs';
import { buildCodeSamples, withCodeSamples } from '../src/code-samples.js';
import { buildRedocPage, bundlePath } from '../src/redoc.js';
import { buildComparison } from '../src/compare.js';
import { models } from '@layerspec/specs/model';
import { listFields } from '../src/fields.js';
import { PORTAL_CSS, renderBar, renderPortal } from '../src/portal.js';
import { mapping, statusTables, statusWithoutField } from '@layerspec/layers';
import { renderLayersPage } from '../src/layers.js';
import { providerFacts } from '../src/sides.js';
import { changesPage, renderChangesPage } from '../src/changes.js';
import { buildSearchIndex, renderSearch } from '../src/search.js';
import { BASE_URL_ENV, relativeRedocLinks, renderNotFound, renderSitemap } from '../src/site.js';
import { build as bundle } from 'esbuild';
import { defaultTestCredentials, PREFER_HEADER } from '@layerspec/mock';
import { consoleOperations, consoleSide, renderConsolePage } from '../src/console.js';
import { DEFAULT_PORT } from '../src/server.js';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// --out <folder> writes the site elsewhere (a test's own copy); dist/ by default.
const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const finalDist = args.out ? resolve(args.out) : join(packageDir, 'dist');
// Build beside dist/ and swap it in at the end, so a server or test reading dist/ never sees half a site.
const dist = `${finalDist}-building-${process.pid}`;
process.on('exit', () => rmSync(dist, { recursive: true, force: true }));
const templates = join(packageDir, 'templates');
const readJson = (/** @type {string} */ path) => JSON.parse(readFileSync(join(packageDir, path), 'utf8'));

const started = Date.now();
const providers = readJson('providers.json');
const themeCss = readFileSync(join(templates, 'theme.css'), 'utf8');

const sides = Object.keys(readApis()).map((api) => {
  const packages = providers.apis[api];
  if (!packages) throw new Error(`providers.json has no entry for the API "${api}" of redocly.yaml`);
  const model = /** @type {Record<string, import('@layerspec/specs/model').ApiModel>} */ (models)[api];
  if (!model) throw new Error(`@layerspec/specs/model has no model of the API "${api}" of redocly.yaml`);
  return { api, ...providerFacts(model, packages), model, fields: listFields(model) };
});

// Each API's releases, as @layerspec/specs ships them; an API not released yet has none.
const require = createRequire(import.meta.url);
/** @type {Record<string, import('../../../tools/spec-release/release.mjs').ReleaseIndex>} */
const releases = {};
/** @type {Record<string, string>} */
const releaseSources = {};
for (const side of sides) {
  const source = `@layerspec/specs/releases/${side.api}.json`;
  let path;
  try {
    path = require.resolve(source);
  } catch {
    path = undefined;
  }
  releaseSources[side.api] = source;
  releases[side.api] = path && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : { api: side.api, releases: [] };
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'specs'), { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'layerspec-docs-'));
try {
  for (const side of sides) {
    const bar = renderBar(
      sides.map((s) => ({ api: s.api, name: s.name })),
      `${side.api}.html`,
    );
    const templateFile = join(work, `${side.api}.hbs`);
    writeFileSync(
      templateFile,
      readFileSync(join(templates, 'redoc.hbs'), 'utf8')
        .replace('/* layerspec:theme */', () => themeCss)
        .replace('<!-- layerspec:nav -->', () => bar),
    );
    // Each operation's samples, from one set of templates per API.
    const samples = Object.fromEntries(
      Object.values(side.model.operations).map((operation) => [
        operation.id,
        buildCodeSamples({
          api: side.api,
          operation,
          fields: side.fields,
          provider: side.provider,
          mockCommand: providers.mockCommand,
          templatesDir: join(templates, 'code-samples'),
        }),
      ]),
    );
    const languages = [...new Map(Object.values(samples).flatMap((own) => own.map(({ lang, label }) => [label, { lang, label }]))).values()];
    const optionsFile = join(work, `${side.api}.options.json`);
    writeFileSync(
      optionsFile,
      JSON.stringify({
        downloadUrls: [
          { title: 'OpenAPI JSON', url: `specs/${side.api}.json` },
          { title: 'OpenAPI YAML', url: `specs/${side.api}.yaml` },
        ],
        jsonSamplesExpandLevel: 'all',
        // Redoc 3 shows an x-codeSamples entry only when its label is among these languages.
        codeSamples: { languages },
      }),
    );
    const bundle = bundlePath(side.api);
    const doc = JSON.parse(readFileSync(bundle, 'utf8'));
    buildRedocPage({
      api: side.api,
      doc: withCodeSamples(doc, side.model, samples),
      model: side.model,
      templateFile,
      optionsFile,
      output: join(dist, `${side.api}.html`),
    });
    const page = join(dist, `${side.api}.html`);
    writeFileSync(page, relativeRedocLinks(readFileSync(page, 'utf8')));
    for (const ext of ['json', 'yaml']) copyFileSync(bundle.replace(/\.json$/, `.${ext}`), join(dist, 'specs', `${side.api}.${ext}`));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const [a, b] = sides;
if (!a || !b) throw new Error('the portal compares two APIs; redocly.yaml lists fewer');
const comparison = buildComparison(a, b);
const search = renderSearch(buildSearchIndex({ sides, comparison }));
writeFileSync(join(dist, 'index.html'), renderPortal({ sides, comparison, themeCss, mockCommand: providers.mockCommand, releases, search }));
for (const side of sides) {
  writeFileSync(
    join(dist, changesPage(side.api)),
    renderChangesPage({
      api: side.api,
      name: side.name,
      apiVersion: side.model.version,
      index: releases[side.api] ?? { api: side.api, releases: [] },
      source: releaseSources[side.api] ?? '',
      bar: renderBar(
        sides.map((s) => ({ api: s.api, name: s.name })),
        changesPage(side.api),
      ),
      themeCss,
      css: PORTAL_CSS,
    }),
  );
}
writeFileSync(
  join(dist, 'layers.html'),
  renderLayersPage({
    mapping,
    statusTables,
    statusWithoutField,
    sides,
    bar: renderBar(
      sides.map((s) => ({ api: s.api, name: s.name })),
      'layers.html',
    ),
    themeCss,
    css: PORTAL_CSS,
  }),
);
writeFileSync(
  join(dist, '404.html'),
  renderNotFound({
    bar: renderBar(
      sides.map((s) => ({ api: s.api, name: s.name })),
      '404.html',
    ),
    themeCss,
    css: PORTAL_CSS,
  }),
);
// The sitemap protocol wants absolute URLs: written only when the published address is known.
const baseUrl = process.env[BASE_URL_ENV];
if (baseUrl) {
  const pages = ['index.html', 'layers.html', 'console.html', ...sides.flatMap((s) => [`${s.api}.html`, changesPage(s.api)])];
  writeFileSync(join(dist, 'sitemap.xml'), renderSitemap(baseUrl, pages));
} else {
  console.log(`no sitemap.xml: set ${BASE_URL_ENV} to the address dist/ is published at (e.g. https://example.org/docs/) to write one`);
}
// The console: its script bundles our clients' browser entries, so it signs with their code.
const consoleSides = sides.map((side) => {
  const keys = Object.entries(defaultTestCredentials).find(([api]) => api === side.api)?.[1];
  if (!keys) throw new Error(`@layerspec/mock has no test keys for the API "${side.api}"`);
  return consoleSide(side, keys);
});
const startHint = `Run \`npm start\` in the layerspec repository (it serves these docs with both mocks) and open http://127.0.0.1:${DEFAULT_PORT}/console.html.`;
const consoleScript = await bundle({
  entryPoints: [join(packageDir, 'src', 'console-browser.js')],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  define: {
    LAYERSPEC_CONSOLE: JSON.stringify({
      sides: consoleSides,
      operations: consoleOperations(consoleSides),
      preferHeader: PREFER_HEADER,
      startHint,
      fileHint: `This page was opened from disk, so it cannot reach the mocks. ${startHint}`,
    }),
  },
});
writeFileSync(
  join(dist, 'console.html'),
  renderConsolePage({
    sides: consoleSides,
    script: consoleScript.outputFiles[0]?.text ?? '',
    bar: renderBar(
      sides.map((s) => ({ api: s.api, name: s.name })),
      'console.html',
    ),
    themeCss,
    css: PORTAL_CSS,
    startHint,
  }),
);
rmSync(finalDist, { recursive: true, force: true });
renameSync(dist, finalDist);

const sizes = ['index.html', 'layers.html', 'console.html', ...sides.flatMap((s) => [`${s.api}.html`, changesPage(s.api)])].map(
  (file) => `${file} ${Math.ceil(statSync(join(finalDist, file)).size / 1024)} KiB`,
);
console.log(`built ${finalDist} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${sizes.join(', ')}`);
