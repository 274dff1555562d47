import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { TRAINING_DEMO_IDS } from '@tadamon/training';
import type { Page } from 'playwright-core';
import { eventually, Json } from '../registry/testing/platform-client';
import { DEMO_PASSWORD, settledCount, TestLanguage, WebHarness, webStrings } from './testing/web-harness';

// The public training pages in Chromium, against the embedded platform and its Training demo:
// Paris, Brussels and Madrid open for enrolment; Agadir held, its two certificates issued, the
// Figuig project manager's revoked.
jest.setTimeout(240_000);

const IDS = TRAINING_DEMO_IDS;
const MODULE_TITLES = {
  fundraising: { fr: 'Recherche de financements', ar: 'البحث عن التمويل' },
  financialReporting: { fr: 'Rapports financiers', ar: 'التقارير المالية' },
};
/** The session each language's trainee enrols in through the page. */
const ENROL_IN = {
  fr: { sessionId: IDS.sessions.paris, title: MODULE_TITLES.fundraising.fr },
  ar: { sessionId: IDS.sessions.madrid, title: MODULE_TITLES.financialReporting.ar },
};

async function checked(web: WebHarness, page: Page, name: string) {
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(await web.seriousViolations(page)).toEqual([]);
  await web.screenshot(page, name);
}

/** Signs in on the sign-in page the app sent the reader to, and waits to be sent back. */
async function signInHere(page: Page, username: string, language: TestLanguage, back: string) {
  const strings = webStrings('session', language);
  await page.getByLabel(strings.signIn.username).fill(username);
  await page.getByLabel(strings.signIn.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: strings.signIn.submit }).click();
  await page.waitForURL((url) => url.pathname === back);
}

