// What a reader sees, in a real Chromium with every off-host request blocked: the portal, and each
// Redoc page opened from disk (file://). Field names, statuses and examples are read from the
// bundled specs, never listed here.
import { models } from '@layerspec/specs/model';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRedocPage, operationAnchor } from '../src/redoc.js';
import { startDocsServer } from '../src/server.js';
import { getOperation, listErrors, listFields, loadBundle, resolveNode } from '../src/spec.js';
import { launchBrowser, missingNames, missingNamesAfterExpanding, openOperation, screenshot, type Browser } from './browser.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const concepts = JSON.parse(readFileSync(new URL('../concepts.json', import.meta.url), 'utf8'));
const providers = JSON.parse(readFileSync(new URL('../providers.json', import.meta.url), 'utf8'));
const apis = Object.keys(providers.apis);
const fileUrl = (name: string) => pathToFileURL(join(dist, name)).href;
const PHONE = { width: 375, height: 812 };
const INT64_MAX = String(2n ** 63n - 1n);

let browser: Browser | undefined;
let startError: unknown;

beforeAll(async () => {
  try {
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is not built; run \`npm run docs\` (turbo builds it before this test)`);
    browser = await launchBrowser();
  } catch (error) {
    startError = error;
  }
});

afterAll(async () => {
  await browser?.close();
});

/** Each test fails on its own, naming the cause, when there is no build or no Chromium. */
function ready(): Browser {
  if (!browser) throw startError;
  return browser;
}

/** Every leaf name a reader must find, per response (status, and oneOf branch when there is one). */
function responseGroups(doc: any) {
  const groups = new Map<string, string[]>();
  for (const field of listFields(doc).filter((f) => f.side === 'response')) {
    for (const where of field.appearsIn) {
      const leaf = field.name.split('.').pop()!;
      groups.set(where, [...new Set([...(groups.get(where) ?? []), leaf])]);
    }
  }
  return groups;
}

async function clickTab(page: Page, name: string): Promise<boolean> {
  const tab = page.getByTestId('middle-panel').getByRole('tab', { name, exact: true });
  if ((await tab.count()) === 0) return false;
  await tab.first().click();
  return true;
}

/** Walks every response tab (and oneOf branch), expands the schemas and lists the fields not on screen. */
async function missingResponseFields(page: Page, doc: any): Promise<string[]> {
  const missing: string[] = [];
  for (const [where, names] of responseGroups(doc)) {
    const [status, branch] = where.split(' ');
    if (!(await clickTab(page, status!))) {
      missing.push(`${where}: the response tab ${status}`);
      continue;
    }
    if (branch) await clickTab(page, branch);
    missing.push(...(await missingNamesAfterExpanding(page, names)).map((name) => `${where}: ${name}`));
  }
  return missing;
}

/** The enum values an items schema allows, through $ref, allOf and anyOf/oneOf branches. */
function allowedValues(doc: any, node: any): string[] {
  const schema = resolveNode(doc, node).schema ?? {};
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  return [...(schema.enum ?? []).map(String), ...branches.flatMap((branch: any) => allowedValues(doc, branch))];
}

/** The values a text does not show as Redoc quotes them (`"x86_64"`). */
function missing(values: string[], text: string): string[] {
  return values.filter((value) => !text.includes(JSON.stringify(value)));
}

