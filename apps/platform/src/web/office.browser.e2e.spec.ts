import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { WebHarness, webStrings } from './testing/web-harness';

// Signing in and out of the back office in Chromium, against the real embedded platform.
jest.setTimeout(60_000);

describe('the back office: signing in', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await WebHarness.start('office-browser');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await web?.close();
  }, APP_STOP_TIMEOUT_MS);

  it.each(['fr', 'ar'] as const)(
    'in %s, a page of the workspace sends a visitor to sign in, then back to it; signing out ends it',
    async (language) => {
      const session = webStrings('session', language);
      const office = webStrings('office', language);
      await web.withPage(language, async (page) => {
        await page.goto(web.url('/office'), { waitUntil: 'domcontentloaded' });
        await page.waitForURL((url) => url.pathname === '/login');
        expect(new URL(page.url()).searchParams.get('next')).toBe('/office');

        await page.getByLabel(session.signIn.username).fill('officer');
        await page.getByLabel(session.signIn.password).fill('not-the-password');
        await page.getByRole('button', { name: session.signIn.submit }).click();
        await page.getByRole('alert').filter({ hasText: session.signIn.wrong }).waitFor();

        await web.signIn(page, 'officer', language);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(office.workspace.title);
        await page.getByText(session.roles.officer).first().waitFor();
        expect(await web.seriousViolations(page)).toEqual([]);
        await web.screenshot(page, `office-home-${language}`);

        // A reload keeps the session (sessionStorage); signing out ends it and the workspace asks again.
        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.getByRole('button', { name: session.header.signOut }).click();
        await page.getByRole('link', { name: session.header.signIn }).waitFor();
        await page.goto(web.url('/office'), { waitUntil: 'domcontentloaded' });
        await page.waitForURL((url) => url.pathname === '/login');
      });
    },
  );

  it('never sends a user who signed in to another site (?next=//elsewhere)', async () => {
    await web.withPage('fr', async (page) => {
      await page.goto(web.url('/login?next=//example.org/'), { waitUntil: 'domcontentloaded' });
      const session = webStrings('session', 'fr');
      await page.getByLabel(session.signIn.username).fill('auditor');
      await page.getByLabel(session.signIn.password).fill('tadamon-demo');
      await page.getByRole('button', { name: session.signIn.submit }).click();
      await page.waitForURL((url) => url.pathname === '/office');
      expect(new URL(page.url()).host).toBe(new URL(web.url('/')).host);
    });
  });
});
