// Drives Debian's Chromium through playwright-core: no browser download, no network. Every request
// a page makes is checked; anything other than file:, data:, blob: or 127.0.0.1 is recorded and aborted.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium';

export function assertChromiumInstalled(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}. The docs browser tests drive Debian's Chromium; install it with \`${INSTALL_HINT}\` (or point CHROMIUM_PATH at a Chromium binary).`,
    );
  }
}

export interface Browser {
  open(url: string): Promise<{ page: Page; offHost: string[] }>;
  close(): Promise<void>;
}

/** A fresh profile each time, so no cache or state from an earlier run can make a page pass. */
export async function launchBrowser(): Promise<Browser> {
  assertChromiumInstalled();
  const profile = mkdtempSync(join(tmpdir(), 'layerspec-docs-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return {
    async open(url) {
      const offHost: string[] = [];
      const page = await context.newPage();
      // Fail fast: a page from disk renders in well under a second.
      page.setDefaultTimeout(10_000);
      await page.route('**/*', (route) => {
        const target = route.request().url();
        if (isLocal(target)) return route.continue();
        offHost.push(target);
        return route.abort('blockedbyclient');
      });
      await page.goto(url);
      return { page, offHost };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function isLocal(url: string): boolean {
  if (/^(file|data|blob|about):/.test(url)) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** Redoc keeps its bar and sidebar sticky, so its pages are shot as the reader sees the viewport. */
export async function screenshot(page: Page, name: string, { fullPage = false } = {}): Promise<void> {
  const dir = new URL('../test-output/screenshots/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage });
}

/** Opens the operation: Redoc 3 keeps a tag's operations folded until asked. */
export async function openOperation(page: Page, summary: string): Promise<void> {
  await page.getByRole('button', { name: '+ Show', exact: true }).first().click();
  await page.getByTestId('menu-item-label').getByText(summary, { exact: true }).first().click();
  await page.locator('h1, h2', { hasText: summary }).first().waitFor();
}

/** Clicks "Expand all" on every response schema shown, so nested members (Content.*) are on screen. */
export async function expandSchemas(page: Page): Promise<void> {
  const buttons = page.getByTestId('middle-panel').getByRole('button', { name: 'Expand all', exact: true });
  for (let i = 0; i < (await buttons.count()); i++) {
    const button = buttons.nth(i);
    if (await button.isVisible()) await button.click();
  }
}

/**
 * Expands the schemas and lists the names still not shown, asking again while Redoc renders
 * (it expands nested members asynchronously, later on a busy machine); gives up after `waitMs`.
 */
export async function missingNamesAfterExpanding(page: Page, names: string[], waitMs = 10_000): Promise<string[]> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    await expandSchemas(page);
    const missing = await missingNames(page, names);
    if (missing.length === 0 || Date.now() > deadline) return missing;
    await page.waitForTimeout(200);
  }
}

/** The names that no visible element of the middle panel shows as its whole text. */
export async function missingNames(page: Page, names: string[]): Promise<string[]> {
  const shown = new Set(
    await page
      .getByTestId('middle-panel')
      .locator('*')
      .evaluateAll((elements) =>
        elements
          .filter((e) => e.children.length === 0 && (e as HTMLElement).offsetParent !== null)
          .map((e) => (e.textContent ?? '').trim()),
      ),
  );
  return names.filter((name) => !shown.has(name));
}