describe('portal', () => {
  it('says what layerspec is, has a card per provider and downloads that work offline', async () => {
    const { page, offHost } = await ready().open(fileUrl('index.html'));
    await expect(page.title()).resolves.toContain('layerspec');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('layerspec');
    for (const api of apis) {
      const { doc } = loadBundle(api);
      const card = page.locator(`article.card[data-api="${api}"]`);
      await expect(card.getByRole('heading', { level: 2 }).innerText()).resolves.toBe(doc.info['x-layerspec-provider'].name);
      const text = await card.innerText();
      for (const fact of [doc.info['x-layerspec-provider'].protocol, doc.info['x-layerspec-provider'].signing, doc.info.version, doc.servers[0].url, providers.apis[api].clientPackage, providers.mockCommand, `127.0.0.1:${models[api as keyof typeof models].mock.defaultPort}`]) {
        expect(text).toContain(fact);
      }
      await expect(card.locator(`a[href="${api}.html"]`).first().isVisible()).resolves.toBe(true);
      for (const ext of ['json', 'yaml']) {
        const href = await card.locator(`a[href="specs/${api}.${ext}"]`).getAttribute('href');
        expect(existsSync(join(dist, href!)), `${href} is in dist`).toBe(true);
      }
      expect(JSON.parse(readFileSync(join(dist, 'specs', `${api}.json`), 'utf8'))).toEqual(doc);
    }
    await screenshot(page, 'portal', { fullPage: true });
    expect(offHost).toEqual([]);
    await page.close();
  });

  it('has a comparison row for every field and every error of both specs', async () => {
    const { page, offHost } = await ready().open(`${fileUrl('index.html')}#comparison`);
    for (const api of apis) {
      const { doc } = loadBundle(api);
      const tables = { request: 'request-fields', response: 'response-fields' } as const;
      for (const field of listFields(doc, concepts[api])) {
        const cells = page.locator(`table[data-table="${tables[field.side]}"] td[data-api="${api}"] code.field-name`);
        await expect(cells.getByText(field.name, { exact: true }).count(), `${api} ${field.side} field ${field.name}`).resolves.toBe(1);
      }
      for (const error of listErrors(doc, concepts[api])) {
        const cells = page.locator(`table[data-table="error-codes"] td[data-api="${api}"] code.error-code`);
        await expect(cells.getByText(error.code, { exact: true }).count(), `${api} error ${error.code}`).resolves.toBe(1);
      }
    }
    // A field without a partner says so in words, not with an empty cell.
    const emptyCells = await page.locator('table[data-table] td[data-api]').evaluateAll((cells) => cells.filter((c) => c.textContent?.trim() === '').length);
    expect(emptyCells).toBe(0);
    await expect(page.getByText('no counterpart', { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(offHost).toEqual([]);
    await page.close();
  });
});

describe('portal on a phone', () => {
  it('stacks the comparison rows so nothing is wider than the screen and each cell has room', async () => {
    const { page, offHost } = await ready().open(`${fileUrl('index.html')}#comparison`, PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const widths = await page.locator('table[data-table] td').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(0);
    // A stacked cell spans the card (the screen less the margins); a squeezed column is a fifth of it.
    expect(Math.min(...widths)).toBeGreaterThan(PHONE.width * 0.75);
    // Each cell still says whose it is.
    const labels = await page.locator('table[data-table="request-fields"] tbody tr').first().locator('td').evaluateAll((cells) =>
      cells.map((c) => getComputedStyle(c, '::before').content),
    );
    expect(labels).toEqual(['aws-lambda', 'tencent-scf'].map((api) => JSON.stringify(loadBundle(api).doc.info['x-layerspec-provider'].name)).concat('"Differences"'));
    expect(offHost).toEqual([]);
    await page.close();
  });
});

describe.each(apis)('%s page', (api) => {
  const { doc } = loadBundle(api);
  const { operation, path, method } = getOperation(doc);

  it('shows the title, the operation, every request field and a link back to the portal', async () => {
    const { page, offHost } = await ready().open(fileUrl(`${api}.html`));
    await expect(page.title()).resolves.toBe(doc.info.title);
    await expect(page.getByRole('heading', { level: 1 }).first().innerText()).resolves.toContain(doc.info.title);
    const portal = page.getByRole('link', { name: 'layerspec docs portal' });
    await expect(portal.isVisible()).resolves.toBe(true);
    await expect(portal.getAttribute('href')).resolves.toBe('index.html');

    await openOperation(page, operation.summary);
    await expect(page.getByText(path, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(method.toUpperCase(), { exact: true }).first().isVisible()).resolves.toBe(true);
    // Fields added while signing are documented on the security scheme, not listed as parameters.
    const requestNames = listFields(doc).filter((f) => f.side === 'request' && !f.signing).map((f) => f.name.split('.').pop()!);
    expect(requestNames.length).toBeGreaterThan(0);
    await expect(missingNames(page, requestNames)).resolves.toEqual([]);
    await screenshot(page, `${api}-operation`);
    expect(offHost).toEqual([]);
    await page.close();
  });

  it('shows every response field of every response, nested members included', async () => {
    const { page, offHost } = await ready().open(fileUrl(`${api}.html`));
    await openOperation(page, operation.summary);
    const missing = await missingResponseFields(page, doc);
    expect(missing).toEqual([]);
    expect(offHost).toEqual([]);
    await page.close();
  });

  it('opens on the operation, unfolded, from the portal\'s "Read the reference" link', async () => {
    const { page, offHost } = await ready().open(fileUrl('index.html'));
    await page.locator(`article.card[data-api="${api}"] a.button`).click();
    await page.waitForURL(`**/${api}.html${operationAnchor(doc, operation)}`);
    await page.locator('h1, h2', { hasText: operation.summary }).first().waitFor();
    const first = listFields(doc).find((f) => f.side === 'request' && !f.signing)!;
    await expect(page.getByTestId('middle-panel').getByText(first.name, { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(offHost).toEqual([]);
    await page.close();
  });

  it('prints int64 bounds exactly, not as the double JSON rounds them to', async () => {
    const { page, offHost } = await ready().open(fileUrl(`${api}.html`));
    await openOperation(page, operation.summary);
    const bounded = listFields(doc).filter((f) => f.schema?.format === 'int64' && f.schema?.maximum === Number(INT64_MAX));
    expect(bounded.length, 'the spec has an int64 field bounded by 2^63 − 1').toBeGreaterThan(0);
    const text = await page.getByTestId('middle-panel').allInnerTexts();
    expect(text.join('\n')).toContain(INT64_MAX);
    expect(text.join('\n')).not.toContain(String(Number(INT64_MAX)));
    expect(offHost).toEqual([]);
    await page.close();
  });

  it('shows the allowed values of every array whose items the spec lists', async () => {
    const { page, offHost } = await ready().open(fileUrl(`${api}.html`));
    await openOperation(page, operation.summary);
    for (const field of listFields(doc).filter((f) => f.side === 'response' && f.schema?.type === 'array' && !f.name.includes('.'))) {
      const values = allowedValues(doc, field.schema.items);
      if (values.length === 0) continue;
      const row = page.locator(`[id$="path=${field.name.toLowerCase()}"]`).first();
      await row.scrollIntoViewIfNeeded();
      await expect(row.locator('em').first().innerText(), field.name).resolves.not.toContain('Array of any');
      const toggle = row.getByRole('button', { name: /Show details/ });
      if (await toggle.count()) await toggle.first().click();
      const more = row.getByRole('button', { name: /^\+\d+ more$/ });
      if (await more.count()) await more.first().click();
      // Redoc renders an opened member once it is on screen, so ask until it is there.
      await expect.poll(async () => missing(values, await row.innerText()), { timeout: 10_000, message: field.name }).toEqual([]);
    }
    expect(offHost).toEqual([]);
    await page.close();
  });

  it('shows each error example when the reader picks it, and the code samples', async () => {
    const { page, offHost } = await ready().open(fileUrl(`${api}.html`));
    await openOperation(page, operation.summary);
    const right = page.getByTestId('right-panel');

    // The errors: AWS answers each with its own status; Tencent with named examples of its 200 answer.
    const errorStatuses = Object.keys(operation.responses).filter((status) => !/^2/.test(status));
    for (const status of errorStatuses) {
      const response = resolveNode(doc, operation.responses[status]).schema;
      const example = resolveNode(doc, Object.values<any>(response.content['application/json'].examples)[0]).schema.value;
      await right.getByText(status, { exact: true }).first().click();
      // The viewer shows the JSON text, so compare with the message as JSON writes it.
      const message = JSON.stringify(example.message ?? example.Message);
      await expect(right.getByTestId('json-viewer').first().innerText(), `example of ${status}`).resolves.toContain(message);
      await screenshot(page, `${api}-error-example`);
    }

    // Every named example of the success response is offered; each error example shows its code.
    await right.getByText('200', { exact: true }).first().click();
    const okExamples = Object.values<any>(resolveNode(doc, operation.responses['200']).schema.content['application/json'].examples ?? {}).map(
      (e) => resolveNode(doc, e).schema,
    );
    const exampleMenu = right.getByRole('button', { name: 'Example', exact: true }).last();
    await exampleMenu.click();
    await expect(page.getByRole('menuitem').allInnerTexts()).resolves.toEqual(okExamples.map((e) => e.summary));
    await page.getByRole('menuitem').first().click();
    const errorExamples = okExamples.filter((e) => e.value?.Response?.Error);
    for (const example of errorExamples) {
      await exampleMenu.click();
      await page.getByRole('menuitem').getByText(example.summary, { exact: true }).click();
      await expect(right.getByTestId('json-viewer').last().innerText(), `example ${example.summary}`).resolves.toContain(JSON.stringify(example.value.Response.Error.Code));
      if (example === errorExamples[0]) await screenshot(page, `${api}-error-example`);
    }
    expect(errorStatuses.length + errorExamples.length, 'the spec describes at least one error').toBeGreaterThan(0);

    const sampleText = await right.getByTestId('source-code').first().innerText();
    expect(sampleText).toContain(`127.0.0.1:${models[api as keyof typeof models].mock.defaultPort}`);
    expect(offHost).toEqual([]);
    await page.close();
  });
});

describe('served by the docs server', () => {
  // Redoc's search probes for a Worker factory with Function() inside try/catch and, refused,
  // indexes in the page instead; the policy keeps eval off, so that one refusal is expected.
  const expected = (v: { directive: string; blockedURI: string }) => v.directive === 'script-src' && v.blockedURI === 'eval';

  it.each(['index.html', ...apis.map((api) => `${api}.html`)])('%s renders under the Content-Security-Policy, on a desktop and on a phone', async (name) => {
    const server = await startDocsServer({ port: 0 });
    try {
      for (const [size, viewport] of [['desktop', undefined], ['phone', PHONE]] as const) {
        const { page, offHost, violations } = await ready().open(new URL(name, server.url).href, viewport);
        const response = await page.request.get(new URL(name, server.url).href);
        expect(response.headers()['content-security-policy']).toMatch(/default-src 'none'/);
        if (name === 'index.html') {
          await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('layerspec');
        } else {
          const { doc } = loadBundle(name.replace(/\.html$/, ''));
          const { operation } = getOperation(doc);
          // Redoc's own rendering (the operation in the menu) proves its scripts ran.
          await page.goto(`${new URL(name, server.url).href}${operationAnchor(doc, operation)}`);
          await page.locator('h1, h2', { hasText: operation.summary }).first().waitFor();
          await expect(page.getByTestId('middle-panel').getByText('Responses', { exact: true }).first().isVisible()).resolves.toBe(true);
        }
        await screenshot(page, `${name.replace(/\.html$/, '')}-${size}`, { fullPage: name === 'index.html' });
        expect(violations.filter((v) => !expected(v))).toEqual([]);
        expect(offHost).toEqual([]);
        await page.close();
      }
    } finally {
      await server.close();
    }
  });
});

describe('the checks themselves', () => {
  it('reports the fields a page fails to render (a broken $ref in a copy of the AWS bundle)', async () => {
    const api = 'aws-lambda';
    const { doc } = loadBundle(api);
    // Point the Content member at a schema that does not exist: Redoc still renders the page, but
    // Content.* is gone, and the check must say exactly which fields are missing.
    const broken = structuredClone(doc);
    const properties = broken.components.schemas.GetLayerVersionResponse.properties;
    properties.Content.$ref = `${properties.Content.$ref}Missing`;
    const dir = mkdtempSync(join(tmpdir(), 'layerspec-docs-broken-'));
    try {
      buildRedocPage({ api, doc: broken, output: join(dir, 'broken.html') });
      const { page, offHost } = await ready().open(pathToFileURL(join(dir, 'broken.html')).href);
      await openOperation(page, getOperation(doc).operation.summary);
      const expected = listFields(doc)
        .filter((f) => f.side === 'response' && f.name.startsWith('Content.'))
        .map((f) => `${f.appearsIn[0]}: ${f.name.split('.').pop()}`);
      expect(expected.length).toBeGreaterThan(0);
      await expect(missingResponseFields(page, doc)).resolves.toEqual(expected);
      expect(offHost).toEqual([]);
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('records a Content-Security-Policy violation (an image the docs server\'s policy refuses)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerspec-docs-csp-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title><img src="picture.png">');
    writeFileSync(join(dir, 'picture.png'), '');
    const running = await startDocsServer({ port: 0, root: dir });
    try {
      const { page, violations } = await ready().open(running.url);
      await page.waitForLoadState('load');
      await expect.poll(() => violations.map((v) => v.directive)).toEqual(['img-src']);
      await page.close();
    } finally {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('records and blocks a request to another host', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerspec-docs-offhost-'));
    try {
      writeFileSync(join(dir, 'page.html'), '<!doctype html><title>t</title><img src="https://cdn.redoc.ly/redoc/logo-mini.svg"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
      const { page, offHost } = await ready().open(pathToFileURL(join(dir, 'page.html')).href);
      await page.waitForLoadState('load');
      expect(offHost).toEqual(['https://cdn.redoc.ly/redoc/logo-mini.svg']);
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
