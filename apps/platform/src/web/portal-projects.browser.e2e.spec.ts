import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import type { Page } from 'playwright-core';
import { settledCount, TestLanguage, WebHarness, webStrings } from './testing/web-harness';

// The public portal's co-development projects in Chromium (no sign-in), against the real embedded
// platform and its Partnerships demo: Taroudant and Tiznit published, the Figuig replica not.
jest.setTimeout(180_000);

const TITLES = {
  taroudant: {
    fr: 'Eau potable et électrification des douars de la province de Taroudant',
    ar: 'الماء الصالح للشرب وكهربة دواوير إقليم تارودانت',
  },
  tiznit: {
    fr: 'Activités génératrices de revenus des femmes de Tiznit',
    ar: 'أنشطة مدرة للدخل لفائدة نساء تيزنيت',
  },
  figuig: {
    fr: 'Activités génératrices de revenus des femmes de Figuig (réplication)',
    ar: 'أنشطة مدرة للدخل لفائدة نساء فجيج (تكرار)',
  },
};
/** 1 800 000 + 1 200 000 + 150 000 MAD, as the reader's locale writes it. */
const TAROUDANT_BUDGET = { fr: '3.150.000,00 MAD', ar: '٣٬١٥٠٬٠٠٠٫٠٠ د.م.' };
const PERCENTS = { fr: ['60 %', '40 %'], ar: ['٦٠٪', '٤٠٪'] };

/** Text with its spaces made plain (Intl writes narrow and non-breaking ones) and bidi marks dropped. */
const plain = (text: string | null) =>
  (text ?? '')
    .replace(/[\s\u202f\u00a0]+/g, ' ')
    .replace(/[\u200e\u200f\u061c]/g, '')
    .trim();

async function checked(web: WebHarness, page: Page, name: string) {
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(await web.seriousViolations(page)).toEqual([]);
  await web.screenshot(page, name);
}

describe('the public portal: co-development projects', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await WebHarness.start('portal-projects-browser');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await web?.close();
  }, APP_STOP_TIMEOUT_MS);

  it.each(['fr', 'ar'] as const)(
    'in %s, anyone opens the map from the navigation, sees the published projects only, filters by region and reads the Taroudant project',
    async (language: TestLanguage) => {
      const s = webStrings('pages/projects', language);
      const nav = webStrings('pages/projects/nav', language);
      await web.withPage(language, async (page) => {
        await page.goto(web.url('/'), { waitUntil: 'domcontentloaded' });
        await page.getByRole('navigation').getByRole('link', { name: nav.nav, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: s.map.title }).waitFor();

        // The list and the map: Taroudant (two places) and Tiznit, not the unpublished Figuig replica.
        const list = page.getByRole('region', { name: s.list.title });
        await list.getByRole('link', { name: TITLES.taroudant[language], exact: true }).waitFor();
        await list.getByRole('link', { name: TITLES.tiznit[language], exact: true }).waitFor();
        expect(await page.getByText(TITLES.figuig[language]).count()).toBe(0);
        const map = page.getByRole('group', { name: s.map.label });
        await map.locator('a[data-project="project-taroudant-water-electrification"]').first().waitFor();
        expect(
          await settledCount(map.locator('a[data-project="project-taroudant-water-electrification"]'), 2),
        ).toBe(2);
        expect(await settledCount(map.locator('a[data-project="project-tiznit-income-generation"]'), 1)).toBe(
          1,
        );
        expect(await map.locator('a[data-project="project-figuig-income-generation"]').count()).toBe(0);
        // The figures per region: the two projects in Souss-Massa.
        const figures = page.getByRole('region', { name: s.figures.title });
        await figures.getByRole('row').nth(1).waitFor();
        expect(await settledCount(figures.getByRole('row'), 2)).toBe(2);
        await checked(web, page, `portal-projects-map-${language}`);

        // The Oriental (where the replica is, unpublished): nothing; Souss-Massa: both again.
        await page.getByRole('combobox', { name: s.map.region, exact: true }).selectOption('MA-02');
        await page.getByText(s.list.none).waitFor();
        expect(new URL(page.url()).searchParams.get('region')).toBe('MA-02');
        expect(await map.locator('a[data-project]').count()).toBe(0);
        await page.getByRole('combobox', { name: s.map.region, exact: true }).selectOption('MA-09');
        await list.getByRole('link', { name: TITLES.taroudant[language], exact: true }).waitFor();
        await list.getByRole('link', { name: TITLES.tiznit[language], exact: true }).waitFor();

        // The Taroudant project's page: title, sectors and their shares, budget in the locale.
        await list.getByRole('link', { name: TITLES.taroudant[language], exact: true }).click();
        await page.getByRole('heading', { level: 1, name: TITLES.taroudant[language] }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/projects/project-taroudant-water-electrification');
        const sectors = page.getByRole('region', { name: s.project.sectors });
        const shares = await sectors
          .getByRole('row')
          .evaluateAll((rows) => rows.slice(1).map((row) => row.lastElementChild?.textContent ?? ''));
        expect(shares.map(plain)).toEqual(PERCENTS[language].map(plain));
        const budget = page.getByRole('region', { name: s.project.budget });
        await budget.getByText(TAROUDANT_BUDGET[language].split(' ')[0], { exact: false }).first().waitFor();
        expect(plain(await budget.getByText(s.project.total.split('{{')[0].trim()).textContent())).toBe(
          plain(s.project.total.replace('{{amount}}', TAROUDANT_BUDGET[language])),
        );
        // Its carrier named as the Registry names it (an association), and a partner (an actor).
        const carrier = {
          fr: 'Porteur : Migrations et Développement (M&D)',
          ar: 'حامل المشروع: الهجرة والتنمية (M&D)',
        };
        await page.getByText(carrier[language], { exact: true }).waitFor();
        // Its agreement (not public: named, not linked) and the IATI file.
        await page
          .getByText(s.project.agreement.replace('{{id}}', 'agreement-souss-massa-water-electrification'))
          .waitFor();
        expect(await page.getByRole('link', { name: s.project.iati }).getAttribute('href')).toBe(
          '/api/partnerships/iati/activities.xml',
        );
        await checked(web, page, `portal-projects-taroudant-${language}`);

        // Tiznit belongs to the EU programme: its page links to the programme's public page.
        await page.goto(web.url('/projects/project-tiznit-income-generation'), {
          waitUntil: 'domcontentloaded',
        });
        await page.getByRole('heading', { level: 1, name: TITLES.tiznit[language] }).waitFor();
        const replication = page.getByRole('region', { name: s.project.replication });
        await replication.getByText(s.project.replicas).waitFor();
        const programmeLink = page.getByRole('link', {
          name: new RegExp(s.project.programme.split('{{')[0].trim()),
        });
        await programmeLink.click();
        await page.waitForURL('**/programmes/programme-eu-mobility-partnership-morocco');
        const projects = page.getByRole('region', { name: s.programme.projects });
        await projects.getByRole('link', { name: TITLES.tiznit[language], exact: true }).waitFor();
        await checked(web, page, `portal-projects-programme-${language}`);
      });
    },
  );

  it('an unpublished project has no public page', async () => {
    const s = webStrings('pages/projects', 'fr');
    await web.withPage('fr', async (page) => {
      await page.goto(web.url('/projects/project-figuig-income-generation'), {
        waitUntil: 'domcontentloaded',
      });
      await page.getByRole('heading', { level: 1, name: s.project.notFound }).waitFor();
    });
  });
});
