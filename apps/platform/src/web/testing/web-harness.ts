import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { repoRoot } from '@tadamon/testing';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PlatformClient } from '../../registry/testing/platform-client';
import { launchChromium } from './chromium';
import { ensureWebBuild } from './web-build';

/** Written on every run, git-ignored. */
export const SCREENSHOTS = join(repoRoot(), 'test-output/screenshots');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export type TestLanguage = 'ar' | 'fr';

/** The demo users' password (the platform seeds them on its first start; README, "Demo data and users"). */
export const DEMO_PASSWORD = 'tadamon-demo';

/**
 * An area's strings as the app shows them (`apps/web/src/<folder>/i18n/<language>.json`), so that a
 * test finds a button by the label a user reads, in that user's language.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the app's own strings, read as data
export const webStrings = (folder: string, language: TestLanguage | 'en'): any =>
  JSON.parse(readFileSync(join(repoRoot(), 'apps/web/src', folder, 'i18n', `${language}.json`), 'utf8'));
/** The browser's language on a first visit (no choice stored yet): the app starts in it. */
const BROWSER_LOCALE: Record<TestLanguage, string> = { ar: 'ar-MA', fr: 'fr-FR' };

/**
 * Picks options of a searchable select (Mantine Select or MultiSelect: a reference list of the
 * back office) as a person does: types part of each option's name, then clicks the option.
 */
/**
 * The count of what a locator finds once it is what the test expects, or the last count after
 * `timeoutMs`: a page that is still rendering (a read model refetched, a list growing) is waited
 * for instead of counted mid-way. The test then asserts on the number returned.
 */
export async function settledCount(
  locator: Locator,
  expected: number | ((count: number) => boolean),
  timeoutMs = 10_000,
): Promise<number> {
  const accepts = typeof expected === 'number' ? (count: number) => count === expected : expected;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await locator.count();
    if (accepts(count) || Date.now() >= deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function chooseOptions(page: Page, label: string, names: readonly string[]): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  for (const name of names) {
    await input.click();
    await input.fill(name);
    await page
      .getByRole('option', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .first()
      .click();
  }
  await page.keyboard.press('Escape');
}

/**
 * The built web app served by the embedded platform (demo data, a temporary DATA_DIR, a free
 * port) and one headless Chromium. One per spec file; each test takes a fresh context (its own
 * storage), so tests do not see each other's language choice.
 */
export class WebHarness {
  private constructor(
    readonly platform: PlatformClient,
    readonly browser: Browser,
  ) {}

  /** Closes what it started when a later step fails, then throws. */
  static async start(name: string): Promise<WebHarness> {
    const webRoot = await ensureWebBuild();
    const platform = await PlatformClient.start(name, { webRoot });
    try {
      return new WebHarness(platform, await launchChromium());
    } catch (error) {
      await platform.close();
      throw error;
    }
  }

  url(path: string): string {
    return new URL(path, this.platform.baseUrl).toString();
  }

  /** A fresh context for a reader whose browser speaks `language`; closed after `use`. */
  async withPage<T>(language: TestLanguage, use: (page: Page, context: BrowserContext) => Promise<T>) {
    // AxeBuilder needs a page of a context made by newContext(), not browser.newPage().
    const context = await this.browser.newContext({
      locale: BROWSER_LOCALE[language],
      viewport: { width: 1280, height: 800 },
    });
    try {
      return await use(await context.newPage(), context);
    } finally {
      await context.close();
    }
  }

  /**
   * Signs `username` (a demo user) in through the sign-in page, as a person would, and waits for
   * the workspace. The page's language is the context's (withPage).
   */
  async signIn(page: Page, username: string, language: TestLanguage): Promise<void> {
    const strings = webStrings('session', language);
    await page.goto(this.url('/login'), { waitUntil: 'domcontentloaded' });
    await page.getByLabel(strings.signIn.username).fill(username);
    await page.getByLabel(strings.signIn.password).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: strings.signIn.submit }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/office'));
    await page.getByRole('heading', { level: 1 }).waitFor();
  }

  async screenshot(page: Page, name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  }

  /** axe's serious and critical violations (WCAG 2.1 A and AA), one line each. */
  async seriousViolations(page: Page): Promise<string[]> {
    const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }

  async close(): Promise<void> {
    try {
      await this.browser.close();
    } finally {
      await this.platform.close();
    }
  }
}