describe('the public portal: training', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await WebHarness.start('portal-training-browser');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await web?.close();
  }, APP_STOP_TIMEOUT_MS);

  it.each(['fr', 'ar'] as const)(
    'in %s, anyone opens the catalogue from the navigation, sees the open sessions, filters by country and reads a session',
    async (language: TestLanguage) => {
      const s = webStrings('pages/training', language);
      const nav = webStrings('pages/training/nav', language);
      await web.withPage(language, async (page) => {
        await page.goto(web.url('/'), { waitUntil: 'domcontentloaded' });
        await page.getByRole('navigation').getByRole('link', { name: nav.nav, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: s.catalogue.title }).waitFor();

        const sessions = page.getByRole('region', { name: s.catalogue.sessions });
        for (const id of [IDS.sessions.paris, IDS.sessions.brussels, IDS.sessions.madrid])
          await sessions.locator(`tr[data-session="${id}"]`).waitFor();
        // Agadir is held and closed: not open for enrolment.
        expect(await sessions.locator(`tr[data-session="${IDS.sessions.agadir}"]`).count()).toBe(0);
        expect(await settledCount(sessions.getByRole('row'), 4)).toBe(4);
        // The Paris row: its module's title in the reader's language, its seats in the reader's digits.
        const paris = sessions.locator(`tr[data-session="${IDS.sessions.paris}"]`);
        await paris.getByRole('link', { name: MODULE_TITLES.fundraising[language] }).waitFor();
        const seats = s.catalogue.seatsFree.replace('{{seats}}', language === 'ar' ? '٢٥' : '25');
        await paris.getByText(seats).waitFor();
        // The modules and the path.
        await page
          .getByRole('region', { name: s.catalogue.modules })
          .getByRole('heading', { level: 3 })
          .first()
          .waitFor();
        expect(
          await page
            .getByRole('region', { name: s.catalogue.modules })
            .getByRole('heading', { level: 3 })
            .count(),
        ).toBe(4);
        await page.getByRole('region', { name: s.catalogue.paths }).getByRole('listitem').first().waitFor();
        await checked(web, page, `portal-training-${language}`);

        // The country filter: France only, in the address.
        await page.getByRole('combobox', { name: s.catalogue.country, exact: true }).selectOption('FR');
        await page.waitForURL((url) => url.searchParams.get('country') === 'FR');
        await eventually(
          () => sessions.getByRole('row').count(),
          (rows) => rows === 2,
          'the Paris session alone',
        );
        await paris.waitFor();
        // A reload keeps the filter.
        await page.reload({ waitUntil: 'domcontentloaded' });
        await paris.waitFor();
        expect(await sessions.locator(`tr[data-session="${IDS.sessions.brussels}"]`).count()).toBe(0);

        // The session's page: its module, place, sittings (two) and seats.
        await paris.getByRole('link').click();
        await page.getByRole('heading', { level: 1, name: MODULE_TITLES.fundraising[language] }).waitFor();
        expect(new URL(page.url()).pathname).toBe(`/training/sessions/${IDS.sessions.paris}`);
        const sittings = page.getByRole('region', { name: s.session.sittings });
        expect(await settledCount(sittings.getByRole('row'), 3)).toBe(3);
        await page.getByText(s.session.timezone.replace('{{timezone}}', 'Europe/Paris')).waitFor();
        await page.getByText(s.session.trainers.replace('{{trainers}}', IDS.users.trainer)).waitFor();
        // A visitor is offered to sign in, and comes back here.
        const signIn = page.getByRole('link', { name: s.session.enrol.signIn });
        expect(await signIn.getAttribute('href')).toBe(
          `/login?next=${encodeURIComponent(`/training/sessions/${IDS.sessions.paris}`)}`,
        );
        await checked(web, page, `portal-training-session-${language}`);
      });
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, the demo trainee signs in from a session’s page and enrols: confirmed, with a link to their enrolments',
    async (language: TestLanguage) => {
      const s = webStrings('pages/training', language);
      const { sessionId, title } = ENROL_IN[language];
      const before = await web.platform.get('anonymous', `/api/training/sessions/${sessionId}`);
      await web.withPage(language, async (page) => {
        await page.goto(web.url(`/training/sessions/${sessionId}`), { waitUntil: 'domcontentloaded' });
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.getByRole('link', { name: s.session.enrol.signIn }).click();
        await signInHere(page, 'trainee', language, `/training/sessions/${sessionId}`);
        await page.getByRole('button', { name: s.session.enrol.submit }).click();
        const answer = page.getByRole('status').filter({ hasText: s.session.enrol.confirmed });
        await answer.waitFor();
        expect(await answer.getByRole('link', { name: s.session.enrol.mine }).getAttribute('href')).toBe(
          '/office/learning',
        );
        await checked(web, page, `portal-training-enrolled-${language}`);
      });
      // The API counts one more confirmed seat.
      const after = await eventually(
        () => web.platform.get('anonymous', `/api/training/sessions/${sessionId}`),
        (r) => r.body.seatsFree === before.body.seatsFree - 1,
        'one seat fewer',
      );
      expect(after.body.confirmed).toBe(before.body.confirmed + 1);
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, anyone verifies the demo certificates: Agadir’s valid, Figuig’s revoked; a pasted credential too',
    async (language: TestLanguage) => {
      const s = webStrings('pages/training', language);
      const certificates = await eventually(
        () => web.platform.get('officer', '/api/training/certificates?pageSize=50'),
        (r) => r.status === 200 && r.body.items.some((c: Json) => c.status === 'revoked'),
        'the demo certificates, one revoked',
        60_000,
      );
      const idOf = (traineeId: string) =>
        certificates.body.items.find((c: Json) => c.traineeId === traineeId).certificateId as string;
      const valid = idOf(IDS.registry.persons.mdPresident);
      const revoked = idOf(IDS.registry.persons.figuigProjectManager);
      await web.withPage(language, async (page) => {
        await page.goto(web.url(`/verify/${valid}`), { waitUntil: 'domcontentloaded' });
        const panel = page.locator('[data-verdict]');
        await panel.waitFor();
        expect(await panel.getAttribute('data-verdict')).toBe('valid');
        await panel.getByText(s.verify.verdicts.valid, { exact: true }).waitFor();
        await panel.getByText(s.verify.explain.valid).waitFor();
        await panel.getByText(s.verify.fields.checkedAt).waitFor();
        await checked(web, page, `portal-training-verify-valid-${language}`);

        await page.goto(web.url(`/verify/${revoked}`), { waitUntil: 'domcontentloaded' });
        await panel.waitFor();
        expect(await panel.getAttribute('data-verdict')).toBe('revoked');
        await panel.getByText(s.verify.verdicts.revoked, { exact: true }).waitFor();
        await panel.getByText(s.verify.reasons.revoked).waitFor();
        await panel.getByText(s.verify.fields.revokedAt).waitFor();
        // Never the valid words, and a red border, not teal.
        expect(await panel.getByText(s.verify.verdicts.valid, { exact: true }).count()).toBe(0);
        expect(
          await panel.evaluate(
            (el) => (globalThis as unknown as BrowserWindow).getComputedStyle(el).borderInlineStartColor,
          ),
        ).toBe(await colourOf(page, 'red'));
        expect(await colourOf(page, 'red')).not.toBe(await colourOf(page, 'teal'));
        await checked(web, page, `portal-training-verify-revoked-${language}`);

        // An unknown id: invalid, with its reason.
        await page.goto(web.url('/verify/certificate-nobody'), { waitUntil: 'domcontentloaded' });
        await panel.waitFor();
        expect(await panel.getAttribute('data-verdict')).toBe('invalid');
        await panel.getByText(s.verify.reasons.notFound).waitFor();

        // The M&D president's credential, pasted into /verify: valid.
        const credential = await web.platform.get(
          'trainee',
          `/api/training/certificates/${valid}/credential`,
        );
        expect(credential.status).toBe(200);
        await page.goto(web.url('/verify'), { waitUntil: 'domcontentloaded' });
        await page.getByLabel(s.verify.form.label).fill(JSON.stringify(credential.body));
        await page.getByRole('button', { name: s.verify.form.submit }).click();
        await panel.waitFor();
        expect(await panel.getAttribute('data-verdict')).toBe('valid');
        // A credential with one changed letter: its signature fails.
        const altered = {
          ...(credential.body as Record<string, unknown>),
          validFrom: '2020-01-01T00:00:00Z',
        };
        await page.getByLabel(s.verify.form.label).fill(JSON.stringify(altered));
        await page.getByRole('button', { name: s.verify.form.submit }).click();
        await page.locator('[data-verdict="invalid"]').waitFor();
        await panel.getByText(s.verify.reasons.signature).waitFor();
        await checked(web, page, `portal-training-verify-form-${language}`);
      });
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, the trainee checks in with the trainer’s code: kept across the sign-in, accepted, then already marked; a bad code is refused',
    async (language: TestLanguage) => {
      const s = webStrings('pages/training', language);
      // A session whose one sitting began five minutes ago, the trainee enrolled.
      const sessionId = `session-browser-check-in-${language}`;
      const now = Date.now();
      const scheduled = await web.platform.post('officer', '/api/training/sessions', {
        sessionId,
        moduleId: IDS.modules.fundraising,
        language: 'fr',
        timezone: 'Africa/Casablanca',
        place: { mode: 'in-person', city: 'Agadir', country: 'MA' },
        sittings: [
          {
            sittingId: 'day-1',
            startsAt: new Date(now - 5 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
            endsAt: new Date(now + 2 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          },
        ],
        trainers: [IDS.users.trainer],
        capacity: 20,
      });
      expect(scheduled.status).toBe(201);
      const opened = await web.platform.post('officer', `/api/training/sessions/${sessionId}/enrolment/open`);
      expect(opened.status).toBeLessThan(300);
      const enrolled = await web.platform.post(
        'trainee',
        `/api/training/sessions/${sessionId}/enrolments`,
        {},
      );
      expect(enrolled.body.status).toBe('confirmed');
      const issued = await web.platform.get(
        'trainer',
        `/api/training/sessions/${sessionId}/sittings/day-1/check-in-code`,
      );
      expect(issued.status).toBe(200);
      const checkInUrl = issued.body.checkInUrl as string;
      expect(checkInUrl).toBe(`/training/check-in#code=${issued.body.code}`);

      await web.withPage(language, async (page) => {
        // Not signed in: sent to sign in, the code kept, then accepted on the way back.
        await page.goto(web.url(checkInUrl), { waitUntil: 'domcontentloaded' });
        await page.waitForURL((url) => url.pathname === '/login');
        expect(new URL(page.url()).searchParams.get('next')).toBe('/training/check-in');
        await signInHere(page, 'trainee', language, '/training/check-in');
        const answer = page.locator('[data-answer]');
        await answer.waitFor();
        expect(await answer.getAttribute('data-answer')).toBe('present');
        await answer.getByText(s.checkIn.acceptedTitle).waitFor();
        await answer.getByText(s.checkIn.answers.present).waitFor();
        expect(new URL(page.url()).hash).toBe('');
        await checked(web, page, `portal-training-check-in-accepted-${language}`);

        // A reload does not send the code again: the answer kept.
        await page.reload({ waitUntil: 'domcontentloaded' });
        await answer.waitFor();
        expect(await answer.getAttribute('data-answer')).toBe('present');

        // Scanned again: the API says the attendance is already recorded.
        await page.goto(web.url(checkInUrl), { waitUntil: 'domcontentloaded' });
        await page.locator('[data-answer="alreadyMarked"]').waitFor();
        await answer.getByText(s.checkIn.alreadyTitle).waitFor();
        await answer.getByText(s.checkIn.answers.alreadyMarked).waitFor();
        await checked(web, page, `portal-training-check-in-already-${language}`);

        // A code that is not one: refused, explicitly.
        await page.goto(web.url('/training/check-in#code=not-a-code'), { waitUntil: 'domcontentloaded' });
        await page.locator('[data-answer="invalidCode"]').waitFor();
        await answer.getByText(s.checkIn.refusedTitle).waitFor();
        await answer.getByText(s.checkIn.answers.invalidCode).waitFor();
        await checked(web, page, `portal-training-check-in-invalid-${language}`);
      });
      // The attendance the API records: present, once.
      const mine = await web.platform.get('trainee', `/api/training/sessions/${sessionId}/attendance/mine`);
      expect(JSON.stringify(mine.body)).toContain('present');
    },
  );

  it('sends the e-mails’ certificate link to the trainee’s own certificate page', async () => {
    await web.withPage('fr', async (page) => {
      await page.goto(web.url('/training/certificates/certificate-x'), { waitUntil: 'domcontentloaded' });
      await page.waitForURL(
        (url) => url.pathname.startsWith('/login') || url.pathname.startsWith('/office/'),
      );
      // Signed out, the back office asks to sign in first, with the certificate page as next.
      expect(new URL(page.url()).searchParams.get('next') ?? new URL(page.url()).pathname).toBe(
        '/office/learning/certificates/certificate-x',
      );
    });
  });
});

/** What these specs use of the browser's window (this project's TypeScript has no DOM library). */
type BrowserWindow = {
  document: {
    createElement(tag: string): { style: { color: string }; remove(): void };
    body: { append(node: unknown): void };
  };
  getComputedStyle(element: unknown): { color: string; borderInlineStartColor: string };
};

/** Mantine's shade 8 of a colour as computed styles write it (`rgb(224, 49, 49)`). */
const colourOf = (page: Page, colour: string): Promise<string> =>
  page.evaluate((name) => {
    const window = globalThis as unknown as BrowserWindow;
    const probe = window.document.createElement('span');
    probe.style.color = `var(--mantine-color-${name}-8)`;
    window.document.body.append(probe);
    const value = window.getComputedStyle(probe).color;
    probe.remove();
    return value;
  }, colour);
