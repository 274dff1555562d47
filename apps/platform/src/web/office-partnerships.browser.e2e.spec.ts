import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import type { Page } from 'playwright-core';
import { eventually } from '../registry/testing/platform-client';
import { settledCount, TestLanguage, WebHarness, webStrings } from './testing/web-harness';

// The partnerships area in Chromium, against the real embedded platform and its demo data:
// agreements (versions side by side, signatures, entry into force) and support requests.
jest.setTimeout(240_000);

const DEMO_AGREEMENT = 'agreement-souss-massa-water-electrification';
const ALP_ATLAS_REQUEST = 'support-alp-atlas-fundraising';
const ASSOCIATION_ID = 'assoc-migrations-et-developpement';

/** A number as the page writes it (Arabic: Arabic-Indic digits, the default). */
const count = (language: TestLanguage, n: number) =>
  new Intl.NumberFormat(language === 'ar' ? 'ar-MA-u-nu-arab' : 'fr-MA').format(n);
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? '');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the back office: partnerships (agreements and support requests)', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await WebHarness.start('office-partnerships-browser');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await web?.close();
  }, APP_STOP_TIMEOUT_MS);

  async function checkPage(page: Page, name: string): Promise<void> {
    expect(await web.seriousViolations(page)).toEqual([]);
    await web.screenshot(page, name);
  }

  it.each(['fr', 'ar'] as const)(
    'in %s, the officer reads the Souss-Massa agreement: version 1 and its renewal side by side, who signed when',
    async (language) => {
      const s = webStrings('office/partnerships', language);
      const api = await web.platform.get('officer', `/api/partnerships/agreements/${DEMO_AGREEMENT}`);
      expect(api.status).toBe(200);
      const versions = api.body.versions as { version: number; signatures: { signedOn: string }[] }[];
      expect(versions.map((v) => v.version)).toEqual([1, 2]);

      await web.withPage(language, async (page) => {
        await web.signIn(page, 'officer', language);
        await page.getByRole('link', { name: s.area.title }).first().click();
        await page.getByRole('heading', { level: 1, name: s.agreements.title }).waitFor();
        await checkPage(page, `partnerships-agreements-${language}`);

        await page.goto(web.url(`/office/partnerships/agreements/${DEMO_AGREEMENT}`), {
          waitUntil: 'domcontentloaded',
        });
        const object =
          language === 'ar' ? 'اتفاقية شراكة من أجل الماء' : 'Convention de partenariat pour l’eau';
        await page.getByRole('heading', { level: 1, name: new RegExp(escape(object)) }).waitFor();
        await page.getByText(s.status.expired).first().waitFor();

        for (const version of versions) {
          const column = page.getByRole('region', {
            name: fill(s.agreement.version, { version: count(language, version.version) }),
          });
          await column.waitFor();
          const signatures = column.getByRole('table');
          expect(await settledCount(signatures.getByRole('row'), 1 + 5)).toBe(1 + 5);
          for (const { signedOn } of version.signatures)
            await column.locator(`time[datetime="${signedOn}"]`).first().waitFor();
          expect(version.signatures).toHaveLength(5);
        }
        const renewal = page.getByRole('region', {
          name: fill(s.agreement.version, { version: count(language, 2) }),
        });
        await renewal.getByText(s.versionKind.renewal).waitFor();
        await renewal.locator('time[datetime="2018-06-30"]').first().waitFor();
        await checkPage(page, `partnerships-agreement-versions-${language}`);
      });
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, the officer drafts an agreement and submits it, the association signs for itself, the officer records the ministry’s signature: in force',
    async (language) => {
      const s = webStrings('office/partnerships', language);
      const office = webStrings('office', language);
      let agreementId = '';

      await web.withPage(language, async (page) => {
        await web.signIn(page, 'officer', language);
        await page.goto(web.url('/office/partnerships/agreements/new'), { waitUntil: 'domcontentloaded' });
        await page.getByRole('heading', { level: 1, name: s.draft.title }).waitFor();
        const object = page.getByRole('group', { name: s.draft.object });
        await object
          .getByLabel(office.form.languages.fr)
          .fill(`Convention d’essai du navigateur (${language})`);
        await object.getByLabel(office.form.languages.ar).fill(`اتفاقية تجريبية (${language})`);
        await page.getByLabel(s.draft.startDate).fill('2027-01-01');
        await page.getByLabel(s.draft.endDate).fill('2028-12-31');
        const ministry = page.getByRole('group', { name: fill(s.draft.party, { n: count(language, 1) }) });
        await ministry.getByLabel(fill(s.draft.commitment, { n: count(language, 1) })).fill('500000');
        const association = page.getByRole('group', { name: fill(s.draft.party, { n: count(language, 2) }) });
        await association.getByLabel(fill(s.draft.partyId, { n: count(language, 2) })).fill(ASSOCIATION_ID);
        await association.getByLabel(s.role.implementing).check();
        await checkPage(page, `partnerships-draft-${language}`);
        await page.getByRole('button', { name: s.draft.submit }).click();
        await page.getByRole('status').filter({ hasText: s.draft.done }).waitFor();
        agreementId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
        expect(agreementId).toMatch(/^agreement-/);

        await page.getByRole('button', { name: s.actions.submit }).click();
        await page.getByRole('status').filter({ hasText: s.actions.submitted }).waitFor();
        await page.getByRole('button', { name: s.actions.recordSignature }).waitFor();
      });

      await web.withPage(language, async (page) => {
        await web.signIn(page, 'association', language);
        await page.goto(web.url(`/office/partnerships/agreements/${agreementId}`), {
          waitUntil: 'domcontentloaded',
        });
        const sign = page.getByRole('button', { name: new RegExp(escape(s.actions.signOwn)) });
        await sign.waitFor();
        await checkPage(page, `partnerships-agreement-sign-${language}`);
        await sign.click();
        await page.getByRole('status').filter({ hasText: s.actions.signed }).waitFor();
      });
      const signed = await eventually(
        () => web.platform.get('officer', `/api/partnerships/agreements/${agreementId}`),
        (reply) => (reply.body.pending?.awaiting ?? []).length === 1,
        'the association’s signature in the read model',
      );
      expect(signed.body.pending.awaiting).toEqual(['actor-ministry']);

      await web.withPage(language, async (page) => {
        await web.signIn(page, 'officer', language);
        await page.goto(web.url(`/office/partnerships/agreements/${agreementId}`), {
          waitUntil: 'domcontentloaded',
        });
        await page.getByRole('button', { name: s.actions.recordSignature }).click();
        // The date field starts at today (a signature is never dated in the future).
        const signedOn = await page.getByLabel(s.actions.signedOn).inputValue();
        expect(signedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        await page.getByRole('button', { name: s.actions.record }).click();
        await page.getByRole('status').filter({ hasText: s.actions.inForce }).waitFor();
        await page.getByText(s.status['in-force']).first().waitFor();
        expect(
          await settledCount(page.locator(`time[datetime="${signedOn}"]`), (n) => n >= 2),
        ).toBeGreaterThanOrEqual(2);
        await checkPage(page, `partnerships-agreement-in-force-${language}`);
      });
      const inForce = await web.platform.get('officer', `/api/partnerships/agreements/${agreementId}`);
      expect(inForce.body.status).toBe('in-force');
      expect(inForce.body.versions[0].signatures.map((x: { partyId: string }) => x.partyId).sort()).toEqual([
        'actor-ministry',
        ASSOCIATION_ID,
      ]);
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, the officer takes a waiting support request from the queue and answers it with an introduction',
    async (language) => {
      const s = webStrings('office/partnerships', language);
      let requestId = ALP_ATLAS_REQUEST;
      let subject = 'Cofinancement d’une école de village';
      if (language === 'ar') {
        // The demo has one waiting request: in Arabic, the association asks for support through its form first.
        subject = 'دعم تقني لمشروع الماء';
        await web.withPage(language, async (page) => {
          await web.signIn(page, 'association', language);
          await page.goto(web.url('/office/partnerships/support/new'), { waitUntil: 'domcontentloaded' });
          await page.getByRole('heading', { level: 1, name: s.ask.title }).waitFor();
          await page.getByLabel(s.ask.subject).fill(subject);
          await page.getByLabel(s.ask.description).fill('نحتاج إلى دراسة هيدروجيولوجية قبل الأشغال.');
          await checkPage(page, `partnerships-support-ask-${language}`);
          await page.getByRole('button', { name: s.ask.submit }).click();
          await page.getByRole('status').filter({ hasText: s.ask.done }).waitFor();
          requestId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
        });
      }
      await eventually(
        () => web.platform.get('officer', `/api/partnerships/support-requests/${requestId}`),
        (reply) => reply.status === 200 && reply.body.status === 'received',
        'the waiting request',
      );

      await web.withPage(language, async (page) => {
        await web.signIn(page, 'officer', language);
        await page.goto(web.url('/office/partnerships/support'), { waitUntil: 'domcontentloaded' });
        await page.getByRole('heading', { level: 1, name: s.support.title }).waitFor();
        const row = page.getByRole('row').filter({ hasText: subject });
        await row.waitFor();
        await row.getByText(s.supportStatus.received).waitFor();
        await checkPage(page, `partnerships-support-queue-${language}`);
        await row.getByRole('link', { name: subject, exact: true }).click();

        await page.getByRole('heading', { level: 1, name: subject }).waitFor();
        await page.getByRole('button', { name: s.supportActions.assignMe }).click();
        await page.getByRole('status').filter({ hasText: s.supportActions.assigned }).waitFor();
        await page.getByRole('button', { name: s.supportActions.answerTitle }).click();
        await page.getByLabel(s.supportActions.answerKind).selectOption('introduction');
        await page.getByLabel(s.supportActions.actorId).selectOption('actor-cri-souss-massa');
        await page.getByLabel(s.supportActions.note).fill('Le CRI accompagne ce type de dossier.');
        await page.getByRole('button', { name: s.supportActions.answerSubmit }).click();
        await page.getByRole('status').filter({ hasText: s.supportActions.answered }).waitFor();
        await page.getByText(fill(s.support.stepAnswered, { officer: 'user-officer' })).waitFor();
        await checkPage(page, `partnerships-support-request-${language}`);
      });
      const answered = await web.platform.get('officer', `/api/partnerships/support-requests/${requestId}`);
      expect(answered.body).toMatchObject({
        status: 'answered',
        officerId: 'user-officer',
        answer: { kind: 'introduction', actorId: 'actor-cri-souss-massa' },
      });
    },
  );
});
