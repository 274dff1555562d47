import { readFileSync } from 'node:fs';
import { FUNDING_DEMO_IDS } from '@tadamon/funding';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { Json } from '../registry/testing/platform-client';
import { WebHarness, webStrings } from './testing/web-harness';

// The auditor's pages in Chromium, against the real embedded platform and its demo data.
jest.setTimeout(120_000);

const AWARDED = FUNDING_DEMO_IDS.applications.migrationsEtDeveloppement;
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => String(values[name]));

describe('the back office: audit', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await WebHarness.start('office-audit-browser');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await web?.close();
  }, APP_STOP_TIMEOUT_MS);

  it.each(['fr', 'ar'] as const)(
    'in %s, the auditor verifies the log, replays the awarded application now and before its award, and downloads its dossier',
    async (language) => {
      const audit = webStrings('office/audit', language);
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'auditor', language);
        await page.getByRole('link', { name: audit.area.title }).first().click();
        await page.getByRole('heading', { level: 1, name: audit.verify.title }).waitFor();

        // Verify: the progress of the started verification, then its green verdict.
        const before: Json[] = (await web.platform.get('auditor', '/api/audit/verifications')).body;
        await page.getByRole('button', { name: audit.verify.start }).click();
        // The bar starts at 0 % (no width: attached, not visible); the demo log verifies in a moment.
        const progress = page.getByRole('progressbar', { name: audit.verify.progress });
        await progress.waitFor({ state: 'attached' });
        expect(Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
        const verdict = page.getByRole('status').filter({ hasText: audit.verify.ok });
        await verdict.waitFor({ timeout: 60_000 });
        expect(await page.getByRole('progressbar').count()).toBe(0);
        const after: Json[] = (await web.platform.get('auditor', '/api/audit/verifications')).body;
        expect(after).toHaveLength(before.length + 1);
        expect(after[0]).toMatchObject({
          status: 'done',
          requestedBy: 'user-auditor',
          result: { verdict: 'ok' },
        });
        await page.getByRole('cell', { name: audit.verify.ok }).first().waitFor();
        // The pointer leaves the button it clicked: a hovered filled button is a lighter shade (the theme's).
        await page.mouse.move(0, 0);
        expect(await web.seriousViolations(page)).toEqual([]);
        await web.screenshot(page, `audit-verify-${language}`);

        // The applications the auditor reads, then the awarded one's replay as of now.
        await page.getByRole('link', { name: audit.nav.applications }).click();
        await page.getByRole('heading', { level: 1, name: audit.applications.title }).waitFor();
        const row = page.getByRole('row').filter({ hasText: AWARDED });
        await row.waitFor();
        expect(await web.seriousViolations(page)).toEqual([]);
        await web.screenshot(page, `audit-applications-${language}`);
        await row.getByRole('link', { name: audit.applications.replay }).click();

        await page
          .getByRole('heading', { level: 1, name: fill(audit.replay.title, { applicationId: AWARDED }) })
          .waitFor();
        await page.getByRole('status').filter({ hasText: audit.replay.same }).waitFor();
        const award = page.getByRole('cell', { name: /^GrantAwarded/ });
        await award.waitFor();
        const rowsNow = await page.getByRole('row').count();
        expect(await web.seriousViolations(page)).toEqual([]);
        await web.screenshot(page, `audit-replay-${language}`);

        // As of the event just before the award (the log records the demo within a second: its instant).
        const replay = (await web.platform.get('auditor', `/api/audit/applications/${AWARDED}/replay`)).body;
        const awardIndex = replay.timeline.findIndex((e: Json) => e.type === 'GrantAwarded');
        const previous = replay.timeline[awardIndex - 1];
        await page
          .getByRole('button', {
            name: fill(audit.replay.replayHereLabel, { type: previous.type, position: previous.position }),
          })
          .click();
        await page.waitForURL((url) => url.searchParams.get('asOf') === previous.recordedAt);
        // The award leaves the timeline once the replay as of that instant is shown.
        await award.waitFor({ state: 'detached' });
        await page.getByRole('status').filter({ hasText: audit.replay.same }).waitFor();
        await page.getByRole('cell', { name: new RegExp(`^${previous.type}`) }).waitFor();
        expect(await page.getByRole('row').count()).toBeLessThan(rowsNow);
        expect(await page.getByLabel(audit.replay.asOf).inputValue()).toMatch(
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/,
        );
        expect(await web.seriousViolations(page)).toEqual([]);
        await web.screenshot(page, `audit-replay-before-award-${language}`);

        // The dossier, in the reader's language, as of that moment.
        const downloading = page.waitForEvent('download');
        await page
          .getByRole('button', {
            name: fill(audit.replay.download, { language: audit.replay.languages[language] }),
          })
          .click();
        const download = await downloading;
        const day = previous.recordedAt.slice(0, 10);
        expect(download.suggestedFilename()).toBe(`dossier-${AWARDED}-${day}-${language}.html`);
        const html = readFileSync(await download.path(), 'utf8');
        expect(html).toMatch(new RegExp(`^<!DOCTYPE html>|<html[^>]* lang="${language}"`, 'i'));
        expect(html).toContain(`lang="${language}"`);
        expect(html).toContain(AWARDED);
        await page
          .getByRole('status')
          .filter({ hasText: fill(audit.replay.downloaded, { fileName: download.suggestedFilename() }) })
          .waitFor();
      });
    },
  );
});
