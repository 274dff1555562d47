import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { eventually } from '../registry/testing/platform-client';
import { settledCount, TestLanguage, WebHarness, webStrings } from './testing/web-harness';

// The training desk in Chromium, against the real embedded platform and its demo data: the demo
// `trainer` marks attendance and shows a sitting's rotating check-in QR; the demo `officer` closes a
// session (its certificates issued) and suspends, reinstates and revokes a certificate.
jest.setTimeout(240_000);

const SESSIONS = '/api/training/sessions';
const MODULE = 'module-project-management';
const TRAINER_ID = 'user-trainer';
/** The demo `trainee`: M&D's president, a contact person of a verified association. */
const TRAINEE = 'person-demo-md-president';
const MINUTE = 60_000;
/** The platform's check-in step (60 s, not configurable): codes change at the sitting's start + k minutes. */
const STEP_MS = 60_000;

const count = (language: TestLanguage, n: number) =>
  new Intl.NumberFormat(language === 'ar' ? 'ar-MA-u-nu-arab' : 'fr-MA').format(n);
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? '');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the back office: the training desk (sessions, attendance, check-in QR, certificates)', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await WebHarness.start('office-training-browser');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await web?.close();
  }, APP_STOP_TIMEOUT_MS);

  async function checkPage(page: Page, name: string): Promise<void> {
    expect(await web.seriousViolations(page)).toEqual([]);
    await web.screenshot(page, name);
  }

  /**
   * A session trained by the demo trainer, scheduled by the officer through the API, with the demo
   * trainee's seat confirmed. Its one sitting is as given.
   */
  async function scheduleSession(
    label: string,
    city: string,
    sitting: { startsAt: string; endsAt: string },
    completionRule?: { minAttendancePercent: number; feedbackRequired: boolean },
  ): Promise<string> {
    const sessionId = `session-${label}-${randomUUID().slice(0, 8)}`;
    const scheduled = await web.platform.post('officer', SESSIONS, {
      sessionId,
      moduleId: MODULE,
      language: 'fr',
      timezone: 'Africa/Casablanca',
      place: { mode: 'in-person', city, country: 'MA' },
      sittings: [{ sittingId: 'day-1', ...sitting }],
      trainers: [TRAINER_ID],
      capacity: 10,
      ...(completionRule && { completionRule }),
    });
    expect(scheduled.status).toBe(201);
    expect((await web.platform.post('officer', `${SESSIONS}/${sessionId}/enrolment/open`)).status).toBe(200);
    const enrolled = await web.platform.post('officer', `${SESSIONS}/${sessionId}/enrolments`, {
      traineeId: TRAINEE,
    });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.events).toContain('EnrolmentConfirmed');
    return sessionId;
  }

  async function traineeName(sessionId: string): Promise<string> {
    const roster = await eventually(
      () => web.platform.get('officer', `${SESSIONS}/${sessionId}/roster`),
      (reply) => reply.status === 200 && reply.body.trainees?.length === 1,
      'the trainee in the roster',
    );
    const name = roster.body.trainees[0].fullName as string;
    expect(name).toBeTruthy();
    return name;
  }

  it.each(['fr', 'ar'] as const)(
    'in %s, the trainer finds the session they train, marks a trainee present then corrects to late, and shows the sitting’s QR, whose code rotates',
    async (language) => {
      const s = webStrings('office/training', language);
      // The sitting's window is open (it starts within 30 minutes... or later: codes are issued from
      // 30 minutes before the start); its steps end at the start + k minutes, so the first change of
      // code comes about 40 seconds after scheduling: the test sees a rotation without waiting a full step.
      const startsAt = Date.now() + 10 * MINUTE + 40_000;
      const city = `Tiznit ${language} ${randomUUID().slice(0, 4)}`;
      const sessionId = await scheduleSession(`desk-${language}`, city, {
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 2 * 60 * MINUTE).toISOString(),
      });
      const name = await traineeName(sessionId);

      await web.withPage(language, async (page) => {
        await web.signIn(page, 'trainer', language);
        await page.getByRole('link', { name: s.area.title, exact: true }).first().click();
        await page.getByRole('heading', { level: 1, name: s.sessions.titleTrainer }).waitFor();
        // Only the sessions the trainer trains: the demo's and this one, with its status and seats.
        const row = page.getByRole('row', { name: new RegExp(escape(city)) });
        await row.getByText(s.sessionStatus['enrolment-open']).waitFor();
        await row
          .getByText(
            fill(s.sessions.seats, {
              confirmed: count(language, 1),
              capacity: count(language, 10),
              waiting: count(language, 0),
            }),
          )
          .waitFor();
        await row.locator(`time[datetime="${new Date(startsAt).toISOString()}"]`).waitFor();
        await checkPage(page, `training-sessions-trainer-${language}`);

        await row.getByRole('link').click();
        await page.waitForURL((url) => url.pathname === `/office/training/sessions/${sessionId}`);
        const sheet = page.getByRole('table', {
          name: fill(s.attendance.sheetOf, { sitting: fill(s.sittings.label, { n: count(language, 1) }) }),
        });
        const line = sheet.getByRole('row', { name: new RegExp(escape(name)) });
        await line.getByText(s.attendance.unmarked).waitFor();
        await line.getByRole('button', { name: s.attendanceStatus.present }).click();
        await line
          .getByRole('button', { name: s.attendanceStatus.present, pressed: true })
          .waitFor({ timeout: 10_000 });
        await line.getByRole('button', { name: s.attendanceStatus.late }).click();
        await line
          .getByText(fill(s.attendance.corrected, { previous: s.attendanceStatus.present }))
          .waitFor({ timeout: 10_000 });
        await line.getByRole('button', { name: s.attendanceStatus.late, pressed: true }).waitFor();
        const roster = await web.platform.get('officer', `${SESSIONS}/${sessionId}/roster`);
        expect(roster.body.trainees[0].attendance[0]).toMatchObject({
          status: 'late',
          corrected: true,
          previousStatus: 'present',
        });

        await page.getByRole('button', { name: s.qr.show }).click();
        const qr = page.getByRole('img', { name: s.qr.alt });
        await qr.waitFor();
        expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
        const open = page.getByRole('link', { name: s.qr.open });
        const first = (await open.getAttribute('href')) ?? '';
        expect(first.startsWith(`${new URL(web.url('/')).origin}/training/check-in#code=`)).toBe(true);
        const countdown = new RegExp(
          escape(fill(s.qr.countdown, { seconds: '§' })).replace('§', language === 'ar' ? '[٠-٩]+' : '\\d+'),
        );
        await page.getByText(countdown).waitFor();
        await checkPage(page, `training-session-trainer-${language}`);

        // The next code, fetched as the step ends: the QR's address changes without a reload.
        const deadline = Date.now() + STEP_MS + 20_000;
        let next = first;
        while (next === first && Date.now() < deadline) {
          await page.waitForTimeout(1000);
          next = (await open.getAttribute('href')) ?? '';
        }
        expect(next).not.toBe(first);
        expect(next).toMatch(/#code=/);
        expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      });
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, the trainer is told in words when a sitting’s QR is outside its check-in window',
    async (language) => {
      const s = webStrings('office/training', language);
      const startsAt = Date.now() + 3 * 60 * MINUTE;
      const sessionId = await scheduleSession(`later-${language}`, 'Tata', {
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 60 * MINUTE).toISOString(),
      });
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'trainer', language);
        await page.goto(web.url(`/office/training/sessions/${sessionId}`), { waitUntil: 'domcontentloaded' });
        await page.getByRole('button', { name: s.qr.show }).click();
        const alert = page.getByRole('alert').filter({ hasText: s.qr.unavailable });
        await alert.waitFor();
        await alert.getByText(new RegExp(escape(s.qr.windowClosed.split('{{')[0].trim()))).waitFor();
        expect(await page.getByRole('img', { name: s.qr.alt }).count()).toBe(0);
      });
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, the officer closes an ended session and sees its certificate issued, then suspends, reinstates and revokes it',
    async (language) => {
      const s = webStrings('office/training', language);
      const startsAt = Date.now() - 3 * 60 * MINUTE;
      const sessionId = await scheduleSession(
        `close-${language}`,
        'Taroudant',
        {
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(startsAt + 2 * 60 * MINUTE).toISOString(),
        },
        { minAttendancePercent: 50, feedbackRequired: false },
      );
      const marked = await web.platform.put(
        'officer',
        `${SESSIONS}/${sessionId}/sittings/day-1/attendance/${TRAINEE}`,
        { status: 'present' },
      );
      expect(marked.status).toBe(200);

      await web.withPage(language, async (page) => {
        await web.signIn(page, 'officer', language);
        await page.getByRole('link', { name: s.area.title, exact: true }).first().click();
        await page.getByRole('heading', { level: 1, name: s.sessions.titleOfficer }).waitFor();
        await checkPage(page, `training-sessions-officer-${language}`);

        await page.goto(web.url(`/office/training/sessions/${sessionId}`), { waitUntil: 'domcontentloaded' });
        await page.getByRole('button', { name: s.actions.close }).waitFor();
        await checkPage(page, `training-session-officer-${language}`);
        await page.getByRole('button', { name: s.actions.close }).click();
        await page
          .getByRole('status')
          .filter({ hasText: fill(s.actions.closedDone, { issued: count(language, 1) }) })
          .waitFor();
        await page.getByText(s.sessionStatus.closed).first().waitFor();

        await page.getByRole('link', { name: s.session.certificates }).click();
        await page.getByRole('heading', { level: 1, name: s.certificates.title }).waitFor();
        const row = page.locator('tr[data-certificate]');
        await row.first().waitFor();
        expect(await settledCount(row, 1)).toBe(1);
        const certificateId = (await row.getAttribute('data-certificate')) ?? '';
        expect(certificateId).not.toBe('');
        expect(await row.getByRole('link', { name: s.certificates.verify }).getAttribute('href')).toBe(
          `/verify/${certificateId}`,
        );
        await row.getByText(s.certificateStatus.active, { exact: true }).waitFor();
        await checkPage(page, `training-certificates-${language}`);

        await row.getByRole('button', { name: s.certificates.suspend }).click();
        await row.getByLabel(s.certificates.suspendReason).fill('Vérification de la feuille de présence');
        await row.getByRole('button', { name: s.certificates.suspendConfirm }).click();
        await row.getByText(s.certificateStatus.suspended, { exact: true }).waitFor();
        await row.getByText('Vérification de la feuille de présence').waitFor();

        await row.getByRole('button', { name: s.certificates.reinstate }).click();
        await row.getByRole('button', { name: s.certificates.reinstateConfirm }).click();
        await row.getByText(s.certificateStatus.active, { exact: true }).waitFor();

        await row.getByRole('button', { name: s.certificates.revoke }).click();
        await row.getByText(s.certificates.revokeWarning).waitFor();
        await row.getByLabel(s.certificates.revokeCode).selectOption('completion-annulled');
        await row.getByLabel(s.certificates.revokeReason).fill('Présences à revoir');
        await checkPage(page, `training-certificate-revoke-${language}`);
        await row.getByRole('button', { name: s.certificates.revokeConfirm }).click();
        await row.getByText(s.certificates.final).waitFor();
        await row.getByText(s.certificateStatus.revoked, { exact: true }).waitFor();

        const listed = await eventually(
          () => web.platform.get('officer', `/api/training/certificates?sessionId=${sessionId}`),
          (reply) => reply.body.items?.[0]?.status === 'revoked',
          'the revocation in the certificates list',
        );
        expect(listed.body.items[0].revocationReason).toEqual({
          code: 'completion-annulled',
          text: 'Présences à revoir',
        });
      });
    },
  );
});
