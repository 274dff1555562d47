import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import type { Page } from 'playwright-core';
import { eventually, Json } from '../registry/testing/platform-client';
import { TestLanguage, WebHarness, webStrings } from './testing/web-harness';

// The README's funding scenario from the evaluations to the award (steps 12 to 15), done in
// Chromium by the evaluators and the committee, in French and in Arabic, against the embedded platform.
jest.setTimeout(240_000);

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

describe('the back office: evaluators and the selection committee', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await WebHarness.start('office-evaluation-browser');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await web?.close();
  }, APP_STOP_TIMEOUT_MS);

  /** Envelope, call (short deadline), M&D's application submitted, call closed, screened, three evaluators. */
  async function prepare(language: TestLanguage) {
    const api = web.platform;
    const envelopeId = `envelope-web-evaluation-${language}`;
    const programmeId = `programme-web-evaluation-${language}`;
    const callId = `call-web-evaluation-${language}`;
    const applicationId = `application-web-evaluation-${language}`;
    const ok = (reply: { status: number; body: Json }, what: string) => {
      if (reply.status >= 300) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply;
    };
    ok(
      await api.post('officer', '/api/funding/envelopes', {
        envelopeId,
        programmeId,
        name: { fr: 'Eau potable au Souss-Massa', ar: 'الماء الصالح للشرب بسوس ماسة' },
        funderId: 'actor-ministry',
        amount: { amountMinor: 500000000, currency: 'MAD' },
        period: { start: '2026-01-01', end: '2028-12-31' },
      }),
      'envelope',
    );
    const deadline = new Date(Date.now() + 6000).toISOString();
    ok(
      await api.post('officer', '/api/funding/calls', {
        callId,
        terms: {
          programmeId,
          envelopeId,
          title: TITLES[language].call,
          summary: { fr: 'Projets d’adduction d’eau portés par des associations de la diaspora.' },
          budget: { amountMinor: 300000000, currency: 'MAD' },
          eligibility: {
            hostCountries: [],
            originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
            sectors: ['14030'],
            minCoFinancingPercent: 10,
          },
          awardCriteria: { overallThreshold: 60, criteria: CRITERIA },
          internationalSelection: false,
          evaluatorsPerProposal: 3,
          deadline,
        },
      }),
      'call',
    );
    ok(await api.post('officer', `/api/funding/calls/${callId}/publish`), 'publish');
    const application = `/api/funding/applications/${applicationId}`;
    ok(
      await api.post('association', '/api/funding/applications', {
        applicationId,
        callId,
        proposal: {
          title: TITLES[language].application,
          summary: { fr: 'Réseau de 12 km, réservoir et comité de gestion de l’eau.' },
          sectors: ['14030'],
          region: { scheme: 'iso3166-2:2015', code: 'MA-09' },
          amountRequested: { amountMinor: 300000000, currency: 'MAD' },
          coFinancing: { amountMinor: 50000000, currency: 'MAD' },
          documents: [
            {
              documentId: 'doc-1',
              kind: 'project-description',
              name: 'projet.pdf',
              sha256: '9f2c0d5e8a1b4c7d6e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d',
            },
          ],
        },
      }),
      'application',
    );
    ok(await api.post('association', `${application}/submit`), 'submit');
    await eventually(
      () => api.post('officer', `/api/funding/calls/${callId}/close`),
      (reply) => reply.status === 200,
      'the call closed after its deadline',
      15_000,
    );
    ok(await api.post('officer', `${application}/screen`), 'screen');
    for (const n of [1, 2, 3])
      ok(
        await api.post('officer', `${application}/evaluators`, { evaluatorId: `user-evaluator${n}` }),
        'assign',
      );
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
      await page.getByText('9f2c0d5e8a1b4c7d6e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d').waitFor();
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
    'in %s, three evaluators declare, open and score through the UI; the committee reaches the consensus, ranks, recommends and awards, and sees the envelope before and after',
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
    },
  );
});
