import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS, repoRoot } from '@tadamon/testing';
import type { Page } from 'playwright-core';
import { settledCount, TestLanguage, WebHarness } from './testing/web-harness';
import { WEB_PAGES } from './testing/web-pages';

// The built web app in Chromium, served by the real embedded platform with its demo data
// (docs/testing.md, "Browser tests"). One browser for the file, a fresh context per test.
jest.setTimeout(60_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the app's own strings, read as data
const strings = (language: string): any =>
  JSON.parse(readFileSync(join(repoRoot(), `apps/web/src/i18n/locales/${language}.json`), 'utf8'));
const fr = strings('fr');
const ar = strings('ar');

interface Box {
  x: number;
  width: number;
}
async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not visible`);
  return found;
}
const center = (b: Box) => b.x + b.width / 2;

async function open(page: Page, path: string) {
  const response = await page.goto(path, { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { level: 1 }).waitFor();
  return response;
}

/** The centres of the navigation's first and last links. */
async function navLinkEdges(page: Page): Promise<[number, number]> {
  const links = page.locator('nav a');
  const first = await links.first().boundingBox();
  const last = await links.last().boundingBox();
  if (!first || !last) throw new Error('the navigation has no visible link');
  return [center(first), center(last)];
}

async function htmlAttributes(page: Page) {
  const html = page.locator('html');
  return { lang: await html.getAttribute('lang'), dir: await html.getAttribute('dir') };
}

describe('the web app in Chromium', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await WebHarness.start('browser');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await web?.close();
  }, APP_STOP_TIMEOUT_MS);

  it('a French reader gets <html lang="fr" dir="ltr"> and the navigation on the left', async () => {
    await web.withPage('fr', async (page) => {
      await open(page, web.url('/'));
      expect(await htmlAttributes(page)).toEqual({ lang: 'fr', dir: 'ltr' });
      await expectHeading(page, fr.home.title);
      const nav = await box(page, 'nav');
      const main = await box(page, 'main');
      // The navigation starts on the left and reads left to right (it grows with the pages).
      expect(nav.x).toBeLessThan(center(main));
      const [first, last] = await navLinkEdges(page);
      expect(first).toBeLessThan(last);
      const title = await box(page, 'h1');
      expect(title.x - main.x).toBeLessThan(40);
    });
  });

  it('an Arabic reader gets <html dir="rtl" lang="ar"> and the whole layout mirrored, navigation on the right', async () => {
    await web.withPage('ar', async (page) => {
      await open(page, web.url('/'));
      expect(await htmlAttributes(page)).toEqual({ lang: 'ar', dir: 'rtl' });
      await expectHeading(page, ar.home.title);
      const nav = await box(page, 'nav');
      const main = await box(page, 'main');
      // The navigation starts on the right and reads right to left.
      expect(nav.x + nav.width).toBeGreaterThan(center(main));
      const [first, last] = await navLinkEdges(page);
      expect(first).toBeGreaterThan(last);
      const title = await box(page, 'h1');
      expect(main.x + main.width - (title.x + title.width)).toBeLessThan(40);
    });
  });

  it('the language switch changes the page at once, without a reload, and is remembered after one', async () => {
    await web.withPage('ar', async (page) => {
      await open(page, web.url('/'));
      // A mark on the window: gone if the switch reloaded the page (the specs have no DOM types).
      await page.evaluate('window.sameDocument = true');
      await page.getByText(fr.languages.fr, { exact: true }).click();
      await expectHeading(page, fr.home.title);
      expect(await htmlAttributes(page)).toEqual({ lang: 'fr', dir: 'ltr' });
      expect(await page.evaluate('"sameDocument" in window')).toBe(true);

      await page.reload();
      await expectHeading(page, fr.home.title);
      expect(await htmlAttributes(page)).toEqual({ lang: 'fr', dir: 'ltr' });
      expect(await page.evaluate('"sameDocument" in window')).toBe(false);
    });
  });

  it('shows the programme in figures from the platform API (demo data)', async () => {
    const directory = await web.platform.call('anonymous', 'GET', '/api/registry/associations?pageSize=1');
    expect(directory.status).toBe(200);
    const associations: number = directory.body.total;
    expect(associations).toBeGreaterThan(0);
    const reply = await web.platform.call('anonymous', 'GET', '/api/registry/map/regions');
    expect(reply.status).toBe(200);
    const regions: { associations: number; names: { fr: string; ar: string } }[] = reply.body;
    const withAssociations = regions.find((r) => r.associations > 0);
    if (!withAssociations) throw new Error('the demo data has no association');
    const regionTable = (page: Page, title: string) =>
      page.getByRole('region', { name: title }).getByRole('table');

    await web.withPage('fr', async (page) => {
      await open(page, web.url('/'));
      await regionTable(page, fr.home.regions.title).waitFor();
      await expect(figure(page, fr.home.figures.associations)).resolves.toBe(String(associations));
      expect(
        await settledCount(regionTable(page, fr.home.regions.title).getByRole('row'), regions.length + 1),
      ).toBe(regions.length + 1);
      await page.getByRole('cell', { name: withAssociations.names.fr, exact: true }).waitFor();
      await page
        .getByRole('region', { name: fr.home.countries.title })
        .getByRole('cell', { name: 'France' })
        .waitFor();
    });
    await web.withPage('ar', async (page) => {
      await open(page, web.url('/'));
      await regionTable(page, ar.home.regions.title).waitFor();
      const arabicIndic = associations.toLocaleString('ar-MA-u-nu-arab');
      await expect(figure(page, ar.home.figures.associations)).resolves.toBe(arabicIndic);
      await page.getByRole('cell', { name: withAssociations.names.ar, exact: true }).waitFor();
    });
  });

  it('a deep link and its reload open the app (here its not-found page), with a way home', async () => {
    await web.withPage('fr', async (page) => {
      const first = await open(page, web.url('/associations/nobody?page=2'));
      expect(first?.status()).toBe(200);
      await expectHeading(page, fr.notFound.title);
      const reloaded = await page.reload();
      expect(reloaded?.status()).toBe(200);
      await expectHeading(page, fr.notFound.title);
      await page.getByRole('link', { name: fr.notFound.back }).click();
      await expectHeading(page, fr.home.title);
      expect(new URL(page.url()).pathname).toBe('/');
    });
  });

  describe.each(WEB_PAGES.map((p) => [p.name, p] as const))('the page %s', (_name, webPage) => {
    it.each<TestLanguage>(['ar', 'fr'])(
      'in %s has no serious or critical axe violation (WCAG 2.1 AA), and is screenshot',
      async (language) => {
        await web.withPage(language, async (page) => {
          await page.goto(web.url(webPage.path));
          await webPage.ready(page);
          expect((await htmlAttributes(page)).lang).toBe(language);
          await web.screenshot(page, `${webPage.name}.${language}`);
          expect(await web.seriousViolations(page)).toEqual([]);
        });
      },
    );
  });
});

/** Waits (a render may follow the click) for the page's h1 to read `text`; fails if it does not. */
async function expectHeading(page: Page, text: string) {
  const heading = page.getByRole('heading', { level: 1 });
  try {
    await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ timeout: 10_000 });
  } catch {
    throw new Error(`expected the page's h1 to read "${text}", it reads "${await heading.textContent()}"`);
  }
}

/** The value shown under a figure's label on the portal home. */
async function figure(page: Page, label: string): Promise<string | null> {
  const card = page.locator('.mantine-Card-root', { has: page.getByText(label, { exact: true }) });
  return card.locator('p').nth(1).textContent();
}
