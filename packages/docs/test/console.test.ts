// The console page in a real Chromium: both mocks (verifying signatures) behind the docs server,
// a reader picking an operation and filling its form. What the form holds and what the answers
// must show is read from the specs' operations and scenarios.
import { models, type ApiModel } from '@layerspec/specs/model';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '@layerspec/mock';
import { consoleOperations, consoleSide } from '../src/console.js';
import { startDocsServer, type DocsServer } from '../src/server.js';
import { launchBrowser, screenshot, type Browser } from './browser.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const providers = JSON.parse(readFileSync(new URL('../providers.json', import.meta.url), 'utf8'));
const apis = Object.keys(providers.apis) as (keyof typeof models)[];
const NOT_FOUND = 'resource-not-found';
const operations = consoleOperations(apis.map((api) => consoleSide({ api, name: models[api].provider.name, model: models[api] }, {})));
// The operation that reads one version of a layer: its inputs carry a layer name and a version.
const getVersion = operations.find((operation) => ['layer-name', 'layer-version'].every((concept) => operation.boxes.some((box) => box.concept === concept)))!;

let browser: Browser | undefined;
let docs: DocsServer | undefined;
const mocks = new Map<string, RunningMock>();
let startError: unknown;

beforeAll(async () => {
  try {
    if (!existsSync(join(dist, 'console.html'))) throw new Error(`${dist} has no console.html; run \`npm run docs\` (turbo builds it before this test)`);
    for (const api of apis) mocks.set(api, await startMock({ provider: api, verifySignatures: true }));
    docs = await startDocsServer({ port: 0, mocks: Object.fromEntries([...mocks].map(([api, mock]) => [api, mock.url])) });
    browser = await launchBrowser();
  } catch (error) {
    startError = error;
  }
});

afterAll(async () => {
  await browser?.close();
  await docs?.close();
  await Promise.all([...mocks.values()].map((mock) => mock.close()));
});

beforeEach(() => {
  for (const mock of mocks.values()) mock.reset();
});

function ready(): { browser: Browser; docs: DocsServer } {
  if (!browser || !docs) throw startError;
  return { browser, docs };
}

/** Opens the console and records the URL of every request the page makes. */
async function openConsole(url: string) {
  const opened = await ready().browser.open(url);
  const requested: string[] = [opened.page.url()];
  opened.page.on('request', (request) => void requested.push(request.url()));
  return { ...opened, requested };
}

/** Picks the operation, fills its boxes by concept (a box left out stays empty), picks the scenario and sends. */
async function send(page: Page, operation: (typeof operations)[number], values: Record<string, string>, scenario = '') {
  await page.getByRole('combobox', { name: 'Operation' }).selectOption(operation.id);
  for (const box of operation.boxes) {
    const value = box.concept === undefined ? undefined : values[box.concept];
    if (value !== undefined) await page.locator(`input[name="${box.field}"]`).fill(value);
  }
  await page.getByRole('combobox', { name: /^Scenario/ }).selectOption(scenario);
  await page.getByRole('button', { name: 'Send to the mocks' }).click();
}

const side = (page: Page, api: string, part: string) => page.locator(`.console-side[data-api="${api}"] [data-part="${part}"]`);

/** What the answer must show of a scenario's error: its status line and its code where the spec puts it. */
function expectedAnswer(model: ApiModel, operation: string, scenario: string): string[] {
  const named = model.operations[operation]?.scenarios.find((entry) => entry.name === scenario);
  const error = model.errors.entries.find((entry) => entry.code === named?.errorCode);
  if (!named || !error) throw new Error(`${model.api} has no scenario ${scenario} with a listed error`);
  const { codeAt } = model.errors;
  const code = codeAt.in === 'header' ? `${codeAt.name.toLowerCase()}: ${error.code}` : `"${codeAt.path.at(-1)}":"${error.code}"`;
  return [`HTTP ${named.status} `, code];
}

