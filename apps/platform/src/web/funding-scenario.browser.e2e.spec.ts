import { createHash } from 'node:crypto';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import type { Locator, Page } from 'playwright-core';
import { eventually, Json } from '../registry/testing/platform-client';
import { chooseOptions, TestLanguage, WebHarness, webStrings } from './testing/web-harness';

// The README's funding scenario (steps 9 to 16) done in Chromium, in French and in Arabic, by each
// of its people on the embedded platform: the officer opens an envelope and a call, M&D applies,
// the officer closes, screens and names evaluators, three evaluators score, the committee awards
// (the envelope before and after), and the auditor replays the award with every decision recomputed.
jest.setTimeout(420_000);

/** The project description M&D attaches: the browser computes its SHA-256, the file stays with M&D. */
const DOCUMENT = Buffer.from('%PDF-1.4 Eau potable pour les douars, version déposée\n');
const DOCUMENT_SHA256 = createHash('sha256').update(DOCUMENT).digest('hex');
const SOUSS_MASSA: Record<TestLanguage, string> = { fr: 'Souss-Massa', ar: 'سوس ماسة' };

/**
 * An instant as the deadline field takes it: a local date-time in Casablanca, to the minute, as the
 * browser's own time-zone data says (it may differ from Node's: docs/web.md, "Dates").
 */
const casablancaMinute = (page: Page, instant: number): Promise<string> =>
  page.evaluate((at) => {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Africa/Casablanca',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(at));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
  }, instant);

const EVALUATORS = ['evaluator1', 'evaluator2', 'evaluator3'] as const;
/** Typed by each evaluator: the Arabic reader types Arabic-Indic digits too. */
const POINTS: Record<TestLanguage, readonly string[]> = { fr: ['75', '80', '85'], ar: ['٧٥', '80', '٨٥'] };

const CRITERIA = [
  { criterionId: 'relevance', name: { fr: 'Pertinence', ar: 'الملاءمة' }, weight: 40, threshold: 50 },
  {
    criterionId: 'feasibility',
    name: { fr: 'Faisabilité', ar: 'قابلية الإنجاز' },
    weight: 35,
    threshold: 40,
  },
  { criterionId: 'sustainability', name: { fr: 'Durabilité', ar: 'الاستدامة' }, weight: 25, threshold: 0 },
];

/** Each language's run has its own call and application, with titles of its own (one platform serves both). */
const TITLES = {
  fr: {
    call: { fr: 'Eau potable dans les douars du Souss-Massa', ar: 'الماء الصالح للشرب في دواوير سوس ماسة' },
    application: {
      fr: 'Eau potable pour six douars de Tafraout',
      ar: 'الماء الصالح للشرب لستة دواوير بتافراوت',
    },
  },
  ar: {
    call: { fr: 'Eau potable dans les douars de Tiznit', ar: 'الماء الصالح للشرب في دواوير تيزنيت' },
    application: {
      fr: 'Eau potable pour quatre douars de Tiznit',
      ar: 'الماء الصالح للشرب لأربعة دواوير بتيزنيت',
    },
  },
};

/** `{{name}}` placeholders of a UI string filled in, as i18next does. */
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/** An amount as shown, reduced to its digits (Latin), to compare with minor units in any locale. */
const digitsOf = (text: string) =>
  text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/\D/g, '');

