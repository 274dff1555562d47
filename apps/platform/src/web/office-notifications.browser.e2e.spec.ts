import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { FundingScenario, MD } from '../funding/testing/funding-scenario';
import { eventually, Json } from '../registry/testing/platform-client';
import { TestLanguage, WebHarness, webStrings } from './testing/web-harness';

// The Notifications area in Chromium, against the real embedded platform and its demo data (the
// demo's agreements, award and tranches tell M&D's users in their inbox and its president by email).
// The tests share one platform and run in order: the preferences set in one shape the proof of the last.
jest.setTimeout(240_000);

const N = '/api/notifications';
const count = (language: TestLanguage, n: number) =>
  new Intl.NumberFormat(language === 'ar' ? 'ar-MA-u-nu-arab' : 'fr-MA').format(n);
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? '');

describe('the back office: notifications (inbox, preferences, webhooks, proof of notice)', () => {
  let web: WebHarness;
  // M&D's own webhook receiver on this machine: what the platform posts to it, in order.
  let receiver: Server;
  const received: IncomingHttpHeaders[] = [];
  let mdEndpointId = '';

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      received.push(request.headers);
      request.resume();
      request.on('end', () => response.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    web = await WebHarness.start('office-notifications-browser');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    try {
      await web?.close();
    } finally {
      await new Promise((resolve) => receiver?.close(resolve));
    }
  }, APP_STOP_TIMEOUT_MS);

  async function checkPage(page: Page, name: string): Promise<void> {
    expect(await web.seriousViolations(page)).toEqual([]);
    await web.screenshot(page, name);
  }

  const unreadOfAssociation = async (): Promise<number> => {
    const inbox = await eventually(
      () => web.platform.get('association', `${N}/inbox`),
      (reply) => reply.status === 200 && reply.body.unread > 0,
      'the association’s unread notices',
      20_000,
    );
    return inbox.body.unread;
  };

  it.each(['fr', 'ar'] as const)(
    'in %s, the association sees its unread count in the header and its inbox, marks one read and the count drops',
    async (language) => {
      const s = webStrings('office/notifications', language);
      const session = webStrings('session', language);
      const office = webStrings('office', language);
      const unread = await unreadOfAssociation();

      await web.withPage(language, async (page) => {
        await web.signIn(page, 'association', language);
        const badge = page.getByRole('link', {
          name: fill(session.header.inboxUnread, { count: count(language, unread) }),
        });
        await badge.click();
        await page.getByRole('heading', { level: 1, name: s.inbox.title }).waitFor();
        await page.getByText(fill(s.inbox.unread, { count: count(language, unread) })).waitFor();
        const first = page.getByRole('row').filter({ hasText: s.inbox.new }).first();
        await first.locator('time').waitFor();
        expect(await page.getByRole('button', { name: new RegExp(s.inbox.markRead) }).count()).toBe(unread);

        const html = page.locator('html');
        expect(await html.getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
        expect(await html.getAttribute('lang')).toBe(language);
        // The workspace's navigation at the start edge: right of the page's title in Arabic, left in French.
        const nav = await page.getByRole('navigation', { name: office.workspace.navLabel }).boundingBox();
        const title = await page.getByRole('heading', { level: 1 }).boundingBox();
        if (!nav || !title) throw new Error('the navigation or the title is not shown');
        if (language === 'ar') expect(nav.x).toBeGreaterThan(title.x + title.width);
        else expect(nav.x + nav.width).toBeLessThan(title.x);
        await checkPage(page, `notifications-inbox-${language}`);

        await first.getByRole('button', { name: new RegExp(s.inbox.markRead) }).click();
        await page.getByRole('status').filter({ hasText: s.inbox.marked }).waitFor();
        await page.getByText(fill(s.inbox.unread, { count: count(language, unread - 1) })).waitFor();
        await page
          .getByRole('link', {
            name:
              unread - 1 > 0
                ? fill(session.header.inboxUnread, { count: count(language, unread - 1) })
                : session.header.inbox,
          })
          .first()
          .waitFor();
      });
      const after = await web.platform.get('association', `${N}/inbox`);
      expect(after.body.unread).toBe(unread - 1);
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, the association sets its preferences (email only, a digest, quiet hours) and finds them after a reload',
    async (language) => {
      const s = webStrings('office/notifications', language);
      const cadence = language === 'fr' ? 'weekly' : 'daily';
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'association', language);
        await page.goto(web.url('/office/notifications/preferences'), { waitUntil: 'domcontentloaded' });
        await page.getByRole('heading', { level: 1, name: s.preferences.title }).waitFor();
        const checkbox = (name: string) => page.getByRole('checkbox', { name, exact: true });
        const radio = (group: string, name: string) =>
          page.getByRole('radiogroup', { name: group }).getByRole('radio', { name, exact: true });
        const inApp = checkbox(s.preferences.channel['in-app']);
        if (await inApp.isChecked()) await inApp.uncheck();
        await radio(s.preferences.cadence, s.preferences.cadenceOption[cadence]).check();
        await radio(s.preferences.language, s.language.ar).check();
        await radio(s.preferences.quietHours, s.preferences.quietHoursSet).check();
        await page.getByLabel(s.preferences.from, { exact: true }).fill('22:30');
        await page.getByLabel(s.preferences.to, { exact: true }).fill('07:15');
        await checkPage(page, `notifications-preferences-${language}`);
        await page.getByRole('button', { name: s.preferences.save }).click();
        await page.getByRole('status').filter({ hasText: s.preferences.saved }).waitFor();

        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.getByRole('heading', { level: 1, name: s.preferences.title }).waitFor();
        await page.getByLabel(s.preferences.from, { exact: true }).waitFor();
        expect(await checkbox(s.preferences.channel.email).isChecked()).toBe(true);
        expect(await checkbox(s.preferences.channel['in-app']).isChecked()).toBe(false);
        expect(await radio(s.preferences.cadence, s.preferences.cadenceOption[cadence]).isChecked()).toBe(
          true,
        );
        expect(await radio(s.preferences.language, s.language.ar).isChecked()).toBe(true);
        expect(await page.getByLabel(s.preferences.from, { exact: true }).inputValue()).toBe('22:30');
        expect(await page.getByLabel(s.preferences.to, { exact: true }).inputValue()).toBe('07:15');
      });
      const stored = await web.platform.get('association', `${N}/preferences/user-association`);
      expect(stored.body).toMatchObject({
        channels: ['email'],
        language: 'ar',
        cadence,
        quietHours: { from: '22:30', to: '07:15' },
        isDefault: false,
      });
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, the partner registers an endpoint, is shown its secret once, disables it, rotates its secret and removes it',
    async (language) => {
      const s = webStrings('office/notifications', language);
      const url = `https://cri.example.org/tadamon/${language}`;
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'partner', language);
        await page.goto(web.url('/office/notifications/webhooks'), { waitUntil: 'domcontentloaded' });
        await page.getByRole('heading', { level: 1, name: s.webhooks.title }).waitFor();
        const form = page.getByRole('form', { name: s.webhooks.register });
        await form.getByRole('textbox', { name: s.webhooks.url }).fill(url);
        await form
          .getByRole('textbox', { name: s.webhooks.description })
          .fill('Suivi des conventions du CRI');
        await form.getByRole('checkbox', { name: s.trigger['agreement-signed'] }).check();
        await form.getByRole('checkbox', { name: s.trigger['agreement-amended'] }).check();
        await checkPage(page, `notifications-webhooks-register-${language}`);
        await form.getByRole('button', { name: s.webhooks.submit }).click();

        const shown = page.getByRole('status').filter({ hasText: s.webhooks.registered });
        await shown.getByText(s.webhooks.secretWarning).waitFor();
        const secret = (await shown.getByTestId('webhook-secret').textContent()) ?? '';
        expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
        await shown.getByRole('button', { name: s.webhooks.copy }).waitFor();
        const row = page.getByRole('row').filter({ hasText: url });
        await row.getByText(s.webhooks.status.enabled).waitFor();
        await row.getByText(`${s.trigger['agreement-amended']} · ${s.trigger['agreement-signed']}`).waitFor();
        await checkPage(page, `notifications-webhooks-secret-${language}`);

        // Shown once: after a reload the page, like the platform, has only the endpoint.
        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.getByRole('row').filter({ hasText: url }).waitFor();
        expect(await page.content()).not.toContain(secret);

        await page
          .getByRole('row')
          .filter({ hasText: url })
          .getByRole('button', { name: s.webhooks.disable })
          .click();
        await page.getByRole('status').filter({ hasText: s.webhooks.disabled }).waitFor();
        const disabled = page.getByRole('row').filter({ hasText: url });
        await disabled.getByText(s.webhooks.status.disabled, { exact: true }).waitFor();
        await disabled.getByText(s.webhooks.disabledReason['by-partner'], { exact: true }).waitFor();
        const listed = await web.platform.get('partner', `${N}/webhook-endpoints?pageSize=100`);
        expect(listed.body.items.find((e: Json) => e.url === url)).toMatchObject({
          organisationId: 'actor-cri-souss-massa',
          triggers: ['agreement-amended', 'agreement-signed'],
          status: 'disabled',
          disabledReason: 'by-partner',
        });
        expect(JSON.stringify(listed.body)).not.toContain('whsec_');

        // A rotation gives a new secret, shown once as well.
        await disabled.getByRole('button', { name: s.webhooks.rotate }).click();
        const rotated = page.getByRole('status').filter({ hasText: s.webhooks.rotated });
        await rotated.getByText(s.webhooks.secretWarning).waitFor();
        const second = (await rotated.getByTestId('webhook-secret').textContent()) ?? '';
        expect(second).toMatch(/^whsec_/);
        expect(second).not.toBe(secret);

        await disabled.getByRole('link', { name: fill(s.webhooks.deliveriesOf, { url }) }).click();
        await page.getByRole('heading', { level: 1, name: s.deliveries.title }).waitFor();
        await page.getByText(s.deliveries.empty).waitFor();
        await checkPage(page, `notifications-webhook-deliveries-${language}`);

        // Removing asks first; once confirmed the endpoint leaves the list.
        await page.getByRole('link', { name: s.webhooks.back }).click();
        const row2 = page.getByRole('row').filter({ hasText: url });
        await row2.getByRole('button', { name: s.webhooks.remove, exact: true }).click();
        await page.getByRole('alert').filter({ hasText: s.webhooks.removeWarning }).waitFor();
        await page.getByRole('button', { name: s.webhooks.removeConfirm }).click();
        await page.getByRole('status').filter({ hasText: s.webhooks.removed }).waitFor();
        await row2.waitFor({ state: 'detached' });
      });
      const after = await web.platform.get('partner', `${N}/webhook-endpoints?pageSize=100`);
      expect(after.body.items.map((e: Json) => e.url)).not.toContain(url);
    },
  );

  it('the officer opens what M&D was told from its page: a delivered email and an in-app notice skipped with its reason, then a log', async () => {
    // M&D's user chose email only (the test above): its next application's in-app notice is skipped.
    const scenario = new FundingScenario(web.platform);
    await scenario.ready();
    // M&D's account also receives its applications' news on its own system (the next test replays it).
    const { port } = receiver.address() as AddressInfo;
    const registered = await web.platform.post('association', `${N}/webhook-endpoints`, {
      url: `http://127.0.0.1:${port}/tadamon`,
      description: 'Système de suivi de M&D',
      triggers: ['application-received'],
    });
    expect(registered.status).toBe(201);
    mdEndpointId = registered.body.endpointId;
    const { callId } = await scenario.publishedCall();
    const applicationId = await scenario.submitted('association', callId);
    const told = await eventually(
      () => web.platform.get('officer', `${N}/proof?organisationId=${MD}&subjectId=${applicationId}`),
      (reply) =>
        reply.body.items?.some((n: Json) => n.channel === 'in-app' && n.status === 'skipped') &&
        reply.body.items?.some((n: Json) => n.channel === 'email' && n.status === 'delivered'),
      `the notices of ${applicationId}`,
      20_000,
    );
    const skipped = told.body.items.find((n: Json) => n.status === 'skipped');
    expect(skipped.skipReason).toBe('channel-not-set-up');
    const delivered = told.body.items.find((n: Json) => n.channel === 'email');

    for (const language of ['fr', 'ar'] as const) {
      const s = webStrings('office/notifications', language);
      const registry = webStrings('office/registry', language);
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'officer', language);
        await page.goto(web.url(`/office/registry/associations/${MD}`), { waitUntil: 'domcontentloaded' });
        await page.getByRole('link', { name: registry.association.proofOfNotice }).click();
        await page.getByRole('heading', { level: 1, name: s.proof.title }).waitFor();
        expect(new URL(page.url()).searchParams.get('organisationId')).toBe(MD);

        await page.getByLabel(s.proof.subjectId).fill(applicationId);
        await page.getByRole('button', { name: s.proof.show }).click();
        await page.waitForURL((u) => u.searchParams.get('subjectId') === applicationId);
        const received = s.trigger['application-received'];
        const email = page
          .getByRole('row')
          .filter({ hasText: received })
          .filter({ hasText: s.preferences.channel.email });
        await email.getByText(s.status.delivered).waitFor();
        await email
          .getByText(
            fill(s.proof.template, {
              id: delivered.templateId,
              version: count(language, delivered.templateVersion),
            }),
          )
          .waitFor();
        const inApp = page
          .getByRole('row')
          .filter({ hasText: received })
          .filter({ hasText: s.preferences.channel['in-app'] });
        await inApp.getByText(s.status.skipped).waitFor();
        await inApp.getByText(s.skipReason['channel-not-set-up']).waitFor();
        await checkPage(page, `notifications-proof-${language}`);

        await email.getByRole('link', { name: received }).click();
        await page
          .getByRole('heading', {
            level: 1,
            name: fill(s.log.heading, { trigger: received, channel: s.preferences.channel.email }),
          })
          .waitFor();
        for (const type of ['NotificationRequested', 'NotificationRendered', 'NotificationDelivered'])
          await page.getByRole('row').filter({ hasText: s.event[type] }).first().waitFor();
        expect(
          await page
            .getByRole('row')
            .filter({ hasText: /[0-9a-f]{64}/ })
            .count(),
        ).toBeGreaterThanOrEqual(4);
        await checkPage(page, `notifications-log-${language}`);
      });
    }
  });

  it('the association reads its endpoint’s delivery log and replays a delivery: the same webhook-id again', async () => {
    const s = webStrings('office/notifications', 'fr');
    await eventually(
      async () => received,
      (requests) => requests.length >= 1,
      'the first delivery to M&D’s receiver',
      20_000,
    );
    const webhookId = received[0]['webhook-id'];
    expect(received[0]['webhook-signature']).toMatch(/^v1,/);
    await web.withPage('fr', async (page) => {
      await web.signIn(page, 'association', 'fr');
      await page.goto(web.url(`/office/notifications/webhooks/${mdEndpointId}`), {
        waitUntil: 'domcontentloaded',
      });
      await page.getByRole('heading', { level: 1, name: s.deliveries.title }).waitFor();
      const row = page.getByRole('row').filter({ hasText: s.trigger['application-received'] });
      await row.getByText(s.status.delivered).waitFor();
      await checkPage(page, 'notifications-webhook-deliveries-delivered-fr');
      await row.getByRole('button', { name: s.deliveries.replay }).click();
      await page.getByRole('status').filter({ hasText: s.deliveries.replayed }).waitFor();
    });
    await eventually(
      async () => received,
      (requests) => requests.length >= 2,
      'the replayed delivery',
      20_000,
    );
    expect(received[1]['webhook-id']).toBe(webhookId);
    const log = await eventually(
      () => web.platform.get('association', `${N}/webhook-endpoints/${mdEndpointId}/deliveries`),
      (reply) => reply.body.items?.[0]?.attempts === 2 && reply.body.items[0].status === 'delivered',
      'the replay recorded as the second attempt',
    );
    expect(log.body.items[0].notificationId).toBe(webhookId);
  });
});