describe('console', () => {
  it('sends the form to both mocks and shows each signed request and raw answer; nothing leaves 127.0.0.1', async () => {
    const { docs } = ready();
    const { page, requested, offHost, violations } = await openConsole(`${docs.url}console.html`);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Both mocks answer');
    await send(page, getVersion, { 'layer-name': 'my-layer', 'layer-version': '7' }, NOT_FOUND);
    await expect.poll(() => page.locator('#console-status').textContent()).toBe(`Sent ${getVersion.id} to both mocks.`);
    await screenshot(page, 'console', { fullPage: true });

    for (const api of apis) {
      const model = models[api];
      const mock = mocks.get(api)!;
      const request = (await side(page, api, 'request').textContent()) ?? '';
      const answer = (await side(page, api, 'answer').textContent()) ?? '';
      // The request as the client signed it, for the mock's own URL, with the signature.
      const operation = model.operations[getVersion.id]!;
      expect(request).toContain(`${operation.method} ${mock.url}/`);
      expect(request).toMatch(new RegExp(`^${model.signing.header.toLowerCase()}: \\S+`, 'm'));
      expect(request).toContain('my-layer');
      expect(request).toContain(`prefer: example=${NOT_FOUND}`);
      for (const text of expectedAnswer(model, getVersion.id, NOT_FOUND)) expect(answer).toContain(text);
      // The mock got that very request, and its signature verified although it came through the docs server.
      const journal = await mock.requests();
      expect(journal).toHaveLength(1);
      expect(journal[0]?.signature).toEqual({ status: 'verified' });
      expect(journal[0]?.request.method).toBe(operation.method);
    }
    expect(offHost).toEqual([]);
    expect(violations).toEqual([]);
    expect(requested.length).toBeGreaterThan(2);
    for (const url of requested) expect(new URL(url).hostname, url).toBe('127.0.0.1');
  });

  it("picks each operation: its form holds that operation's inputs, and each mock gets the operation's wire route with the spec's examples", async () => {
    const { docs } = ready();
    const { page } = await openConsole(`${docs.url}console.html`);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Both mocks answer');
    for (const operation of operations) {
      for (const mock of mocks.values()) mock.reset();
      // The first required input's example of the first side that has it, per box.
      const values: Record<string, string> = {};
      for (const box of operation.boxes) {
        if (!box.required || box.concept === undefined) continue;
        const [api, input] = Object.entries(box.sides)[0]!;
        const example = Object.values(models[api as keyof typeof models].operations[operation.id]!.inputs.find((i) => i.name === input.name)?.examples ?? {})[0];
        values[box.concept] = Array.isArray(example) ? example.join(', ') : String(example);
      }
      await send(page, operation, values);
      // The picked operation's boxes are the only ones shown.
      const shown = await page.locator('fieldset[data-operation]:not([hidden]) input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).name));
      expect(shown).toEqual(operation.boxes.map((box) => box.field));
      await expect.poll(() => page.locator('#console-status').textContent(), { message: operation.id }).toMatch(new RegExp(`^Sent ${operation.id} to `));
      for (const api of operation.sides) {
        const own = models[api as keyof typeof models].operations[operation.id]!;
        const request = (await side(page, api, 'request').textContent()) ?? '';
        expect(request, `${api} ${operation.id}`).toContain(`${own.method} ${mocks.get(api)!.url}${own.path.replace(/\{.*$/, '')}`);
        if (own.action) expect(request).toContain(`${own.action.header.toLowerCase()}: ${own.action.name}`);
        // A success: HTTP 200, and no error code where the API's error answers carry one.
        const answer = (await side(page, api, 'answer').textContent()) ?? '';
        expect(answer, `${api} ${operation.id}`).toMatch(/^HTTP 200 /);
        const { codeAt } = models[api as keyof typeof models].errors;
        if (codeAt.in === 'header') expect(answer.toLowerCase()).not.toContain(`\n${codeAt.name.toLowerCase()}:`);
        else expect(answer, `${api} ${operation.id}`).not.toContain(`"${codeAt.path.at(-1)}":`);
        const journal = await mocks.get(api)!.requests();
        expect(
          journal.map((entry) => [entry.request.method, entry.signature]),
          `${api} ${operation.id}`,
        ).toEqual([[own.method, { status: 'verified' }]]);
      }
    }
  });

  it("refuses a bad layer name with the spec's rule and sends nothing to either mock", async () => {
    const { docs } = ready();
    const { page } = await openConsole(`${docs.url}console.html`);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Both mocks answer');
    await send(page, getVersion, { 'layer-name': 'bad name!', 'layer-version': '1' }, NOT_FOUND);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Nothing was sent');
    for (const api of apis) {
      const name = models[api].operations[getVersion.id]!.inputs.find((input) => input.concept === 'layer-name')!;
      const refusal = side(page, api, 'refusal');
      await expect.poll(() => refusal.isVisible()).toBe(true);
      const text = (await refusal.textContent()) ?? '';
      expect(text).toContain(name.name);
      expect(text).toContain('must match the pattern');
      expect(await side(page, api, 'answer').textContent()).toBe('');
      expect(await mocks.get(api)!.requests()).toEqual([]);
    }
  });

  it("is reached from the portal's nav and from the comparison", async () => {
    const { docs } = ready();
    const { page } = await openConsole(docs.url);
    await page
      .locator('#comparison')
      .getByRole('link', { name: /console/ })
      .click();
    await page.waitForURL(/console\.html$/);
    await page.goBack();
    await page.getByRole('navigation').getByRole('link', { name: 'Console', exact: true }).click();
    await page.waitForURL(/console\.html$/);
    await expect.poll(() => page.getByRole('button', { name: 'Send to the mocks' }).isVisible()).toBe(true);
  });

  it('leaves an empty required box out of the input, for the clients to refuse by name (the form does not block it itself)', async () => {
    const { docs } = ready();
    const { page } = await openConsole(`${docs.url}console.html`);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Both mocks answer');
    await send(page, getVersion, { 'layer-name': 'my-layer', 'layer-version': '' }, NOT_FOUND);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Nothing was sent');
    for (const api of apis) {
      const version = models[api].operations[getVersion.id]!.inputs.find((input) => input.concept === 'layer-version')!;
      expect(await side(page, api, 'refusal').textContent()).toContain(`${version.name} is required`);
      expect(await mocks.get(api)!.requests()).toEqual([]);
    }
  });

  it('sends nothing to either mock when only one client refuses the input (an AWS layer ARN, which Tencent names do not allow)', async () => {
    const { docs } = ready();
    const nameOf = (api: keyof typeof models) => models[api].operations[getVersion.id]!.inputs.find((input) => input.concept === 'layer-name')!;
    const arn = nameOf('aws-lambda').examples?.arn;
    expect(typeof arn).toBe('string');
    const refusing = apis.filter((api) => !new RegExp(nameOf(api).pattern!).test(String(arn)));
    expect(refusing).toEqual(['tencent-scf']);
    const { page } = await openConsole(`${docs.url}console.html`);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Both mocks answer');
    await send(page, getVersion, { 'layer-name': String(arn), 'layer-version': '1' }, NOT_FOUND);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Nothing was sent');
    expect(await side(page, 'tencent-scf', 'refusal').textContent()).toContain('must match the pattern');
    expect(await side(page, 'aws-lambda', 'refusal').textContent()).toContain('Not sent: the other client refused the input');
    for (const api of apis) expect(await mocks.get(api)!.requests()).toEqual([]);
  });

  it('opened from disk, says how to start the mocks', async () => {
    const { page } = await openConsole(pathToFileURL(join(dist, 'console.html')).href);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('opened from disk');
    expect(await page.locator('#console-status').textContent()).toContain('npm start');
    await send(page, getVersion, { 'layer-name': 'my-layer', 'layer-version': '1' }, NOT_FOUND);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('opened from disk');
  });

  it('says how to start the mocks when they do not answer', async () => {
    const closed = await startMock({ provider: apis[0]! });
    const url = closed.url;
    await closed.close();
    const alone = await startDocsServer({ port: 0, mocks: { ...Object.fromEntries([...mocks].map(([api, mock]) => [api, mock.url])), [apis[0]!]: url } });
    try {
      const { page } = await openConsole(`${alone.url}console.html`);
      await expect.poll(() => page.locator('#console-status').textContent()).toContain('does not answer');
      expect(await page.locator('#console-status').textContent()).toContain('npm start');
    } finally {
      await alone.close();
    }
  });
});
