import type { Page } from 'playwright-core';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { Json } from '../registry/testing/platform-client';
import { settledCount, WebHarness, webStrings } from './testing/web-harness';

// The projects area in Chromium, against the real embedded platform and its demo data: an officer
// reads the Taroudant project's results and IATI status, is refused approving the update they
// entered (four eyes), and a second officer approves it from the queue.
jest.setTimeout(180_000);

const PROJECT = 'project-taroudant-water-electrification';
const INDICATOR = 'households-connected';
const PENDING = 'hh-2017';
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => String(values[name]));
/** The number a cell shows, in Latin or Arabic-Indic digits, group separators left out. */
const digitsOf = (text: string | null) =>
  (text ?? '').replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[^0-9]/g, '');

// Approving hh-2017 changes the demo: each language has its own platform, where it is still pending.
describe.each(['fr', 'ar'] as const)('the back office: co-development projects, in %s', (language) => {
  let web: WebHarness;
  const strings = webStrings('office/projects', language);

  beforeAll(async () => {
    web = await WebHarness.start(`office-projects-browser-${language}`);
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await web?.close();
  }, APP_STOP_TIMEOUT_MS);

  const households = async () => {
    const { body } = await web.platform.get('officer', `/api/partnerships/projects/${PROJECT}/results`);
    const indicators: Json[] = body.results.flatMap((r: Json) => r.indicators);
    return indicators.find((i) => i.indicatorId === INDICATOR) as Json;
  };

  /** The households indicator's progress table and chart on the project page. */
  const indicatorOnPage = (page: Page, title: string) => ({
    table: page.getByRole('table', { name: fill(strings.indicator.progressCaption, { indicator: title }) }),
    chart: page.getByRole('img', {
      name: new RegExp(
        fill(strings.chart.title, { indicator: title, baseline: '.*' }).replace(/[()]/g, '\\$&'),
      ),
    }),
  });

  it('the officer reads the households indicator against its targets and the IATI status, and may not approve the update they entered', async () => {
    const project = (await web.platform.get('officer', `/api/partnerships/projects/${PROJECT}`)).body;
    const indicator = await households();
    const title: string = indicator.title[language];
    expect(indicator.updates.find((u: Json) => u.updateId === PENDING)).toMatchObject({
      status: 'pending',
      submittedBy: 'user-officer',
    });

    await web.withPage(language, async (page) => {
      await web.signIn(page, 'officer', language);
      await page.getByRole('link', { name: strings.area.title }).first().click();
      await page.getByRole('heading', { level: 1, name: strings.list.title }).waitFor();
      expect(await web.seriousViolations(page)).toEqual([]);
      await web.screenshot(page, `projects-list-${language}`);

      await page.getByRole('link', { name: project.title[language] }).click();
      await page.getByRole('heading', { level: 1, name: project.title[language] }).waitFor();

      // Each target period: its target and the approved value the platform computed (none yet for 2017).
      const { table, chart } = indicatorOnPage(page, title);
      await table.waitFor();
      const rows = table.getByRole('row');
      expect(await settledCount(rows, 1 + indicator.progress.length)).toBe(1 + indicator.progress.length);
      for (const [i, period] of (indicator.progress as Json[]).entries()) {
        const cells = rows.nth(i + 1).getByRole('cell');
        expect(digitsOf(await cells.nth(1).textContent())).toBe(String(period.target));
        expect(digitsOf(await cells.nth(2).textContent())).toBe(
          period.actual === null ? '' : String(period.actual),
        );
      }
      expect(indicator.progress[0].actual).not.toBeNull();
      expect(indicator.progress.at(-1).actual).toBeNull();
      expect(await chart.getAttribute('role')).toBe('img');
      expect(await chart.textContent()).toContain(strings.chart.noneApproved);

      // The IATI status: the published project's activity has no error.
      const iati = (await web.platform.get('officer', `/api/partnerships/projects/${PROJECT}/iati`)).body;
      expect(iati).toMatchObject({ published: true, valid: true, schemaErrors: [] });
      const iatiSection = page.getByRole('region', { name: strings.iati.title });
      await iatiSection.getByRole('status').filter({ hasText: strings.iati.valid }).waitFor();

      await page.mouse.move(0, 0);
      expect(await web.seriousViolations(page)).toEqual([]);
      await web.screenshot(page, `projects-project-${language}`);

      // Four eyes: the officer who entered hh-2017 is told another officer must decide.
      await page
        .getByRole('button', { name: fill(strings.decision.approveOne, { update: PENDING }) })
        .click();
      await page.getByRole('alert').filter({ hasText: strings.decision.fourEyesTitle }).waitFor();
      expect(await page.getByText(strings.decision.fourEyes).isVisible()).toBe(true);
      expect((await households()).updates.find((u: Json) => u.updateId === PENDING).status).toBe('pending');
      await page.mouse.move(0, 0);
      expect(await web.seriousViolations(page)).toEqual([]);
      await web.screenshot(page, `projects-four-eyes-${language}`);
    });
  });

  it('a second officer approves hh-2017 from the queue, and the chart counts it', async () => {
    const before = await households();
    const title: string = before.title[language];
    await web.withPage(language, async (page) => {
      await web.signIn(page, 'officer2', language);
      await page.getByRole('link', { name: strings.area.title }).first().click();
      await page.getByRole('link', { name: strings.queue.link }).click();
      await page.getByRole('heading', { level: 1, name: strings.queue.title }).waitFor();
      const row = page.getByRole('row').filter({ hasText: PENDING });
      await row.waitFor();
      expect(await web.seriousViolations(page)).toEqual([]);
      await web.screenshot(page, `projects-queue-${language}`);

      await row.getByRole('button', { name: fill(strings.decision.approveOne, { update: PENDING }) }).click();
      await page
        .getByRole('status')
        .filter({ hasText: fill(strings.decision.approved, { update: PENDING }) })
        .waitFor();
      const after = await households();
      expect(after.updates.find((u: Json) => u.updateId === PENDING)).toMatchObject({
        status: 'approved',
        decidedBy: 'user-officer2',
      });
      expect(after.progress.at(-1).actual).not.toBeNull();
      await page.getByRole('row').filter({ hasText: PENDING }).waitFor({ state: 'detached' });

      await page.goto(web.url(`/office/projects/${PROJECT}`), { waitUntil: 'domcontentloaded' });
      const { table, chart } = indicatorOnPage(page, title);
      await table.waitFor();
      const last = table.getByRole('row').nth(after.progress.length).getByRole('cell');
      expect(digitsOf(await last.nth(2).textContent())).toBe(String(after.progress.at(-1).actual));
      expect(await chart.textContent()).not.toContain(strings.chart.noneApproved);
      await page.mouse.move(0, 0);
      expect(await web.seriousViolations(page)).toEqual([]);
      await web.screenshot(page, `projects-approved-${language}`);
    });
  });
});
