// Pages of other origins against the docs server's forwarding, in the docs' Chromium: a page on
// another port of 127.0.0.1 posting form-like requests (no preflight), and a page whose DNS name
// is then pointed at 127.0.0.1 (DNS rebinding): Chromium maps the name to 127.0.0.1
// (--host-resolver-rules), the attacker's page is loaded from a port that is then closed and
// taken by the docs server or the mock, so the page's same-origin requests reach them.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '@layerspec/mock';
import { startDocsServer, type DocsServer } from '../src/server.js';
import { launchBrowser, type Browser } from './browser.js';

/** A name no resolver knows; Chromium maps it to 127.0.0.1, as a rebinding DNS server would. */
const REBOUND = 'rebind.test';
const FAULT = '{"kind":"throttle","times":"all"}';

let browser: Browser | undefined;
let docs: DocsServer | undefined;
// Not verifying signatures, as `npm start` runs it: its control API then asks for no token.
let mock: RunningMock | undefined;
let elsewhere: PageServer | undefined;
let root: string | undefined;
let startError: unknown;

interface PageServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A server on 127.0.0.1 whose every answer is a small page: the attacker's site. */
async function servePage(): Promise<PageServer> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>a page elsewhere</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

beforeAll(async () => {
  try {
    root = mkdtempSync(join(tmpdir(), 'layerspec-docs-cross-origin-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>portal</title><p>the docs portal');
    mock = await startMock({ provider: 'aws-lambda' });
    docs = await startDocsServer({ port: 0, root, mocks: { 'aws-lambda': mock.url } });
    elsewhere = await servePage();
    browser = await launchBrowser({ args: [`--host-resolver-rules=MAP ${REBOUND} 127.0.0.1`], localNames: [REBOUND] });
  } catch (error) {
    startError = error;
  }
});

afterAll(async () => {
  await browser?.close();
  await docs?.close();
  await mock?.close();
  await elsewhere?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

beforeEach(() => mock?.reset());

function ready(): { browser: Browser; docs: DocsServer; mock: RunningMock; elsewhere: PageServer; root: string } {
  if (!browser || !docs || !mock || !elsewhere || !root) throw startError;
  return { browser, docs, mock, elsewhere, root };
}

/** The mock's faults, read from its control API as a test tool would (no Origin). */
async function faults(running: RunningMock): Promise<unknown[]> {
  const answer = await fetch(`${running.controlUrl}faults`);
  expect(answer.status).toBe(200);
  return answer.json();
}

/** Records the status of every answer the page gets (a no-cors answer hides it from the page, not from the browser). */
function answerStatuses(page: Page): Map<string, number> {
  const seen = new Map<string, number>();
  page.on('response', (answer) => void seen.set(answer.url(), answer.status()));
  return seen;
}

/**
 * DNS rebinding: opens the attacker's page as http://rebind.test:<port>/, then closes the
 * attacker's server and starts `target` on that port, which the page's own origin now reaches.
 */
async function rebindTo<T>(target: (port: number) => Promise<T>): Promise<{ page: Page; port: number; target: T }> {
  const attacker = await servePage();
  const { page } = await ready().browser.open(`http://${REBOUND}:${attacker.port}/`);
  await attacker.close();
  return { page, port: attacker.port, target: await target(attacker.port) };
}

/** What the page reads from each same-origin path: its status and text, or the error fetch threw. */
function readFromPage(page: Page, paths: { path: string; method?: string; body?: string }[]) {
  return page.evaluate(
    (tries) =>
      Promise.all(
        tries.map(async ({ path, method, body }) => {
          try {
            const answer = await fetch(path, { method: method ?? 'GET', ...(body ? { body, headers: { 'content-type': 'text/plain' } } : {}) });
            return { path, status: answer.status, text: await answer.text() };
          } catch (error) {
            return { path, status: 0, text: String(error) };
          }
        }),
      ),
    paths,
  );
}

describe('the docs server against pages of other origins', () => {
  it('a page on another origin cannot set a fault or reach the mock through /mock/ (simple requests, no-cors)', async () => {
    const { browser, docs, mock, elsewhere } = ready();
    const { page } = await browser.open(elsewhere.url);
    const statuses = answerStatuses(page);
    const types = await page.evaluate(
      async ({ docsUrl, fault }) => {
        const tries = [
          fetch(`${docsUrl}mock/aws-lambda/__layerspec/faults`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: fault, mode: 'no-cors' }),
          fetch(`${docsUrl}mock/aws-lambda/2018-10-31/layers/x/versions/1`, { method: 'POST', mode: 'no-cors', body: 'x' }),
        ];
        return Promise.all(
          tries.map((sent) =>
            sent.then(
              (answer) => answer.type,
              (error) => String(error),
            ),
          ),
        );
      },
      { docsUrl: docs.url, fault: FAULT },
    );
    // Both were sent and answered (opaque to the page); the docs server refused both.
    expect(types).toEqual(['opaque', 'opaque']);
    expect(statuses.get(`${docs.url}mock/aws-lambda/__layerspec/faults`)).toBe(403);
    expect(statuses.get(`${docs.url}mock/aws-lambda/2018-10-31/layers/x/versions/1`)).toBe(403);
    expect(await faults(mock)).toEqual([]);
    expect(await mock.requests()).toEqual([]);
  });

  it('the docs under a rebound name answer 421, so a rebinding page reads nothing from them or through them', async () => {
    const { browser, docs, mock, root } = ready();
    const docsPort = new URL(docs.url).port;
    const { page } = await browser.open('about:blank');
    const loaded = await page.goto(`http://${REBOUND}:${docsPort}/`);
    expect(loaded?.status()).toBe(421);
    expect(await page.textContent('body')).not.toContain('the docs portal');

    const rebound = await rebindTo((port) => startDocsServer({ port, root, mocks: { 'aws-lambda': mock.url } }));
    try {
      const read = await readFromPage(rebound.page, [
        { path: '/' },
        { path: '/mock/' },
        { path: '/mock/aws-lambda/2018-10-31/layers/x/versions/1' },
        { path: '/mock/aws-lambda/__layerspec/requests' },
        { path: '/mock/aws-lambda/__layerspec/faults', method: 'POST', body: FAULT },
      ]);
      for (const { path, status, text } of read) {
        expect(status, `${path}: ${text}`).toBe(421);
        expect(text, path).toContain(`127.0.0.1:${rebound.port}`);
        expect(text, path).not.toContain('the docs portal');
        expect(text, path).not.toContain(mock.url);
      }
    } finally {
      await rebound.target.close();
    }
    expect(await faults(mock)).toEqual([]);
    expect(await mock.requests()).toEqual([]);
  });
});

// A rebinding page can aim at the mock's own port as well, and a page elsewhere can post to it:
// the mock must refuse a foreign Host and Origin itself, which this checks from a browser.
describe("the mock's own port against pages of other origins", () => {
  it('a rebinding page reads nothing from the mock, and sets no fault on it', async () => {
    const rebound = await rebindTo((port) => startMock({ provider: 'aws-lambda', port }));
    try {
      const read = await readFromPage(rebound.page, [{ path: '/__layerspec/requests' }, { path: '/__layerspec/faults', method: 'POST', body: FAULT }]);
      for (const { path, status, text } of read) expect([403, 421], `${path}: ${status} ${text}`).toContain(status);
      expect(await faults(rebound.target)).toEqual([]);
    } finally {
      await rebound.target.close();
    }
  });

  it('a page on another origin sets no fault on the mock with a simple request', async () => {
    const { browser, mock, elsewhere } = ready();
    const { page } = await browser.open(elsewhere.url);
    await page.evaluate(
      ({ controlUrl, fault }) =>
        fetch(`${controlUrl}faults`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: fault, mode: 'no-cors' }).then(
          (answer) => answer.type,
          (error) => String(error),
        ),
      { controlUrl: mock.controlUrl, fault: FAULT },
    );
    expect(await faults(mock)).toEqual([]);
  });
});
