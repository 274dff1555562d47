import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS, MailpitClient, PrivateServer } from '@tadamon/testing';
import { FundingScenario } from '../funding/testing/funding-scenario';
import { Json, PlatformClient } from '../registry/testing/platform-client';
import { ended, endedProof, logOf } from './testing/fault-fixtures';

/*
 * FAULT: the SMTP server is down for 30 s. The platform sends through SMTP_URL to a Mailpit of
 * this test's own (the shared one on 1025 is never touched); it is stopped, an award is made, and
 * it is started again 30 s later on the same ports and database. Every email then arrives, none
 * twice (counted by Message-ID in that Mailpit), and each one's proof shows the refused attempts,
 * with their reason, before the delivery.
 */

const OUTAGE_MS = 30_000;
const RETRY_MS = 2_000;
jest.setTimeout(240_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Notifications while the SMTP server is down for 30 s', () => {
  const previousSmtpUrl = process.env.SMTP_URL;
  let mailpit: PrivateServer;
  let client: PlatformClient;
  let scenario: FundingScenario;

  beforeAll(async () => {
    mailpit = await PrivateServer.start('mailpit');
    process.env.SMTP_URL = mailpit.url;
    client = await PlatformClient.start('notif-smtp-outage', {
      notifications: {
        pollIntervalMs: 200,
        // Enough attempts to outlast the outage: one every 2 s for 80 s.
        emailRetryDelaysMs: [0, ...Array.from({ length: 40 }, () => RETRY_MS)],
      },
    });
    scenario = new FundingScenario(client);
    await scenario.ready();
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await client?.close();
    await mailpit?.dispose();
    if (previousSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previousSmtpUrl;
  }, APP_STOP_TIMEOUT_MS);

  it('delivers every email once the server is back, none twice, the refused attempts in the proof', async () => {
    const platform = client;
    const server = mailpit;
    const mail = new MailpitClient(String(server.apiUrl));
    const { callId } = await scenario.publishedCall();

    await server.down();
    const downAt = Date.now();
    const applicationId = await scenario.awarded('association', callId);
    // Refused while it is down: an attempt failed and another is scheduled.
    await endedProof(
      platform,
      applicationId,
      (items) =>
        items.some((n: Json) => n.trigger === 'grant-awarded' && n.channel === 'email' && n.attempts >= 2),
      OUTAGE_MS,
    );
    expect(Date.now() - downAt).toBeLessThan(OUTAGE_MS);
    await sleep(downAt + OUTAGE_MS - Date.now());
    await server.up();
    const upAt = Date.now();

    const told = await endedProof(
      platform,
      applicationId,
      (items) => items.some((n: Json) => n.trigger === 'grant-awarded') && items.every(ended),
      60_000,
    );
    const emails = told.filter((n: Json) => n.channel === 'email' && n.status === 'delivered');
    expect(emails.map((n: Json) => n.trigger)).toContain('grant-awarded');
    expect(told.filter((n: Json) => n.channel === 'email' && n.status === 'failed')).toEqual([]);

    // Each email in Mailpit exactly once, under the Message-ID its notification derives.
    const messages = await mail.messages();
    const ids = messages.map((m) => m.MessageID);
    expect(ids.length - new Set(ids).size).toBe(0);
    for (const n of emails) expect(ids).toContain(`${n.notificationId}@tadamon.local`);

    // The proof: requested, rendered, attempts refused with their reason, then delivered.
    const award = emails.find((n: Json) => n.trigger === 'grant-awarded');
    const log = await logOf(platform, award.notificationId);
    const types = log.map((e: Json) => e.type);
    expect(types.slice(0, 2)).toEqual(['NotificationRequested', 'NotificationRendered']);
    expect(types.at(-1)).toBe('NotificationDelivered');
    const failures = log.filter((e: Json) => e.type === 'DeliveryAttemptFailed');
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(types.slice(2, -2)).toEqual(
      failures.flatMap(() => ['DeliveryAttemptStarted', 'DeliveryAttemptFailed']),
    );
    for (const failure of failures) {
      expect(failure.data.reason).toMatch(/ECONNREFUSED|refused/i);
      expect(failure.data.retryAt).toEqual(expect.any(String));
    }
    const delivered = log.at(-1);
    expect(Date.parse(delivered.data.at ?? delivered.recordedAt)).toBeGreaterThanOrEqual(upAt - 1_000);
    process.stdout.write(
      `[smtp-outage] ${emails.length} email(s) delivered after the outage; the award's email after ${failures.length} refused attempts; duplicates 0\n`,
    );
  });
});
