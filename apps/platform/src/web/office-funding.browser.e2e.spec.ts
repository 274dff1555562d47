import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import type { Locator, Page } from 'playwright-core';
import { eventually } from '../registry/testing/platform-client';
import { settledCount, TestLanguage, WebHarness, webStrings } from './testing/web-harness';

// The officer's Funding area in Chromium, against the real embedded platform and its demo data:
// an envelope opened and a call drafted, published and seen by the public, then the application
// board of a closed call, where an application is screened and evaluators named and removed.
jest.setTimeout(180_000);

const DEMO_CALL = 'call-icmd-phase-2-morocco';
const MD = 'assoc-migrations-et-developpement';

/** A date-time-local value (Casablanca) some days ahead. */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

describe('the back office: the officer’s funding workflows', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await WebHarness.start('office-funding-browser');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await web?.close();
  }, APP_STOP_TIMEOUT_MS);

  const checkPage = async (page: Page, name: string, language: TestLanguage) => {
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The page at rest: the theme's hover shade of a filled button (teal 8) is below 4.5:1.
    await page.mouse.move(0, 0);
    expect(await web.seriousViolations(page)).toEqual([]);
    await web.screenshot(page, `office-funding-${name}-${language}`);
  };

  /** A fieldset by its legend (the call form nests them: criterion, then its name). */
  const group = (scope: Page | Locator, name: string) => scope.getByRole('group', { name, exact: true });

  it.each(['fr', 'ar'] as const)(
    'in %s, the officer opens an envelope, drafts a call on it (a field error first), publishes it and the public sees it',
    async (language) => {
      const s = webStrings('office/funding', language);
      const office = webStrings('office', language);
      const envelopeId = `envelope-browser-${language}`;
      const callId = `call-browser-${language}`;
      const callTitle = language === 'fr' ? `Eau potable ${language}` : `الماء الصالح للشرب ${language}`;
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'officer', language);
        // The area's card on the workspace's home (the side navigation has the same link).
        await page.getByRole('link', { name: s.area.title }).last().click();
        await page.getByRole('heading', { level: 1, name: s.envelopes.title }).waitFor();
        // The demo's envelopes, each with its bar of disbursed, committed and remaining money.
        await page.getByRole('img').first().waitFor();
        expect(await settledCount(page.getByRole('img'), (n) => n >= 2)).toBeGreaterThanOrEqual(2);
        await checkPage(page, 'envelopes', language);

        await page.getByRole('link', { name: s.envelopes.open }).click();
        await page.getByRole('heading', { level: 1, name: s.openEnvelope.title }).waitFor();
        await page.getByLabel(s.openEnvelope.envelopeId).fill(envelopeId);
        await page.getByLabel(s.openEnvelope.programmeId).fill(`programme-browser-${language}`);
        await group(page, s.openEnvelope.name).getByLabel(office.form.languages.fr).fill(`Eau ${language}`);
        await page.getByLabel(s.openEnvelope.funderId).fill('actor-ministry');
        await page.getByLabel(s.openEnvelope.amount).fill('5000000');
        await page.getByLabel(s.openEnvelope.start).fill('2026-01-01');
        await page.getByLabel(s.openEnvelope.end).fill('2030-12-31');
        await checkPage(page, 'open-envelope', language);
        await page.getByRole('button', { name: s.openEnvelope.submit }).click();
        await page.waitForURL((url) => url.pathname === `/office/funding/envelopes/${envelopeId}`);
        await page.getByRole('heading', { level: 1, name: `Eau ${language}` }).waitFor();
        await checkPage(page, 'envelope', language);
        const envelope = await web.platform.get('officer', `/api/funding/envelopes/${envelopeId}`);
        expect(envelope.body).toMatchObject({
          status: 'open',
          amount: { amountMinor: 500000000, currency: 'MAD' },
        });

        // Drafting on it: the form comes with the envelope's programme and currency.
        await page.getByRole('link', { name: s.envelope.draftCall }).click();
        await page.getByRole('heading', { level: 1, name: s.callForm.draftTitle }).waitFor();
        await eventually(
          () => page.getByLabel(s.callForm.envelopeId).inputValue(),
          (value) => value === envelopeId,
          'the draft form filled from the envelope',
        );
        await page.getByLabel(s.callForm.callId).fill(callId);
        await group(page, s.callForm.callTitle).getByLabel(office.form.languages.fr).fill(callTitle);
        await group(page, s.callForm.summary).getByLabel(office.form.languages.fr).fill('Adduction d’eau.');
        await page.getByLabel(s.callForm.budget).fill('3000000');
        const criteria = group(page, s.callForm.criteria);
        const first = group(criteria, s.callForm.criterion.replace('{{number}}', '1'));
        await group(first, s.callForm.criterionName).getByLabel(office.form.languages.fr).fill('Pertinence');
        await first.getByLabel(s.callForm.weight).fill('60');
        const second = group(criteria, s.callForm.criterion.replace('{{number}}', '2'));
        await group(second, s.callForm.criterionName)
          .getByLabel(office.form.languages.fr)
          .fill('Faisabilité');
        await second.getByLabel(s.callForm.weight).fill('30');
        await page.getByLabel(s.callForm.deadline).fill(daysAhead(30));
        await page.getByRole('button', { name: s.callForm.saveDraft }).click();

        // Weights summing to 90: the platform's error, under the criteria it is about.
        const weightsError = criteria.getByRole('alert');
        await weightsError.waitFor();
        expect(await weightsError.textContent()).toContain('100');
        await checkPage(page, 'draft-call', language);
        await second.getByLabel(s.callForm.weight).fill('40');
        await page.getByRole('button', { name: s.callForm.saveDraft }).click();
        await page.waitForURL((url) => url.pathname === `/office/funding/calls/${callId}`);
        await page.getByRole('status').filter({ hasText: s.call.drafted }).waitFor();
        await checkPage(page, 'call-draft', language);

        // Editing the draft while someone else changes it: 412, reload, then the change goes through.
        await page.getByRole('link', { name: s.call.edit }).click();
        await page.getByRole('heading', { level: 1, name: s.callForm.editTitle }).waitFor();
        const read = await web.platform.get('officer', `/api/funding/calls/${callId}`);
        const meanwhile = await web.platform.patch(
          'officer',
          `/api/funding/calls/${callId}`,
          { summary: { fr: 'Adduction d’eau, résumé revu.' } },
          { 'If-Match': read.headers.get('etag') ?? '' },
        );
        expect(meanwhile.status).toBe(200);
        const titleInputs = group(page, s.callForm.callTitle);
        await titleInputs.getByLabel(office.form.languages.en).fill(`Drinking water ${language}`);
        await page.getByRole('button', { name: s.callForm.saveChanges }).click();
        await page.getByRole('alert').filter({ hasText: office.form.stale }).waitFor();
        await checkPage(page, 'edit-call', language);
        await page.getByRole('button', { name: office.form.reload }).click();
        // The reload refetches the call, then the form starts again from it: wait for it.
        await eventually(
          () => group(page, s.callForm.summary).getByLabel(office.form.languages.fr).inputValue(),
          (value) => value === 'Adduction d’eau, résumé revu.',
          'the draft reloaded with the change made meanwhile',
        );
        await titleInputs.getByLabel(office.form.languages.en).fill(`Drinking water ${language}`);
        await page.getByRole('button', { name: s.callForm.saveChanges }).click();
        await page.getByRole('status').filter({ hasText: s.call.revised }).waitFor();

        await page.getByRole('button', { name: s.call.publish }).click();
        await page.getByRole('status').filter({ hasText: s.call.published }).waitFor();
        // Closing before the deadline: the platform's 409, said as such.
        await page.getByRole('button', { name: s.call.close }).click();
        await page.getByRole('alert').filter({ hasText: s.call.stillOpen }).waitFor();
        await checkPage(page, 'call-published', language);
        const stored = await web.platform.get('anonymous', `/api/funding/calls/${callId}`);
        expect(stored.body).toMatchObject({
          status: 'published',
          envelopeId,
          budget: { amountMinor: 300000000 },
        });
        expect(stored.body.awardCriteria.criteria.map((c: { weight: number }) => c.weight)).toEqual([60, 40]);

        // The officer's list of calls: published, with its next step.
        await page.getByRole('link', { name: s.nav.calls, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: s.calls.title }).waitFor();
        const listed = page.getByRole('row').filter({ hasText: callTitle });
        await listed.getByText(s.callStatus.published).waitFor();
        await checkPage(page, 'calls', language);
        await listed.getByRole('link', { name: callTitle }).click();
        await page.getByRole('heading', { level: 1, name: callTitle }).waitFor();

        // The public's list of open calls has it.
        await page.getByRole('link', { name: s.call.publicPage }).click();
        await page.getByRole('heading', { level: 1, name: callTitle }).waitFor();
        await page.goto(web.url('/calls'), { waitUntil: 'domcontentloaded' });
        await page.getByRole('link', { name: callTitle }).waitFor();

        // Closing the envelope: what it means, the reason, then the confirmation.
        await page.goto(web.url(`/office/funding/envelopes/${envelopeId}`), {
          waitUntil: 'domcontentloaded',
        });
        await page.getByRole('button', { name: s.envelope.close }).click();
        await page.getByText(s.envelope.closeWarning).waitFor();
        await page.getByLabel(s.envelope.closeReason).fill('Programme arrêté par le bailleur.');
        await checkPage(page, 'envelope-close', language);
        await page.getByRole('button', { name: s.envelope.closeConfirm }).click();
        await page.getByRole('status').filter({ hasText: s.envelope.closed }).waitFor();
        await page.getByText(s.envelopes.status.closed, { exact: true }).waitFor();
        const closed = await web.platform.get('officer', `/api/funding/envelopes/${envelopeId}`);
        expect(closed.body.status).toBe('closed');
      });
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, the officer reads the demo call’s board, then screens an application and names and removes evaluators',
    async (language) => {
      const s = webStrings('office/funding', language);
      const { callId, applicationId } = await closedCallWithApplication(`board-${language}`);
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'officer', language);

        // The demo call (closed, both applications awarded): its board, then an award's tranches.
        await page.goto(web.url(`/office/funding/calls/${DEMO_CALL}/applications`), {
          waitUntil: 'domcontentloaded',
        });
        const demoRows = page.getByRole('row').filter({ hasText: s.applicationStatus.awarded });
        await demoRows.first().waitFor();
        expect(await settledCount(demoRows, 2)).toBe(2);
        await checkPage(page, 'board-demo', language);
        await demoRows.first().getByRole('link', { name: s.board.next.tranches }).click();
        await page.getByRole('heading', { level: 2, name: s.agreement.title }).waitFor();
        await page.getByRole('columnheader', { name: s.tranches.columns.tranche }).waitFor();
        await checkPage(page, 'application-awarded', language);

        // A call closed after its deadline, with M&D's submitted application.
        await page.goto(web.url(`/office/funding/calls/${callId}/applications`), {
          waitUntil: 'domcontentloaded',
        });
        const row = page.getByRole('row').filter({ hasText: s.applicationStatus.submitted });
        await row.waitFor();
        await checkPage(page, 'board', language);
        await row.getByRole('link', { name: s.board.next.screen }).click();
        await page.waitForURL((url) => url.pathname === `/office/funding/applications/${applicationId}`);
        await page.getByRole('button', { name: s.screening.screen }).click();
        await page.getByRole('status').filter({ hasText: s.screening.done }).waitFor();
        await page.getByText(s.screening.eligible).waitFor();
        await page.getByText(new RegExp(s.screening.rules['association-verified'])).waitFor();
        await checkPage(page, 'application-screened', language);

        // Naming M&D's own account: the registry links it to the applicant, the platform says so.
        await page.getByLabel(s.evaluators.evaluatorId).fill('user-association');
        await page.getByRole('button', { name: s.evaluators.assign }).click();
        const conflict = page.getByRole('alert').filter({ hasText: s.evaluators.conflictDetail });
        await conflict.waitFor();
        expect(await conflict.textContent()).toContain(MD);

        await page.getByLabel(s.evaluators.evaluatorId).fill('user-evaluator1');
        await page.getByRole('button', { name: s.evaluators.assign }).click();
        await page
          .getByRole('status')
          .filter({ hasText: s.evaluators.assigned.replace('{{id}}', 'user-evaluator1') })
          .waitFor();
        const evaluatorRow = page.getByRole('row').filter({ hasText: 'user-evaluator1' });
        await evaluatorRow.getByText(s.evaluators.status.assigned).waitFor();
        await checkPage(page, 'application-evaluators', language);

        await evaluatorRow.getByRole('button', { name: s.evaluators.remove }).click();
        await evaluatorRow.getByLabel(s.evaluators.removeReason).fill('Indisponible pendant la période.');
        await evaluatorRow.getByRole('button', { name: s.evaluators.removeConfirm }).click();
        await page
          .getByRole('status')
          .filter({ hasText: s.evaluators.removed.replace('{{id}}', 'user-evaluator1') })
          .waitFor();
        await evaluatorRow.getByText(s.evaluators.status.removed).waitFor();
        const stored = await web.platform.get('officer', `/api/funding/applications/${applicationId}`);
        const evaluators = Object.fromEntries(
          stored.body.evaluators.map((e: { evaluatorId: string; status: string }) => [
            e.evaluatorId,
            e.status,
          ]),
        );
        expect(evaluators).toEqual({ 'user-association': 'excluded', 'user-evaluator1': 'removed' });
      });
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, the officer records the agreement of an award, releases a tranche and reviews its report',
    async (language) => {
      const s = webStrings('office/funding', language);
      const applicationId = await awarded(`award-${language}`);
      const at = `/api/funding/applications/${applicationId}`;
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'officer', language);
        await page.goto(web.url(`/office/funding/applications/${applicationId}`), {
          waitUntil: 'domcontentloaded',
        });
        const agreement = page.getByRole('region', { name: s.agreement.title });
        await agreement.getByRole('button', { name: s.agreement.sign }).waitFor();
        // The parties the platform expects, filled in: the applicant and the envelope's funder (the ministry).
        await eventually(
          () => agreement.getByLabel(s.agreement.signatories).inputValue(),
          (value) => value === `${MD}\nactor-ministry`,
          'the signatories filled from the award',
        );
        await agreement.getByLabel(s.agreement.signedOn).fill(yesterday);
        const tranche = (n: number, label: string) =>
          agreement.getByLabel(label.replace('{{number}}', String(n)));
        await tranche(1, s.agreement.trancheAmount).fill('600000');
        await tranche(1, s.agreement.dueOn).fill('2027-01-15');
        await agreement.getByRole('button', { name: s.agreement.addTranche }).click();
        await tranche(2, s.agreement.trancheAmount).fill('400000');
        await tranche(2, s.agreement.dueOn).fill('2027-07-15');
        await checkPage(page, 'agreement-form', language);
        await agreement.getByRole('button', { name: s.agreement.sign }).click();
        await page.getByRole('status').filter({ hasText: s.agreement.signed }).waitFor();

        await page.getByRole('button', { name: s.tranches.release.replace('{{id}}', 't1') }).click();
        await page
          .getByRole('status')
          .filter({ hasText: s.tranches.releasedDone.replace('{{id}}', 't1') })
          .waitFor();
        const envelope = await web.platform.get(
          'officer',
          `/api/funding/envelopes/envelope-award-${language}`,
        );
        expect(envelope.body.disbursed).toEqual({ amountMinor: 60000000, currency: 'MAD' });
        await checkPage(page, 'tranches', language);

        // M&D reports; the officer returns the report with a comment, then approves the next one.
        const report = (summary: string) =>
          web.platform.post('association', `${at}/tranches/t1/report`, { summary });
        ok(await report('Réseau posé sur 6 km.'), 'report');
        await page.reload({ waitUntil: 'domcontentloaded' });
        const comment = page.getByLabel(s.tranches.comment.replace('{{id}}', 't1'));
        await comment.fill('Joindre les factures.');
        await checkPage(page, 'tranche-report', language);
        await page.getByRole('button', { name: s.tranches.return }).click();
        await page
          .getByRole('status')
          .filter({ hasText: s.tranches.returnedDone.replace('{{id}}', 't1') })
          .waitFor();
        ok(await report('Réseau posé sur 6 km, factures jointes.'), 'second report');
        await page.reload({ waitUntil: 'domcontentloaded' });
        await comment.fill('Conforme.');
        await page.getByRole('button', { name: s.tranches.approve }).click();
        await page
          .getByRole('status')
          .filter({ hasText: s.tranches.approvedDone.replace('{{id}}', 't1') })
          .waitFor();
        // The report approved, the next tranche is paid: the whole award is disbursed.
        await page.getByRole('button', { name: s.tranches.release.replace('{{id}}', 't2') }).click();
        await page
          .getByRole('status')
          .filter({ hasText: s.tranches.releasedDone.replace('{{id}}', 't2') })
          .waitFor();
        const stored = await web.platform.get('officer', at);
        expect(
          stored.body.agreement.tranches.map(
            (t: { report: { status: string } | null }) => t.report?.status ?? null,
          ),
        ).toEqual(['approved', null]);
        const paid = await web.platform.get('officer', `/api/funding/envelopes/envelope-award-${language}`);
        expect(paid.body.disbursed).toEqual({ amountMinor: 100000000, currency: 'MAD' });
      });
    },
  );

  const ok = (reply: { status: number; body: unknown }, what: string) => {
    if (reply.status >= 300) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  };

  /** Through the API: a call with a deadline seconds away, M&D's application submitted, the call closed. */
  async function closedCallWithApplication(tag: string): Promise<{ callId: string; applicationId: string }> {
    const envelopeId = `envelope-${tag}`;
    const callId = `call-${tag}`;
    const programmeId = `programme-${tag}`;
    ok(
      await web.platform.post('officer', '/api/funding/envelopes', {
        envelopeId,
        programmeId,
        name: { fr: `Enveloppe ${tag}` },
        funderId: 'actor-ministry',
        amount: { amountMinor: 500000000, currency: 'MAD' },
        period: { start: '2026-01-01', end: '2030-12-31' },
      }),
      'envelope',
    );
    const deadline = new Date(Date.now() + 4000);
    ok(
      await web.platform.post('officer', '/api/funding/calls', {
        callId,
        terms: {
          programmeId,
          envelopeId,
          title: { fr: `Appel ${tag}` },
          summary: { fr: 'Pour le tableau des demandes.' },
          budget: { amountMinor: 300000000, currency: 'MAD' },
          eligibility: { hostCountries: [], originRegions: [], sectors: [], minCoFinancingPercent: 10 },
          awardCriteria: {
            overallThreshold: 50,
            criteria: [{ criterionId: 'relevance', name: { fr: 'Pertinence' }, weight: 100, threshold: 0 }],
          },
          internationalSelection: false,
          evaluatorsPerProposal: 1,
          deadline: deadline.toISOString(),
        },
      }),
      'call',
    );
    ok(await web.platform.post('officer', `/api/funding/calls/${callId}/publish`), 'publish');
    const applicationId = `application-${tag}`;
    ok(
      await web.platform.post('association', '/api/funding/applications', {
        applicationId,
        callId,
        proposal: {
          title: { fr: `Eau potable à Tafraout ${tag}` },
          summary: { fr: 'Réseau de 12 km.' },
          sectors: ['14030'],
          region: { scheme: 'iso3166-2:2015', code: 'MA-09' },
          amountRequested: { amountMinor: 100000000, currency: 'MAD' },
          coFinancing: { amountMinor: 20000000, currency: 'MAD' },
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
    ok(await web.platform.post('association', `/api/funding/applications/${applicationId}/submit`), 'submit');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline.getTime() - Date.now() + 500)));
    ok(await web.platform.post('officer', `/api/funding/calls/${callId}/close`), 'close');
    await eventually(
      () => web.platform.get('officer', `/api/funding/calls/${callId}/applications`),
      (reply) => reply.body?.items?.[0]?.status === 'submitted',
      'the submitted application on the board',
    );
    return { callId, applicationId };
  }

  /** Through the API: screened, scored by one evaluator, recommended and awarded by the committee. */
  async function awarded(tag: string): Promise<string> {
    const { applicationId } = await closedCallWithApplication(tag);
    const at = `/api/funding/applications/${applicationId}`;
    ok(await web.platform.post('officer', `${at}/screen`), 'screen');
    ok(await web.platform.post('officer', `${at}/evaluators`, { evaluatorId: 'user-evaluator1' }), 'assign');
    ok(
      await web.platform.post('evaluator1', `${at}/declaration`, {
        hasConflict: false,
        statement: 'Aucun lien.',
      }),
      'declare',
    );
    ok(await web.platform.post('evaluator1', `${at}/dossier/open`), 'open');
    ok(
      await web.platform.post('evaluator1', `${at}/scores`, {
        scores: [{ criterionId: 'relevance', points: 80, comment: 'Besoin avéré, budget réaliste.' }],
      }),
      'score',
    );
    ok(await web.platform.post('committee', `${at}/consensus`), 'consensus');
    ok(
      await web.platform.post('committee', `${at}/recommendation`, {
        recommended: true,
        rationale: 'Premier.',
      }),
      'recommend',
    );
    ok(
      await web.platform.post('committee', `${at}/award`, { conditions: [], rationale: 'Dans l’enveloppe.' }),
      'award',
    );
    await eventually(
      () => web.platform.get('officer', at),
      (reply) => reply.body?.status === 'awarded',
      'the award',
    );
    return applicationId;
  }
});
