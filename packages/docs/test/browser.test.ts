// What a reader sees, in a real Chromium with every off-host request blocked: the portal, and each
// Redoc page opened from disk (file://). Field names, statuses and examples are read from the
// generated models, never listed here.
import { models, type ApiModel, type Location, type OperationModel } from '@layerspec/specs/model';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapping } from '@layerspec/layers';
import { listFields } from '../src/fields.js';
import { mappedOperationIds, mappedOperations, neutralFields } from '../src/layers.js';
import { changesPage } from '../src/changes.js';
import { buildRedocPage, bundlePath, operationAnchor } from '../src/redoc.js';
import { startDocsServer } from '../src/server.js';
import { expandUntilSettled, launchBrowser, missingNames, missingNamesAfterExpanding, openOperation, operationRoot, screenshot, type Browser } from './browser.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const providers = JSON.parse(readFileSync(new URL('../providers.json', import.meta.url), 'utf8'));
const apis = Object.keys(providers.apis);
const fileUrl = (name: string) => pathToFileURL(join(dist, name)).href;
const PHONE = { width: 375, height: 812 };
const INT64_MAX = String(2n ** 63n - 1n);
type Api = keyof typeof models;
const modelOf = (api: string): ApiModel => models[api as Api];
const bundle = (api: string) => JSON.parse(readFileSync(bundlePath(api), 'utf8'));
const releasesOf = (api: string) => JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`@layerspec/specs/releases/${api}.json`), 'utf8'));
const valueAt = (value: any, path: readonly string[]) => path.reduce((at, key) => (at && typeof at === 'object' ? at[key] : undefined), value);

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

const operationsOf = (model: ApiModel): OperationModel[] => Object.values(model.operations);

/**
 * Every name a reader must find in an operation's answers, per HTTP status: the members of the
 * success result (a list's items' too), and where each of its error answers carries its code,
 * message, request ID and other members.
 */
function responseGroups(model: ApiModel, operation: OperationModel): Map<string, string[]> {
  const groups = new Map<string, Set<string>>();
  const add = (status: number, at: Location) => {
    const names = groups.get(String(status)) ?? new Set<string>();
    groups.set(String(status), names);
    for (const name of at.in === 'header' ? [at.name] : at.path) if (name !== '[]') names.add(name);
  };
  for (const output of operation.outputs)
    add(200, output.in === 'header' ? { in: 'header', name: output.name } : { in: 'body', path: [...operation.result, ...output.path] });
  const { codeAt, requestIdAt } = model.errors;
  for (const error of model.errors.entries.filter((entry) => operation.errorCodes.includes(entry.code))) {
    for (const at of [codeAt, error.messageAt, ...(requestIdAt ? [requestIdAt] : []), ...error.details]) add(error.status, at);
  }
  return new Map([...groups].map(([status, names]) => [status, [...names]]));
}

async function clickTab(root: Locator, name: string): Promise<boolean> {
  const tab = root.getByTestId('middle-panel').getByRole('tab', { name, exact: true });
  if ((await tab.count()) === 0) return false;
  await tab.first().click();
  return true;
}

/**
 * Walks every response tab, expands the schemas and lists the names not on screen. A oneOf (the
 * success and error results in Tencent's envelope) shows one branch at a time, so each tab that
 * is not a status is visited too; a name counts as shown when any branch shows it.
 */
