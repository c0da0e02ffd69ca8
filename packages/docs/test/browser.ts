// Drives a headless Chromium through playwright-core with no network: the binary ships inside the
// @sparticuz/chromium npm package, so `npm ci` brings it (CHROMIUM_PATH points at another one). Every
// request a page makes is checked; anything other than file:, data:, blob: or 127.0.0.1 is recorded
// and aborted.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

// The package's defaults are tuned for Lambda; these would weaken what the pages are tested under
// (same-origin rules, mixed content), so they are left out.
const WEAKENING_ARGS = new Set(['--disable-web-security', '--allow-running-insecure-content']);
// Chromium otherwise calls home at start, which this network refuses.
const QUIET_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** The Chromium to drive and its flags: CHROMIUM_PATH if set, else the one unpacked from @sparticuz/chromium. */
export async function resolveChromium(): Promise<{ executablePath: string; args: string[] }> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH is ${override}, but there is no file there; unset it to use the Chromium that \`npm ci\` installs.`);
    return { executablePath: override, args: ['--headless', '--no-sandbox', '--disable-gpu', ...QUIET_ARGS] };
  }
  const executablePath = await sparticuz.executablePath();
  return { executablePath, args: [...sparticuz.args.filter((arg) => !WEAKENING_ARGS.has(arg)), ...QUIET_ARGS] };
}

/** A Content-Security-Policy violation the page reported (its securitypolicyviolation event). */
export interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

export interface Browser {
  /** Opens a page in a fresh tab; `viewport` overrides the desktop size (a phone is 375 wide). */
  open(url: string, viewport?: { width: number; height: number }): Promise<{ page: Page; offHost: string[]; violations: Violation[] }>;
  close(): Promise<void>;
}

/**
 * A fresh profile each time, so no cache or state from an earlier run can make a page pass.
 * `args` are added to Chromium's flags; `localNames` are host names such a flag maps to 127.0.0.1
 * (`--host-resolver-rules`), which pages may then request besides 127.0.0.1.
 */
export async function launchBrowser({ args: extraArgs = [], localNames = [] }: { args?: string[]; localNames?: string[] } = {}): Promise<Browser> {
  const { executablePath, args } = await resolveChromium();
  const profile = mkdtempSync(join(tmpdir(), 'layerspec-docs-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [...args, ...extraArgs],
  });
  return {
    async open(url, viewport) {
      const offHost: string[] = [];
      const violations: Violation[] = [];
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.exposeFunction('layerspecReportViolation', (violation: Violation) => void violations.push(violation));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { layerspecReportViolation(v: unknown): void }).layerspecReportViolation;
          report({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sample: event.sample, source: `${event.sourceFile}:${event.lineNumber}` });
        });
      });
      // Fail fast: a page from disk renders in well under a second.
      page.setDefaultTimeout(10_000);
      await page.route('**/*', (route) => {
        const target = route.request().url();
        if (isLocal(target, localNames)) return route.continue();
        offHost.push(target);
        return route.abort('blockedbyclient');
      });
      await page.goto(url);
      return { page, offHost, violations };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function isLocal(url: string, localNames: string[] = []): boolean {
  if (/^(file|data|blob|about):/.test(url)) return true;
  try {
    const { hostname } = new URL(url);
    return hostname === '127.0.0.1' || localNames.includes(hostname);
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

/** Opens the operation: Redoc 3 keeps a tag's operations folded until asked (once per page). */
export async function openOperation(page: Page, summary: string): Promise<void> {
  const item = page.getByTestId('menu-item-label').getByText(summary, { exact: true }).first();
  const unfold = page.getByRole('button', { name: '+ Show', exact: true }).first();
  // Wait for Redoc's menu: the item is shown once the tag is unfolded.
  await item.or(unfold).first().waitFor();
  if (!(await item.isVisible())) await unfold.click();
  await item.click();
  await page.locator('h1, h2', { hasText: summary }).first().waitFor();
}

/**
 * Where one operation is on a Redoc page: Redoc renders every operation in the page, each in an
 * element whose id is its route (`#/<tag>/<operationId>` without `#/`).
 * @param anchor the operation's anchor (src/redoc.js operationAnchor)
 */
export function operationRoot(page: Page, anchor: string): Locator {
  return page.locator(`[id="${anchor.replace(/^#\//, '')}"]`);
}

/** Clicks "Expand all" on every response schema shown under root, so nested members (Content.*) are on screen. */
export async function expandSchemas(root: Page | Locator): Promise<void> {
  const buttons = root.getByTestId('middle-panel').getByRole('button', { name: 'Expand all', exact: true });
  for (let i = 0; i < (await buttons.count()); i++) {
    const button = buttons.nth(i);
    if (await button.isVisible()) await button.click();
  }
}

/**
 * Expands the schemas and lists the names still not shown, asking again while Redoc renders
 * (it expands nested members asynchronously, later on a busy machine); gives up after `waitMs`.
 */
export async function missingNamesAfterExpanding(root: Page | Locator, names: string[], waitMs = 10_000): Promise<string[]> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    await expandSchemas(root);
    const missing = await missingNames(root, names);
    if (missing.length === 0 || Date.now() > deadline) return missing;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Expands the schemas under root until what is shown stops growing: Redoc opens nested members (a
 * list's items' lists) a level at a time, each after it rendered the one above; gives up after `waitMs`.
 */
export async function expandUntilSettled(root: Page | Locator, waitMs = 10_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  let before = -1;
  let same = 0;
  while (Date.now() < deadline && same < 3) {
    await expandSchemas(root);
    // Redoc renders an opened member's children once it is on screen: bring each opened one into view.
    const opened = root.getByTestId('middle-panel').locator('[data-schema-nested-open="true"]');
    for (let i = 0; i < (await opened.count()); i++) {
      await opened.nth(i).scrollIntoViewIfNeeded();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const shown = await root.getByTestId('middle-panel').locator('*').count();
    same = shown === before ? same + 1 : 0;
    before = shown;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The names that no visible element of the middle panel under root shows as its whole text. */
export async function missingNames(root: Page | Locator, names: string[]): Promise<string[]> {
  const shown = new Set(
    await root
      .getByTestId('middle-panel')
      .locator('*')
      .evaluateAll((elements) => elements.filter((e) => e.children.length === 0 && (e as HTMLElement).offsetParent !== null).map((e) => (e.textContent ?? '').trim())),
  );
  return names.filter((name) => !shown.has(name));
}
