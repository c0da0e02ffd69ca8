// The console page in a real Chromium: both mocks (verifying signatures) behind the docs server,
// a reader filling the form. What the answers must show is read from the specs' scenarios.
import { models, type ApiModel } from '@layerspec/specs/model';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '@layerspec/mock';
import { startDocsServer, type DocsServer } from '../src/server.js';
import { launchBrowser, screenshot, type Browser } from './browser.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const providers = JSON.parse(readFileSync(new URL('../providers.json', import.meta.url), 'utf8'));
const apis = Object.keys(providers.apis) as (keyof typeof models)[];
const NOT_FOUND = 'resource-not-found';

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

async function send(page: Page, values: { name: string; version: string; scenario: string }) {
  await page.getByLabel('Layer name', { exact: true }).fill(values.name);
  await page.getByRole('textbox', { name: 'Version', exact: true }).fill(values.version);
  await page.getByRole('combobox', { name: /^Scenario/ }).selectOption(values.scenario);
  await page.getByRole('button', { name: 'Send to both mocks' }).click();
}

const side = (page: Page, api: string, part: string) => page.locator(`.console-side[data-api="${api}"] [data-part="${part}"]`);

/** What the answer must show of a scenario's error: its status line and its code where the spec puts it. */
function expectedAnswer(model: ApiModel, scenario: string): string[] {
  const named = model.scenarios.find((entry) => entry.name === scenario);
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
    await send(page, { name: 'my-layer', version: '7', scenario: NOT_FOUND });
    await expect.poll(() => page.locator('#console-status').textContent()).toBe('Sent to both mocks.');
    await screenshot(page, 'console', { fullPage: true });

    for (const api of apis) {
      const model = models[api];
      const mock = mocks.get(api)!;
      const request = (await side(page, api, 'request').textContent()) ?? '';
      const answer = (await side(page, api, 'answer').textContent()) ?? '';
      // The request as the client signed it, for the mock's own URL, with the signature.
      expect(request).toContain(`${model.operation.method} ${mock.url}/`);
      expect(request).toMatch(new RegExp(`^${model.signing.header.toLowerCase()}: \\S+`, 'm'));
      expect(request).toContain('my-layer');
      expect(request).toContain(`prefer: example=${NOT_FOUND}`);
      for (const text of expectedAnswer(model, NOT_FOUND)) expect(answer).toContain(text);
      // The mock got that very request, and its signature verified although it came through the docs server.
      const journal = await mock.requests();
      expect(journal).toHaveLength(1);
      expect(journal[0]?.signature).toEqual({ status: 'verified' });
      expect(journal[0]?.request.method).toBe(model.operation.method);
    }
    expect(offHost).toEqual([]);
    expect(violations).toEqual([]);
    expect(requested.length).toBeGreaterThan(2);
    for (const url of requested) expect(new URL(url).hostname, url).toBe('127.0.0.1');
  });

  it("refuses a bad layer name with the spec's rule and sends nothing to either mock", async () => {
    const { docs } = ready();
    const { page } = await openConsole(`${docs.url}console.html`);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Both mocks answer');
    await send(page, { name: 'bad name!', version: '1', scenario: NOT_FOUND });
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Nothing was sent');
    for (const api of apis) {
      const name = models[api].inputs.find((input) => input.concept === 'layer-name')!;
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
    await expect.poll(() => page.getByRole('button', { name: 'Send to both mocks' }).isVisible()).toBe(true);
  });

  it('leaves an empty version to the clients, which refuse it with their rule (the form does not block it itself)', async () => {
    const { docs } = ready();
    const { page } = await openConsole(`${docs.url}console.html`);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Both mocks answer');
    await send(page, { name: 'my-layer', version: '', scenario: NOT_FOUND });
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Nothing was sent');
    for (const api of apis) {
      const version = models[api].inputs.find((input) => input.concept === 'layer-version')!;
      expect(await side(page, api, 'refusal').textContent()).toContain(`${version.name} must be an integer`);
      expect(await mocks.get(api)!.requests()).toEqual([]);
    }
  });

  it('sends nothing to either mock when only one client refuses the input (an AWS layer ARN, which Tencent names do not allow)', async () => {
    const { docs } = ready();
    const arn = models['aws-lambda'].inputs.find((input) => input.concept === 'layer-name')?.examples?.arn;
    expect(typeof arn).toBe('string');
    const refusing = apis.filter((api) => !new RegExp(models[api].inputs.find((input) => input.concept === 'layer-name')!.pattern!).test(String(arn)));
    expect(refusing).toEqual(['tencent-scf']);
    const { page } = await openConsole(`${docs.url}console.html`);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Both mocks answer');
    await send(page, { name: String(arn), version: '1', scenario: NOT_FOUND });
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('Nothing was sent');
    expect(await side(page, 'tencent-scf', 'refusal').textContent()).toContain('must match the pattern');
    expect(await side(page, 'aws-lambda', 'refusal').textContent()).toContain('Not sent: the other client refused the input');
    for (const api of apis) expect(await mocks.get(api)!.requests()).toEqual([]);
  });

  it('opened from disk, says how to start the mocks', async () => {
    const { page } = await openConsole(pathToFileURL(join(dist, 'console.html')).href);
    await expect.poll(() => page.locator('#console-status').textContent()).toContain('opened from disk');
    expect(await page.locator('#console-status').textContent()).toContain('npm start');
    await send(page, { name: 'my-layer', version: '1', scenario: NOT_FOUND });
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