async function missingResponseFields(page: Page, model: ApiModel, operation: OperationModel): Promise<string[]> {
  const root = operationRoot(page, operationAnchor(operation));
  const groups = responseGroups(model, operation);
  const missing: string[] = [];
  for (const [status, names] of groups) {
    if (!(await clickTab(root, status))) {
      missing.push(`${status}: the response tab`);
      continue;
    }
    const tabs = await root.getByTestId('middle-panel').getByRole('tab').allInnerTexts();
    const branches = [...new Set(tabs.map((tab) => tab.trim()))].filter((tab) => !groups.has(tab));
    let left = names;
    if (branches.length === 0) left = await missingNamesAfterExpanding(root, left);
    for (const branch of branches) {
      if (left.length === 0) break;
      await clickTab(root, branch);
      // A branch is done once fully open: a name it lacks may be in the next one.
      await expandUntilSettled(root);
      left = await missingNames(root, left);
    }
    missing.push(...left.map((name) => `${status}: ${name}`));
  }
  return missing;
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
      const model = modelOf(api);
      const card = page.locator(`article.card[data-api="${api}"]`);
      await expect(card.getByRole('heading', { level: 2 }).innerText()).resolves.toBe(model.provider.name);
      const text = await card.innerText();
      for (const fact of [
        model.protocol.description,
        model.provider.signing!,
        model.version,
        model.servers[0]!.url,
        providers.apis[api].clientPackage,
        providers.mockCommand,
        `127.0.0.1:${model.mock.defaultPort}`,
      ]) {
        expect(text).toContain(fact);
      }
      await expect(card.locator(`a[href="${api}.html"]`).first().isVisible()).resolves.toBe(true);
      for (const ext of ['json', 'yaml']) {
        const href = await card.locator(`a[href="specs/${api}.${ext}"]`).getAttribute('href');
        expect(existsSync(join(dist, href!)), `${href} is in dist`).toBe(true);
      }
      expect(JSON.parse(readFileSync(join(dist, 'specs', `${api}.json`), 'utf8'))).toEqual(bundle(api));
    }
    await screenshot(page, 'portal', { fullPage: true });
    expect(offHost).toEqual([]);
    await page.close();
  });

  it('has a comparison row for every field and every error of every operation of both specs, in its operation', async () => {
    const { page, offHost } = await ready().open(`${fileUrl('index.html')}#comparison`);
    for (const api of apis) {
      const model = modelOf(api);
      const tables = { request: 'request-fields', response: 'response-fields' } as const;
      const names = await page
        .locator(`table[data-table] td[data-api="${api}"] :is(code.field-name, code.error-code)`)
        .evaluateAll((cells) =>
          cells.map((cell) => `${cell.closest('table')?.getAttribute('data-operation')} ${cell.closest('table')?.getAttribute('data-table')} ${cell.textContent}`),
        );
      const expected = [
        ...listFields(model).map((field) => `${field.operation} ${tables[field.side]} ${field.name}`),
        ...operationsOf(model).flatMap((operation) => operation.errorCodes.map((code) => `${operation.id} error-codes ${code}`)),
      ];
      expect(names.sort(), api).toEqual(expected.sort());
    }
    // A field without a partner says so in words, not with an empty cell.
    const emptyCells = await page.locator('table[data-table] td[data-api]').evaluateAll((cells) => cells.filter((c) => c.textContent?.trim() === '').length);
    expect(emptyCells).toBe(0);
    await expect(page.getByText('no counterpart', { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(offHost).toEqual([]);
    await page.close();
  });
});

describe('layer model page', () => {
  it("is reached from the portal's nav and shows, per mapped operation, a row per neutral field with each provider's source", async () => {
    const { page, offHost } = await ready().open(fileUrl('index.html'));
    await page.locator('nav.layerspec-bar').getByRole('link', { name: 'Layer model' }).click();
    await page.waitForURL('**/layers.html');
    for (const operation of mappedOperationIds(mapping)) {
      const table = page.locator(`table[data-table="layer-version"][data-operation="${operation}"]`);
      await expect(table.isVisible(), operation).resolves.toBe(true);
      for (const field of neutralFields(mapping, operation)) {
        const row = table.locator(`tr[data-field="${field}"]`);
        await expect(row.locator('th code').innerText(), field).resolves.toBe(field);
        for (const api of apis) {
          const entry = mappedOperations(mapping[api as keyof typeof mapping])[operation]?.fields.find((e) => e.field === field);
          const cell = row.locator(`td[data-api="${api}"]`);
          await expect(cell.innerText(), `${operation} ${field} ${api}`).resolves.toContain(entry ? entry.from.join('.') : 'not in the answer');
        }
      }
    }
    await screenshot(page, 'layers', { fullPage: true });
    expect(offHost).toEqual([]);
    await page.close();
  });
});

describe.each(apis)('"What changed" page of %s', (api) => {
  it("is reached from the portal's nav and lists the first release with its change", async () => {
    const model = modelOf(api);
    const first = releasesOf(api).releases[0];
    expect(first.revision).toBe('1.0.0');
    const { page, offHost } = await ready().open(fileUrl('index.html'));
    await page
      .locator('nav.layerspec-bar')
      .getByRole('link', { name: `${model.provider.name} changes`, exact: true })
      .click();
    await page.waitForURL(`**/${changesPage(api)}`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(`What changed in ${model.provider.name}`);
    const release = page.locator(`section.release[data-revision="${first.revision}"]`);
    await expect(release.getByRole('heading', { level: 2 }).innerText()).resolves.toBe(`${first.revision} ${first.date}`);
    await expect(release.getByRole('heading', { level: 3 }).first().innerText()).resolves.toBe('Breaking changes');
    await expect(release.getByText(first.changes[0].message).isVisible()).resolves.toBe(true);
    await screenshot(page, `changes-${api}`, { fullPage: true });
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
    const labels = await page
      .locator('table[data-table="request-fields"] tbody tr')
      .first()
      .locator('td')
      .evaluateAll((cells) => cells.map((c) => getComputedStyle(c, '::before').content));
    expect(labels).toEqual(['aws-lambda', 'tencent-scf'].map((api) => JSON.stringify(modelOf(api).provider.name)).concat('"Differences"'));
    expect(offHost).toEqual([]);
    await page.close();
  });
});

describe.each(apis)('%s page', (api) => {
  const model = modelOf(api);
  const operations = operationsOf(model);

  it('shows the title, each operation with its route, every request field and a link back to the portal', async () => {
    const { page, offHost } = await ready().open(fileUrl(`${api}.html`));
    await expect(page.title()).resolves.toBe(model.title);
    await expect(page.getByRole('heading', { level: 1 }).first().innerText()).resolves.toContain(model.title);
    const portal = page.getByRole('link', { name: 'layerspec docs portal' });
    await expect(portal.isVisible()).resolves.toBe(true);
    await expect(portal.getAttribute('href')).resolves.toBe('index.html');

    for (const operation of operations) {
      await openOperation(page, operation.summary);
      const root = operationRoot(page, operationAnchor(operation));
      // Redoc prints the spec's key; an RPC action's description says its wire route.
      await expect(root.getByText(operation.specPath, { exact: true }).first().isVisible(), operation.id).resolves.toBe(true);
      await expect(root.getByText(operation.method, { exact: true }).first().isVisible()).resolves.toBe(true);
      if (operation.action) {
        const middle = (await root.getByTestId('middle-panel').allInnerTexts()).join('\n');
        expect(middle, operation.id).toContain(`On the wire: ${operation.method} ${operation.path} with the header ${operation.action.header}: ${operation.action.name}`);
      }
      // Fields added while signing are documented on the security scheme, not listed as parameters.
      const requestNames = listFields(model)
        .filter((f) => f.operation === operation.id && f.side === 'request' && !f.signing)
        .map((f) => f.name.split('.').pop()!);
      expect(requestNames.length).toBeGreaterThan(0);
      await expect(missingNames(root, requestNames), operation.id).resolves.toEqual([]);
      await screenshot(page, `${api}-${operation.id}`);
    }
    expect(offHost).toEqual([]);
    await page.close();
  });

  it('shows every response field of every response of each operation, nested members and list items included', async () => {
    const { page, offHost } = await ready().open(fileUrl(`${api}.html`));
    for (const operation of operations) {
      await openOperation(page, operation.summary);
      const missing = await missingResponseFields(page, model, operation);
      expect(missing, operation.id).toEqual([]);
    }
    expect(offHost).toEqual([]);
    await page.close();
  });

  it("opens on each operation, unfolded, from the portal card's link to it", async () => {
    const { page, offHost } = await ready().open(fileUrl('index.html'));
    for (const operation of operations) {
      await page.locator(`article.card[data-api="${api}"] li[data-operation="${operation.id}"] a`).click();
      await page.waitForURL(`**/${api}.html${operationAnchor(operation)}`);
      await page.locator('h1, h2', { hasText: operation.summary }).first().waitFor();
      const first = listFields(model).find((f) => f.operation === operation.id && f.side === 'request' && !f.signing)!;
      await expect(
        operationRoot(page, operationAnchor(operation)).getByTestId('middle-panel').getByText(first.name, { exact: true }).first().isVisible(),
        operation.id,
      ).resolves.toBe(true);
      await page.goto(fileUrl('index.html'));
    }
    expect(offHost).toEqual([]);
    await page.close();
  });

  it('prints int64 bounds exactly, not as the double JSON rounds them to', async () => {
    const { page, offHost } = await ready().open(fileUrl(`${api}.html`));
    const bounded = operations.filter((operation) =>
      listFields(model).some((f) => f.operation === operation.id && !f.signing && f.rule.format === 'int64' && f.rule.maximum === INT64_MAX),
    );
    expect(bounded.length, 'the spec has an int64 field bounded by 2^63 − 1').toBeGreaterThan(0);
    for (const operation of bounded) {
      await openOperation(page, operation.summary);
      const root = operationRoot(page, operationAnchor(operation));
      // A list item's bound is drawn only once Redoc has opened and rendered the item's members,
      // which takes longer on a busy machine: expand until it shows, or until the wait is over.
      const deadline = Date.now() + 20_000;
      let text = '';
      do {
        await expandUntilSettled(root);
        text = (await root.getByTestId('middle-panel').allInnerTexts()).join('\n');
      } while (!text.includes(INT64_MAX) && Date.now() < deadline);
      expect(text, operation.id).toContain(INT64_MAX);
      expect(text).not.toContain(String(Number(INT64_MAX)));
    }
    expect(offHost).toEqual([]);
    await page.close();
  });

  it('shows the allowed values of every top-level array whose items the spec lists', async () => {
    const { page, offHost } = await ready().open(fileUrl(`${api}.html`));
    for (const field of listFields(model).filter(
      (f) => f.side === 'response' && f.rule.type === 'array' && f.in === 'body' && !f.name.includes('.') && !f.name.includes('['),
    )) {
      const values = [...(field.rule.items?.enum ?? [])];
      if (values.length === 0) continue;
      const operation = model.operations[field.operation]!;
      await openOperation(page, operation.summary);
      const row = operationRoot(page, operationAnchor(operation)).locator(`[id$="path=${field.name.toLowerCase()}"]`).first();
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

  it("shows each operation's error examples when the reader picks them, and its code samples", async () => {
    const { page, offHost } = await ready().open(fileUrl(`${api}.html`));
    let errors = 0;
    for (const operation of operations) {
      await openOperation(page, operation.summary);
      const right = operationRoot(page, operationAnchor(operation)).getByTestId('right-panel');
      const { scenarios } = operation;
      // The errors: AWS answers each with its own status; Tencent with named examples of its 200 answer.
      const messageOf = (scenario: (typeof scenarios)[number]) => {
        const at = model.errors.entries.find((e) => e.code === scenario.errorCode)!.messageAt;
        return at.in === 'body' ? valueAt(scenario.value, at.path) : undefined;
      };
      const errorStatuses = [...new Set(scenarios.filter((s) => s.status !== 200).map((s) => s.status))];
      for (const status of errorStatuses) {
        const example = scenarios.find((s) => s.status === status)!;
        await right.getByText(String(status), { exact: true }).first().click();
        // The viewer shows the JSON text, so compare with the message as JSON writes it.
        await expect(right.getByTestId('json-viewer').first().innerText(), `${operation.id}: example of ${status}`).resolves.toContain(
          JSON.stringify(messageOf(example)),
        );
        await screenshot(page, `${api}-${operation.id}-error-example`);
      }

      // Every named example of the success response is offered; each error example shows its code.
      await right.getByText('200', { exact: true }).first().click();
      const okExamples = scenarios.filter((s) => s.status === 200);
      const exampleMenu = right.getByRole('button', { name: 'Example', exact: true }).last();
      if (okExamples.length > 1) {
        await exampleMenu.click();
        await expect(page.getByRole('menuitem').allInnerTexts(), operation.id).resolves.toEqual(okExamples.map((e) => e.summary));
        await page.getByRole('menuitem').first().click();
      }
      const errorExamples = okExamples.filter((e) => e.outcome === 'error');
      for (const example of errorExamples) {
        await exampleMenu.click();
        await page.getByRole('menuitem').getByText(example.summary!, { exact: true }).click();
        await expect(right.getByTestId('json-viewer').last().innerText(), `${operation.id}: example ${example.summary}`).resolves.toContain(
          JSON.stringify(example.errorCode),
        );
        if (example === errorExamples[0]) await screenshot(page, `${api}-${operation.id}-error-example`);
      }
      errors += errorStatuses.length + errorExamples.length;

      // The samples call this operation.
      const sampleText = await right.getByTestId('source-code').first().innerText();
      expect(sampleText).toContain(`127.0.0.1:${model.mock.defaultPort}`);
      expect(sampleText, operation.id).toContain(operation.action ? `${operation.action.header}: ${operation.action.name}` : operation.path.replace(/\{.*$/, ''));
    }
    expect(errors, 'the spec describes at least one error').toBeGreaterThan(0);
    expect(offHost).toEqual([]);
    await page.close();
  });
});

describe('search', () => {
  it("finds CodeSha256 under the Content-Security-Policy and lands on it, in view, when the reader follows each result, and a field of another operation in that operation's table", async () => {
    const server = await startDocsServer({ port: 0 });
    try {
      const { page, offHost, violations } = await ready().open(new URL('index.html', server.url).href);
      await page.getByLabel('Search both APIs and the comparison').fill('CodeSha256');
      const results = page.locator('#search-results a', { hasText: /CodeSha256$/ });
      await results.first().waitFor();
      const count = await results.count();
      expect(count, 'a CodeSha256 field of each API').toBeGreaterThanOrEqual(apis.length);
      for (let i = 0; i < count; i += 1) {
        await page.getByLabel('Search both APIs and the comparison').fill('CodeSha256');
        const result = results.nth(i);
        const title = await result.innerText();
        await result.click();
        const target = page.locator(':target');
        await expect(target.locator('code').first().innerText()).resolves.toBe(title);
        const inView = await target.evaluate((element) => {
          const box = element.getBoundingClientRect();
          return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
        });
        expect(inView, `${title} is in view`).toBe(true);
      }
      // Enter follows the best match: a field named exactly so.
      await page.getByLabel('Search both APIs and the comparison').fill('CodeSha256');
      const best = await results.first().innerText();
      await page.getByLabel('Search both APIs and the comparison').press('Enter');
      await expect(page.locator(':target code').first().innerText()).resolves.toBe(best);
      await screenshot(page, 'search-CodeSha256');

      // Every operation is searched: a field only the last operation of an API has leads to its cell in that operation's comparison.
      const model = modelOf(apis[0]!);
      const last = operationsOf(model).at(-1)!;
      const fields = listFields(model);
      const own = fields.find((f) => f.operation === last.id && !f.name.includes('.') && !fields.some((g) => g.operation !== last.id && g.name === f.name))!;
      expect(own, `a field only ${last.id} has`).toBeDefined();
      await page.getByLabel('Search both APIs and the comparison').fill(own.name);
      await page.locator('#search-results a', { hasText: own.name }).first().click();
      await expect(page.locator(':target code').first().innerText()).resolves.toBe(own.name);
      await expect(page.locator(':target').evaluate((element) => element.closest('table')?.getAttribute('data-operation'))).resolves.toBe(last.id);
      expect(violations).toEqual([]);
      expect(offHost).toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });
});

describe('served by the docs server', () => {
  // Redoc's search probes for a Worker factory with Function() inside try/catch and, refused,
  // indexes in the page instead; the policy keeps eval off, so that one refusal is expected.
  const expected = (v: { directive: string; blockedURI: string }) => v.directive === 'script-src' && v.blockedURI === 'eval';

  it.each(['index.html', 'layers.html', ...apis.map(changesPage), ...apis.map((api) => `${api}.html`)])(
    '%s renders under the Content-Security-Policy, on a desktop and on a phone',
    async (name) => {
      const server = await startDocsServer({ port: 0 });
      try {
        for (const [size, viewport] of [
          ['desktop', undefined],
          ['phone', PHONE],
        ] as const) {
          const { page, offHost, violations } = await ready().open(new URL(name, server.url).href, viewport);
          const response = await page.request.get(new URL(name, server.url).href);
          expect(response.headers()['content-security-policy']).toMatch(/default-src 'none'/);
          if (name === 'index.html') {
            await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('layerspec');
          } else if (name === 'layers.html') {
            await expect(page.locator('table[data-table="layer-version"]').first().isVisible()).resolves.toBe(true);
          } else if (name.startsWith('changes-')) {
            await expect(page.locator('section.release').first().isVisible()).resolves.toBe(true);
          } else {
            const [operation] = operationsOf(modelOf(name.replace(/\.html$/, '')));
            // Redoc's own rendering (the operation in the menu) proves its scripts ran.
            await page.goto(`${new URL(name, server.url).href}${operationAnchor(operation!)}`);
            await page.locator('h1, h2', { hasText: operation!.summary }).first().waitFor();
            await expect(page.getByTestId('middle-panel').getByText('Responses', { exact: true }).first().isVisible()).resolves.toBe(true);
          }
          await screenshot(page, `${name.replace(/\.html$/, '')}-${size}`, { fullPage: !apis.includes(name.replace(/\.html$/, '')) });
          expect(violations.filter((v) => !expected(v))).toEqual([]);
          expect(offHost).toEqual([]);
          await page.close();
        }
      } finally {
        await server.close();
      }
    },
  );
});

describe('the checks themselves', () => {
  it('reports the fields a page fails to render (a broken $ref in a copy of the AWS bundle)', async () => {
    const api = 'aws-lambda';
    const model = modelOf(api);
    const doc = bundle(api);
    // Point the Content member at a schema that does not exist: Redoc still renders the page, but
    // Content.* is gone, and the check must say exactly which fields are missing.
    const broken = structuredClone(doc);
    const properties = broken.components.schemas.GetLayerVersionResponse.properties;
    properties.Content.$ref = `${properties.Content.$ref}Missing`;
    const dir = mkdtempSync(join(tmpdir(), 'layerspec-docs-broken-'));
    try {
      buildRedocPage({ api, doc: broken, model, output: join(dir, 'broken.html') });
      const { page, offHost } = await ready().open(pathToFileURL(join(dir, 'broken.html')).href);
      const operation = model.operations.GetLayerVersion!;
      await openOperation(page, operation.summary);
      const expected = operation.outputs.filter((o) => o.in === 'body' && o.path[0] === 'Content' && o.path.length > 1).map((o) => `200: ${o.path.at(-1)}`);
      expect(expected.length).toBeGreaterThan(0);
      await expect(missingResponseFields(page, model, operation)).resolves.toEqual(expected);
      expect(offHost).toEqual([]);
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("records a Content-Security-Policy violation (an image the docs server's policy refuses)", async () => {
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
      writeFileSync(
        join(dir, 'page.html'),
        '<!doctype html><title>t</title><img src="https://cdn.redoc.ly/redoc/logo-mini.svg"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
      );
      const { page, offHost } = await ready().open(pathToFileURL(join(dir, 'page.html')).href);
      await page.waitForLoadState('load');
      expect(offHost).toEqual(['https://cdn.redoc.ly/redoc/logo-mini.svg']);
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
