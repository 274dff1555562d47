import { createHash } from 'node:crypto';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import type { Locator, Page } from 'playwright-core';
import { eventually } from '../registry/testing/platform-client';
import { chooseOptions, TestLanguage, WebHarness, webStrings } from './testing/web-harness';

// The association's and the partner's back office in Chromium, against the real embedded platform.
jest.setTimeout(180_000);

const ASSOCIATION_ID = 'assoc-migrations-et-developpement';
const DOCUMENT = Buffer.from('%PDF-1.4 projet de Tafraout, version déposée\n');
/** A message the platform answers in the reader's language when the amount exceeds the call's budget. */
const ABOVE_BUDGET: Record<TestLanguage, string> = { fr: 'dépasse le budget', ar: 'يتجاوز الميزانية' };

describe('the back office of an association and of a partner', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await WebHarness.start('office-association-browser');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await web?.close();
  }, APP_STOP_TIMEOUT_MS);

  /** The demo's only call is closed: the officer opens an envelope and publishes a call of MAD 3,000,000. */
  async function openCall(key: string): Promise<{ callId: string; title: string }> {
    const envelopeId = `envelope-web-association-${key}`;
    const programmeId = `programme-web-association-${key}`;
    const callId = `call-web-association-${key}`;
    const title = `Eau potable dans les douars (${key})`;
    const envelope = await web.platform.post('officer', '/api/funding/envelopes', {
      envelopeId,
      programmeId,
      name: { fr: `Enveloppe ${key}` },
      funderId: 'actor-ministry',
      amount: { amountMinor: 500_000_000, currency: 'MAD' },
      period: { start: '2026-01-01', end: '2030-12-31' },
    });
    expect(envelope.status).toBe(201);
    const drafted = await web.platform.post('officer', '/api/funding/calls', {
      callId,
      terms: {
        programmeId,
        envelopeId,
        title: { fr: title, ar: `الماء الصالح للشرب في الدواوير (${key})` },
        summary: { fr: 'Projets d’adduction d’eau portés par des associations de la diaspora.' },
        budget: { amountMinor: 300_000_000, currency: 'MAD' },
        eligibility: {
          hostCountries: [],
          originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
          sectors: ['14030'],
          minCoFinancingPercent: 10,
        },
        awardCriteria: {
          overallThreshold: 60,
          criteria: [
            { criterionId: 'relevance', name: { fr: 'Pertinence' }, weight: 60, threshold: 50 },
            { criterionId: 'feasibility', name: { fr: 'Faisabilité' }, weight: 40, threshold: 40 },
          ],
        },
        internationalSelection: false,
        evaluatorsPerProposal: 3,
        deadline: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
      },
    });
    expect(drafted.status).toBe(201);
    expect((await web.platform.post('officer', `/api/funding/calls/${callId}/publish`)).status).toBe(200);
    return { callId, title };
  }

  /** axe and a screenshot once the page settled: a link just clicked fades to its active colour. */
  async function checkPage(page: Page, name: string): Promise<void> {
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.mouse.move(0, 0);
    await page.waitForFunction('document.getAnimations().every((a) => a.playState !== "running")');
    expect(await web.seriousViolations(page)).toEqual([]);
    await web.screenshot(page, name);
  }

  /** The error Mantine ties to an input (aria-describedby): the message shown next to that field. */
  async function errorOf(input: Locator): Promise<string> {
    const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).textContent()));
    return texts.join(' ');
  }

  const openArea = async (page: Page, language: TestLanguage, folder: string) => {
    const office = webStrings('office', language);
    const area = webStrings(folder, language);
    await page
      .getByRole('navigation', { name: office.workspace.navLabel })
      .getByRole('link', { name: area.area.title })
      .click();
  };

  it.each(['fr', 'ar'] as const)(
    'in %s, the association edits its profile, drafts an application (a field error first), edits and submits it',
    async (language) => {
      const s = webStrings('office/association', language);
      const office = webStrings('office', language);
      const { callId } = await openCall(language);
      const projectTitle = `Eau potable pour six douars de Tafraout (${language})`;
      const arabicTitle = `الماء الصالح للشرب لستة دواوير بتافراوت (${language})`;
      // The page shows the title in the reader's language.
      const shownTitle = language === 'ar' ? arabicTitle : projectTitle;
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'association', language);
        await openArea(page, language, 'office/association');
        await page.getByRole('heading', { level: 1, name: s.home.title }).waitFor();
        await checkPage(page, `association-applications-${language}`);

        // The profile, edited with If-Match.
        await page.getByRole('link', { name: s.home.profile }).click();
        await page.getByRole('heading', { level: 1, name: s.profile.title }).waitFor();
        await page.getByLabel(s.profile.acronym).waitFor();
        // Someone changes the profile meanwhile: saving answers 412, the page offers to reload.
        const meanwhile = await web.platform.patch(
          'association',
          `/api/registry/associations/${ASSOCIATION_ID}/profile`,
          { membersCount: language === 'fr' ? 120 : 121 },
        );
        expect(meanwhile.status).toBe(200);
        await page.getByLabel(s.profile.website).fill(`https://www.migdev.org/${language}`);
        await page.getByRole('button', { name: s.profile.save }).click();
        await page.getByRole('alert').filter({ hasText: office.form.stale }).waitFor();
        await page.getByRole('button', { name: office.form.reload }).click();
        await eventually(
          () => page.getByLabel(s.profile.membersCount).inputValue(),
          (value) => value === String(language === 'fr' ? 120 : 121),
          'the profile reloaded',
        );
        await page.getByLabel(s.profile.website).fill(`https://www.migdev.org/${language}`);
        await checkPage(page, `association-profile-${language}`);
        await page.getByRole('button', { name: s.profile.save }).click();
        await page.getByRole('status').filter({ hasText: s.profile.saved }).waitFor();
        const profile = await web.platform.get('anonymous', `/api/registry/associations/${ASSOCIATION_ID}`);
        expect(profile.body.profile.website).toBe(`https://www.migdev.org/${language}`);

        // A new application: the amount above the call's budget comes back under its field first.
        await page.getByRole('link', { name: s.application.back }).click();
        await page.getByRole('link', { name: s.home.new }).click();
        await page.getByRole('heading', { level: 1, name: s.new.title }).waitFor();
        await page.getByLabel(s.form.call).selectOption(callId);
        const title = page.getByRole('group', { name: s.form.title });
        await title.getByLabel(office.form.languages.fr).fill(projectTitle);
        await title.getByLabel(office.form.languages.ar).fill(arabicTitle);
        await page
          .getByRole('group', { name: s.form.summary })
          .getByLabel(office.form.languages.fr)
          .fill('Réseau de 12 km, réservoir et comité de gestion de l’eau.');
        await chooseOptions(page, s.form.sectors, ['(14030)']);
        await page.getByLabel(s.form.region).selectOption('MA-09');
        const amount = page.getByLabel(s.form.amountRequested);
        await amount.fill('5 000 000');
        await page.getByLabel(s.form.coFinancing).fill('500 000');
        await page.getByRole('button', { name: s.documents.add }).click();
        await page.getByLabel(s.documents.file).setInputFiles({
          name: 'projet.pdf',
          mimeType: 'application/pdf',
          buffer: DOCUMENT,
        });
        const sha256 = createHash('sha256').update(DOCUMENT).digest('hex');
        await eventually(
          () => page.getByLabel(s.documents.sha256).inputValue(),
          (value) => value === sha256,
          'the fingerprint computed in the browser',
        );
        expect(await page.getByLabel(s.documents.name).inputValue()).toBe('projet.pdf');
        await page.getByText(s.documents.notUploaded).waitFor();
        await checkPage(page, `association-new-application-${language}`);

        await page.getByRole('button', { name: s.form.save }).click();
        await eventually(
          () => errorOf(amount),
          (text) => text.includes(ABOVE_BUDGET[language]),
          'the platform’s error under the amount requested',
        );
        expect(page.url()).toContain('/office/association/applications/new');
        await web.screenshot(page, `association-new-application-error-${language}`);

        await amount.fill('2 500 000');
        await page.getByRole('button', { name: s.form.save }).click();
        await page.getByRole('status').filter({ hasText: s.form.created }).waitFor();
        await page.getByRole('heading', { level: 1, name: shownTitle }).waitFor();
        await checkPage(page, `association-application-${language}`);
        const applicationId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
        const drafted = await web.platform.get('association', `/api/funding/applications/${applicationId}`);
        expect(drafted.body).toMatchObject({
          status: 'draft',
          callId,
          proposal: {
            amountRequested: { amountMinor: 250_000_000, currency: 'MAD' },
            coFinancing: { amountMinor: 50_000_000, currency: 'MAD' },
            documents: [expect.objectContaining({ name: 'projet.pdf', kind: 'project-description', sha256 })],
          },
        });

        // The draft, edited with If-Match, then submitted.
        await page.getByRole('link', { name: s.application.edit }).click();
        await page.getByRole('heading', { level: 1, name: s.edit.title }).waitFor();
        const summary = page
          .getByRole('group', { name: s.form.summary })
          .getByLabel(office.form.languages.fr);
        await summary.fill('Réseau de 12 km, deux réservoirs et comité de gestion de l’eau.');
        await checkPage(page, `association-edit-application-${language}`);
        await page.getByRole('button', { name: s.form.save }).click();
        await page.getByRole('status').filter({ hasText: s.form.saved }).waitFor();

        await page.getByRole('button', { name: s.application.submit }).click();
        await page.getByRole('status').filter({ hasText: s.application.submitted }).waitFor();
        await page.getByText(s.status.submitted).first().waitFor();
        const submitted = await web.platform.get('association', `/api/funding/applications/${applicationId}`);
        expect(submitted.body.status).toBe('submitted');
        expect(submitted.body.proposal.summary.fr).toBe(
          'Réseau de 12 km, deux réservoirs et comité de gestion de l’eau.',
        );

        // In "my applications", with its status and next step.
        await page.getByRole('link', { name: s.application.back }).click();
        const row = page.getByRole('row').filter({ hasText: shownTitle });
        await row.waitFor();
        expect(await row.textContent()).toContain(s.status.submitted);
        expect(await row.textContent()).toContain(s.next.screening);
      });
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, the association withdraws an application with a confirmed reason; it is no longer withdrawable',
    async (language) => {
      const s = webStrings('office/association', language);
      const { callId } = await openCall(`${language}-withdraw`);
      const applicationId = `application-web-withdraw-${language}`;
      const drafted = await web.platform.post('association', '/api/funding/applications', {
        applicationId,
        callId,
        proposal: {
          title: { fr: `Projet à retirer (${language})`, ar: `مشروع للسحب (${language})` },
          summary: { fr: 'Un projet que l’association retire.' },
          sectors: ['14030'],
          region: { scheme: 'iso3166-2:2015', code: 'MA-09' },
          amountRequested: { amountMinor: 100_000_000, currency: 'MAD' },
          coFinancing: { amountMinor: 20_000_000, currency: 'MAD' },
          documents: [],
        },
      });
      expect(drafted.status).toBe(201);
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'association', language);
        await page.goto(web.url(`/office/association/applications/${applicationId}`), {
          waitUntil: 'domcontentloaded',
        });
        await page.getByRole('heading', { level: 1, name: `(${language})` }).waitFor();
        // The button opens what withdrawing does and the reason; the user then confirms.
        await page.getByRole('button', { name: s.application.withdraw.title }).click();
        await page.getByText(s.application.withdraw.confirm).waitFor();
        await page.getByLabel(s.application.withdraw.reason).fill('Le projet est financé autrement.');
        await page.getByRole('button', { name: s.application.withdraw.submit }).click();
        await page.getByRole('status').filter({ hasText: s.application.withdraw.done }).waitFor();
        await page.getByText(s.next.closed).waitFor();
        expect(await page.getByRole('button', { name: s.application.withdraw.title }).count()).toBe(0);
        await checkPage(page, `association-application-withdrawn-${language}`);
        const withdrawn = await web.platform.get('association', `/api/funding/applications/${applicationId}`);
        expect(withdrawn.body.status).toBe('withdrawn');
      });
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, the partner edits its organisation, publishes a need, sees its matches with reasons, matches and closes it',
    async (language) => {
      const s = webStrings('office/partner', language);
      const office = webStrings('office', language);
      const needTitle = `Adduction d’eau potable à Tafraout (${language})`;
      const arabicTitle = `تزويد تافراوت بالماء الصالح للشرب (${language})`;
      const shownTitle = language === 'ar' ? arabicTitle : needTitle;
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'partner', language);
        await openArea(page, language, 'office/partner');
        await page.getByRole('heading', { level: 1, name: s.home.title }).waitFor();
        await page.getByRole('row').nth(1).waitFor();
        await checkPage(page, `partner-needs-${language}`);

        await page.getByRole('link', { name: s.home.organisation }).click();
        await page.getByRole('heading', { level: 1, name: s.organisation.title }).waitFor();
        const names = page.getByRole('group', { name: s.organisation.names });
        await names
          .getByLabel(office.form.languages.en)
          .fill(`Souss-Massa Regional Investment Centre (${language})`);
        await checkPage(page, `partner-organisation-${language}`);
        await page.getByRole('button', { name: s.organisation.save }).click();
        await page.getByRole('status').filter({ hasText: s.organisation.saved }).waitFor();
        const actor = await web.platform.get('anonymous', '/api/registry/actors/actor-cri-souss-massa');
        expect(actor.body.names.en).toBe(`Souss-Massa Regional Investment Centre (${language})`);

        await page.getByRole('link', { name: s.need.back }).click();
        await page.getByRole('link', { name: s.home.publish }).click();
        await page.getByRole('heading', { level: 1, name: s.publish.title }).waitFor();
        await eventually(
          () => page.getByLabel(s.publish.region).inputValue(),
          (value) => value === 'MA-09',
          'the region of the organisation chosen',
        );
        await chooseOptions(page, s.publish.province, [language === 'ar' ? 'تيزنيت' : 'Tiznit']);
        await page.getByLabel(s.publish.sector).selectOption('14030');
        await page.getByLabel(s.publish.priority).selectOption('high');
        const title = page.getByRole('group', { name: s.publish.needTitle });
        await title.getByLabel(office.form.languages.fr).fill(needTitle);
        await title.getByLabel(office.form.languages.ar).fill(arabicTitle);
        await page
          .getByRole('group', { name: s.publish.description })
          .getByLabel(office.form.languages.fr)
          .fill('Réseau de 12 km et réservoir pour six douars.');
        await page.getByLabel(s.publish.budget).fill('3 500 000');
        await checkPage(page, `partner-publish-need-${language}`);
        await page.getByRole('button', { name: s.publish.submit }).click();
        await page.getByRole('status').filter({ hasText: s.publish.done }).waitFor();
        await page.getByRole('heading', { level: 1, name: shownTitle }).waitFor();

        // The matches, with the reasons of each score in the reader's language.
        const matches = page.getByRole('region', { name: s.matches.title });
        const migdev = matches
          .getByRole('row')
          .filter({ hasText: /Migrations et Développement|الهجرة والتنمية/ });
        await migdev.waitFor();
        const reason = language === 'fr' ? 'Ses membres sont originaires' : 'أعضاؤها منحدرون';
        expect(await migdev.textContent()).toContain(reason);
        await checkPage(page, `partner-need-${language}`);
        const needId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

        await migdev.getByRole('checkbox').check();
        await page.getByRole('button', { name: s.matches.record }).click();
        await page.getByRole('status').filter({ hasText: s.matches.done }).waitFor();
        await page.getByText(s.status.matched).first().waitFor();

        await page.getByLabel(s.closing.addressed.note).fill('Financé par le programme de l’OIM.');
        await page.getByRole('button', { name: s.closing.addressed.submit }).click();
        await page.getByRole('status').filter({ hasText: s.closing.addressed.done }).waitFor();
        await page.getByText(s.closing.closed.addressed).waitFor();
        const need = await web.platform.get('partner', `/api/registry/needs/${needId}`);
        expect(need.body).toMatchObject({ status: 'addressed', associationIds: [ASSOCIATION_ID] });

        // Its list shows it past "open".
        await page.getByRole('link', { name: s.need.back }).click();
        const row = page.getByRole('row').filter({ hasText: shownTitle });
        await row.waitFor();
        expect(await row.textContent()).toContain(s.status.addressed);
      });
    },
  );
});