describe('the README’s funding scenario through the web app', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await WebHarness.start('funding-scenario-browser');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await web?.close();
  }, APP_STOP_TIMEOUT_MS);

  /** A fieldset by its legend (the call form nests them: criterion, then its name). */
  const group = (scope: Page | Locator, name: string) => scope.getByRole('group', { name, exact: true });

  /**
   * README steps 9 to 12 through the UI: the officer opens an envelope and drafts, then publishes, a
   * call on it whose deadline is the next whole minute but one (the form takes minutes, Casablanca
   * time); M&D's account applies with a document fingerprinted in the browser and submits; once the
   * deadline has passed, the officer closes the call, screens the application and names three
   * evaluators. Each actor in a browser context of its own, in the reader's language.
   */
  async function prepare(language: TestLanguage) {
    const funding = webStrings('office/funding', language);
    const association = webStrings('office/association', language);
    const office = webStrings('office', language);
    const envelopeId = `envelope-web-scenario-${language}`;
    const callId = `call-web-scenario-${language}`;
    const deadline = Math.floor((Date.now() + 120_000) / 60_000) * 60_000;

    await web.withPage(language, async (page) => {
      await web.signIn(page, 'officer', language);
      await page.getByRole('link', { name: funding.area.title }).last().click();
      await page.getByRole('link', { name: funding.envelopes.open }).click();
      await page.getByLabel(funding.openEnvelope.envelopeId).fill(envelopeId);
      await page.getByLabel(funding.openEnvelope.programmeId).fill(`programme-web-scenario-${language}`);
      const envelopeName = group(page, funding.openEnvelope.name);
      await envelopeName.getByLabel(office.form.languages.fr).fill('Eau potable au Souss-Massa');
      await envelopeName.getByLabel(office.form.languages.ar).fill('الماء الصالح للشرب بسوس ماسة');
      await page.getByLabel(funding.openEnvelope.funderId).fill('actor-ministry');
      await page.getByLabel(funding.openEnvelope.amount).fill('5000000');
      await page.getByLabel(funding.openEnvelope.start).fill('2026-01-01');
      await page.getByLabel(funding.openEnvelope.end).fill('2028-12-31');
      await page.getByRole('button', { name: funding.openEnvelope.submit }).click();
      await page.waitForURL((url) => url.pathname === `/office/funding/envelopes/${envelopeId}`);

      await page.getByRole('link', { name: funding.envelope.draftCall }).click();
      await page.getByRole('heading', { level: 1, name: funding.callForm.draftTitle }).waitFor();
      await page.getByLabel(funding.callForm.callId).fill(callId);
      const callTitle = group(page, funding.callForm.callTitle);
      await callTitle.getByLabel(office.form.languages.fr).fill(TITLES[language].call.fr);
      await callTitle.getByLabel(office.form.languages.ar).fill(TITLES[language].call.ar);
      await group(page, funding.callForm.summary)
        .getByLabel(office.form.languages.fr)
        .fill('Projets d’adduction d’eau portés par des associations de la diaspora.');
      await page.getByLabel(funding.callForm.budget).fill('3000000');
      await page.getByRole('checkbox', { name: SOUSS_MASSA[language] }).check();
      await chooseOptions(page, funding.callForm.sectors, ['(14030)']);
      await page.getByLabel(funding.callForm.minCoFinancing).fill('10');
      const criteria = group(page, funding.callForm.criteria);
      await criteria.getByRole('button', { name: funding.callForm.addCriterion }).click();
      for (const [index, criterion] of CRITERIA.entries()) {
        const row = group(criteria, fill(funding.callForm.criterion, { number: String(index + 1) }));
        await row.getByLabel(funding.callForm.criterionId).fill(criterion.criterionId);
        const name = group(row, funding.callForm.criterionName);
        await name.getByLabel(office.form.languages.fr).fill(criterion.name.fr);
        await name.getByLabel(office.form.languages.ar).fill(criterion.name.ar);
        await row.getByLabel(funding.callForm.weight).fill(String(criterion.weight));
        await row.getByLabel(funding.callForm.threshold).fill(String(criterion.threshold));
      }
      await page.getByLabel(funding.callForm.overallThreshold).fill('60');
      await page.getByLabel(funding.callForm.deadline).fill(await casablancaMinute(page, deadline));
      await page.getByRole('button', { name: funding.callForm.saveDraft }).click();
      await page.waitForURL((url) => url.pathname === `/office/funding/calls/${callId}`);
      await page.getByRole('button', { name: funding.call.publish }).click();
      await page.getByRole('status').filter({ hasText: funding.call.published }).waitFor();
    });
    const call = (await web.platform.get('anonymous', `/api/funding/calls/${callId}`)).body;
    expect(call).toMatchObject({ status: 'published', deadline: new Date(deadline).toISOString() });

    let applicationId = '';
    await web.withPage(language, async (page) => {
      await web.signIn(page, 'association', language);
      await page.getByRole('link', { name: association.area.title }).last().click();
      await page.getByRole('link', { name: association.home.new }).click();
      await page.getByRole('heading', { level: 1, name: association.new.title }).waitFor();
      await page.getByLabel(association.form.call).selectOption(callId);
      const title = group(page, association.form.title);
      await title.getByLabel(office.form.languages.fr).fill(TITLES[language].application.fr);
      await title.getByLabel(office.form.languages.ar).fill(TITLES[language].application.ar);
      await group(page, association.form.summary)
        .getByLabel(office.form.languages.fr)
        .fill('Réseau de 12 km, réservoir et comité de gestion de l’eau.');
      await chooseOptions(page, association.form.sectors, ['(14030)']);
      await page.getByLabel(association.form.region).selectOption('MA-09');
      await page.getByLabel(association.form.amountRequested).fill('3 000 000');
      await page.getByLabel(association.form.coFinancing).fill('500 000');
      await page.getByRole('button', { name: association.documents.add }).click();
      await page
        .getByLabel(association.documents.file)
        .setInputFiles({ name: 'projet.pdf', mimeType: 'application/pdf', buffer: DOCUMENT });
      await eventually(
        () => page.getByLabel(association.documents.sha256).inputValue(),
        (value) => value === DOCUMENT_SHA256,
        'the fingerprint computed in the browser',
      );
      await page.getByRole('button', { name: association.form.save }).click();
      await page.getByRole('status').filter({ hasText: association.form.created }).waitFor();
      applicationId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
      await page.getByRole('button', { name: association.application.submit }).click();
      await page.getByRole('status').filter({ hasText: association.application.submitted }).waitFor();
    });
    const application = `/api/funding/applications/${applicationId}`;
    expect((await web.platform.get('officer', application)).body).toMatchObject({
      status: 'submitted',
      callId,
    });

    // README step 11: the call closes only once its deadline has passed.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now() + 1000)));
    await web.withPage(language, async (page) => {
      await web.signIn(page, 'officer', language);
      await page.goto(web.url(`/office/funding/calls/${callId}`), { waitUntil: 'domcontentloaded' });
      await page.getByRole('button', { name: funding.call.close }).click();
      await page.getByRole('status').filter({ hasText: funding.call.closed }).waitFor();
      await page.getByRole('link', { name: funding.call.board }).click();
      const row = page.getByRole('row').filter({ hasText: TITLES[language].application[language] });
      await row.getByRole('link', { name: funding.board.next.screen }).click();
      await page.getByRole('button', { name: funding.screening.screen }).click();
      await page.getByText(funding.screening.eligible).waitFor();
      for (const n of [1, 2, 3]) {
        await page.getByLabel(funding.evaluators.evaluatorId).fill(`user-evaluator${n}`);
        await page.getByRole('button', { name: funding.evaluators.assign }).click();
        await page
          .getByRole('status')
          .filter({ hasText: fill(funding.evaluators.assigned, { id: `user-evaluator${n}` }) })
          .waitFor();
      }
    });
    return { envelopeId, callId, applicationId, application };
  }

  /** axe on the page at rest (the pointer off the link it clicked), then its screenshot. */
  async function checkPage(page: Page, name: string) {
    await page.mouse.move(0, 0);
    expect(await web.seriousViolations(page)).toEqual([]);
    await web.screenshot(page, name);
  }

  /** An evaluator through the UI: declaration, opening, score sheet (a field error first if `overflow`). */
  async function evaluate(language: TestLanguage, n: number, applicationId: string, overflow: boolean) {
    const ui = webStrings('office/evaluation', language);
    const title = TITLES[language].application[language];
    await web.withPage(language, async (page) => {
      await web.signIn(page, EVALUATORS[n], language);
      await page.getByRole('link', { name: ui.area.title }).first().click();
      await page.getByRole('heading', { level: 1, name: ui.assignments.title }).waitFor();
      const line = page.getByRole('row').filter({ hasText: title });
      await line.getByText(ui.steps.declare).waitFor();
      if (n === 0) await checkPage(page, `evaluation-assignments-${language}`);

      await page.getByRole('link', { name: fill(ui.assignments.go, { title }) }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(
        await page.getByRole('listitem').filter({ hasText: ui.steps.declare }).getAttribute('aria-current'),
      ).toBe('step');
      if (n === 0) await checkPage(page, `evaluation-declaration-${language}`);
      await page.getByLabel(ui.declaration.noConflict, { exact: true }).check();
      await page.getByLabel(ui.declaration.statement).fill('Aucun lien avec le demandeur.');
      await page.getByRole('button', { name: ui.declaration.submit }).click();

      await page.getByRole('button', { name: ui.open.submit }).click();
      await page.getByRole('heading', { level: 2, name: ui.sheet.title }).waitFor();
      await page.getByRole('cell', { name: 'projet.pdf' }).waitFor();
      await page.getByText(DOCUMENT_SHA256).waitFor();
      if (n === 0) await checkPage(page, `evaluation-dossier-${language}`);

      const points = (criterion: (typeof CRITERIA)[number]) =>
        page.getByLabel(`${ui.sheet.points} — ${criterion.name[language]}`);
      for (const criterion of CRITERIA) {
        await points(criterion).fill(POINTS[language][n]);
        await page
          .getByLabel(`${ui.sheet.comment} — ${criterion.name[language]}`)
          .fill(`${POINTS[language][n]} : besoin avéré, budget réaliste.`);
      }
      if (overflow) {
        // 150 points: the platform refuses the sheet, its error shows next to that criterion's input only.
        await points(CRITERIA[0]).fill('150');
        await page.getByRole('button', { name: ui.sheet.submit }).click();
        await page.locator('[aria-invalid="true"]').first().waitFor();
        expect(await points(CRITERIA[0]).getAttribute('aria-invalid')).toBe('true');
        expect(await points(CRITERIA[1]).getAttribute('aria-invalid')).not.toBe('true');
        const describedBy = (await points(CRITERIA[0]).getAttribute('aria-describedby')) ?? '';
        const errorText = await page
          .locator(`[id="${describedBy.split(' ').find((id) => id.includes('error'))}"]`)
          .textContent();
        expect(errorText?.trim().length).toBeGreaterThan(0);
        await checkPage(page, `evaluation-score-error-${language}`);
        await points(CRITERIA[0]).fill(POINTS[language][n]);
      }
      await page.getByRole('button', { name: ui.sheet.submit }).click();
      await page.getByRole('heading', { level: 2, name: ui.myScores.title }).waitFor();
      await page.getByRole('status').filter({ hasText: ui.sheet.done }).waitFor();
      expect(await page.getByRole('button', { name: ui.sheet.submit }).count()).toBe(0);
      if (n === 0) await checkPage(page, `evaluation-scored-${language}`);
    });
  }

  it.each(['fr', 'ar'] as const)(
    'in %s: envelope and call, application, closing and screening, three evaluations, the committee’s award (the envelope before and after), the auditor’s replay',
    async (language) => {
      const { envelopeId, callId, applicationId, application } = await prepare(language);

      // The platform refuses to open a dossier before the declaration; the UI leads through it.
      const early = await web.platform.post('evaluator1', `${application}/dossier/open`);
      expect(early.status).toBe(409);

      for (const n of [0, 1, 2]) await evaluate(language, n, applicationId, n === 0);

      const stored = await web.platform.get('officer', application);
      expect(stored.body.evaluators.map((e: Json) => e.scores.map((s: Json) => s.points))).toEqual([
        [75, 75, 75],
        [80, 80, 80],
        [85, 85, 85],
      ]);
      await eventually(
        () => web.platform.get('committee', `/api/funding/calls/${callId}/applications`),
        (reply) => reply.body.items[0]?.evaluators.filter((e: Json) => e.scoredAt).length === 3,
        'the board shows the three score sheets',
      );

      const ui = webStrings('office/committee', language);
      const callTitle = TITLES[language].call[language];
      const title = TITLES[language].application[language];
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'committee', language);
        await page.getByRole('link', { name: ui.area.title }).first().click();
        await page.getByRole('heading', { level: 1, name: ui.calls.title }).waitFor();
        await checkPage(page, `committee-calls-${language}`);

        await page.getByRole('link', { name: fill(ui.calls.open, { title: callTitle }) }).click();
        await page.getByRole('heading', { level: 1, name: callTitle }).waitFor();
        await page.getByRole('heading', { level: 2, name: ui.ranking.title }).waitFor();
        await page.getByText(ui.ranking.empty).waitFor();
        await page
          .getByRole('button', { name: fill(ui.board.open, { action: ui.board.action.consensus, title }) })
          .click();

        // The ranking: rank 1, consensus 80.00 out of 100, in the funded set, the budget line under it.
        const ranked = page
          .getByRole('region', { name: ui.ranking.title })
          .getByRole('row')
          .filter({ hasText: title });
        await ranked.waitFor();
        const cells = await ranked.getByRole('cell').allTextContents();
        expect(digitsOf(cells[0])).toBe('1');
        expect(digitsOf(cells[3])).toBe('8000');
        expect(cells[5]).toBe(ui.ranking.reason.funded);
        await page.getByText(ui.ranking.budgetLine).waitFor();
        await checkPage(page, `committee-ranking-${language}`);

        await page
          .getByRole('link', { name: fill(ui.board.open, { action: ui.board.action.recommend, title }) })
          .click();
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.getByRole('heading', { level: 2, name: ui.consensus.title }).waitFor();
        await checkPage(page, `committee-recommendation-${language}`);
        await page.getByLabel(ui.recommendation.yes, { exact: true }).check();
        await page.getByLabel(ui.recommendation.rationale).fill('Premier du classement.');
        await page.getByRole('button', { name: ui.recommendation.submit }).click();
        await page.getByRole('status').filter({ hasText: ui.recommendation.done }).waitFor();

        // The award, with the envelope's remaining amount before (MAD 5,000,000) and after (MAD 2,000,000).
        await page.getByRole('heading', { level: 2, name: ui.award.title }).waitFor();
        const before = page.getByText(
          fill(ui.labelled, { label: ui.award.remainingBefore, value: '' }).trim(),
        );
        await before.waitFor();
        expect(digitsOf((await before.textContent()) ?? '')).toBe('500000000');
        await checkPage(page, `committee-award-${language}`);
        await page.getByLabel(ui.award.conditions).fill('Rapport financier semestriel');
        await page.getByLabel(ui.award.rationale).fill('Classé, dans la limite de l’enveloppe.');
        await page.getByRole('button', { name: ui.award.submit }).click();
        await page.getByRole('status').filter({ hasText: ui.award.done }).waitFor();
        const after = page.getByText(fill(ui.labelled, { label: ui.award.remainingAfter, value: '' }).trim());
        await after.waitFor();
        expect(digitsOf((await after.textContent()) ?? '')).toBe('200000000');
        expect(digitsOf((await before.textContent()) ?? '')).toBe('500000000');
        await page.getByText(ui.status.awarded).first().waitFor();
        await checkPage(page, `committee-awarded-${language}`);
      });

      const envelope = await web.platform.get('officer', `/api/funding/envelopes/${envelopeId}`);
      expect(envelope.body.remaining).toEqual({ amountMinor: 200000000, currency: 'MAD' });
      const awarded = await web.platform.get('officer', application);
      expect(awarded.body).toMatchObject({
        status: 'awarded',
        decision: { kind: 'award', amount: { amountMinor: 300000000, currency: 'MAD' }, envelopeId },
      });

      // README step 16: the auditor replays the award; every decision recomputed gives the same result.
      const audit = webStrings('office/audit', language);
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'auditor', language);
        await page.getByRole('link', { name: audit.area.title }).first().click();
        await page.getByRole('link', { name: audit.nav.applications }).click();
        const row = page.getByRole('row').filter({ hasText: applicationId });
        await row.getByRole('link', { name: audit.applications.replay }).click();
        await page
          .getByRole('heading', { level: 1, name: fill(audit.replay.title, { applicationId }) })
          .waitFor();
        await page.getByRole('status').filter({ hasText: audit.replay.same }).waitFor();
        await page.getByRole('cell', { name: /^GrantAwarded/ }).waitFor();
        await checkPage(page, `scenario-replay-${language}`);
      });
      const replay = (await web.platform.get('auditor', `/api/audit/applications/${applicationId}/replay`))
        .body;
      expect(replay.timeline.map((e: Json) => e.type)).toEqual(
        expect.arrayContaining(['GrantApplicationSubmitted', 'ConsensusScoreReached', 'GrantAwarded']),
      );
    },
  );
});
