import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { FundingScenario, MD } from '../funding/testing/funding-scenario';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';
import { Answer, endedProof, logOf, registerEndpoint, WebhookReceiver } from './testing/fault-fixtures';

/*
 * FAULTS of a partner's webhook endpoint, against real node:http receivers: a 500 (then 200) is
 * retried and delivered; a receiver that never answers times out, the attempt is recorded failed
 * with that reason and retried; a 410 disables the endpoint (`gone`), and what was still on its way
 * to it is skipped with the reason. The endpoints are registered through the API by the demo
 * `association` user for its own organisation (M&D).
 */

jest.setTimeout(120_000);
const N = '/api/notifications';
const TIMEOUT_MS = 1_000;

describe('Webhook deliveries to a failing endpoint', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    client = await PlatformClient.start('notif-webhook-faults', {
      notifications: {
        pollIntervalMs: 200,
        webhookRetryDelaysMs: [0, ...Array.from({ length: 60 }, () => 1_000)],
        webhookTimeoutMs: TIMEOUT_MS,
      },
    });
    scenario = new FundingScenario(client);
    await scenario.ready();
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    // The platform first: its pending POSTs end before their receivers go.
    await client?.close();
    await Promise.all(receivers.map((r) => r.close()));
  }, APP_STOP_TIMEOUT_MS);

  const receiver = async (answer: Answer) => {
    const started = await WebhookReceiver.start(answer);
    receivers.push(started);
    return started;
  };

  /** Registers the endpoint and waits until the policy sees it (the endpoints' read model). */
  const endpoint = async (url: string, triggers: string[]): Promise<string> => {
    const endpointId = await registerEndpoint(client, 'association', url, triggers);
    await eventually(
      () => client.get('association', `${N}/webhook-endpoints`),
      (reply) => reply.body.items?.some((e: Json) => e.endpointId === endpointId),
      `endpoint ${endpointId} in the read model`,
    );
    return endpointId;
  };

  /** The award's notification to this endpoint, once it has ended. */
  const awardTo = async (endpointId: string): Promise<Json> => {
    const { callId } = await scenario.publishedCall();
    const applicationId = await scenario.awarded('association', callId);
    const items = await endedProof(
      client,
      applicationId,
      (all) =>
        all.some(
          (n: Json) => n.recipient.id === endpointId && ['delivered', 'failed', 'skipped'].includes(n.status),
        ),
      30_000,
    );
    return items.find((n: Json) => n.recipient.id === endpointId);
  };

  it('retries a 500 and delivers on the 200 that follows, under the same webhook-id', async () => {
    const partner = await receiver(({ seen }) => (seen === 0 ? 500 : 200));
    const endpointId = await endpoint(partner.url, ['grant-awarded']);
    const n = await awardTo(endpointId);
    expect(n).toMatchObject({ channel: 'webhook', status: 'delivered', attempts: 2, organisationId: MD });
    expect(partner.postsOf(n.notificationId).map((p) => p.answered)).toEqual([500, 200]);
    const log = await logOf(client, n.notificationId);
    expect(log.map((e: Json) => e.type)).toEqual([
      'NotificationRequested',
      'NotificationRendered',
      'DeliveryAttemptStarted',
      'DeliveryAttemptFailed',
      'DeliveryAttemptStarted',
      'NotificationDelivered',
    ]);
    expect(log[3].data).toMatchObject({ attempt: 1, reason: expect.stringMatching(/500/) });
    expect(log[3].data.retryAt).toEqual(expect.any(String));
  });

  it('records a timed-out attempt with its reason and retries it', async () => {
    const partner = await receiver(({ seen }) => (seen === 0 ? 'hang' : 204));
    const endpointId = await endpoint(partner.url, ['grant-awarded']);
    const n = await awardTo(endpointId);
    expect(n).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(partner.postsOf(n.notificationId).map((p) => p.answered)).toEqual(['hung', 204]);
    const log = await logOf(client, n.notificationId);
    const failed = log.filter((e: Json) => e.type === 'DeliveryAttemptFailed');
    expect(failed).toHaveLength(1);
    expect(failed[0].data.reason).toMatch(new RegExp(`timed out.*${TIMEOUT_MS} ms`));
    expect(failed[0].data.retryAt).toEqual(expect.any(String));
    expect(log.at(-1)).toMatchObject({ type: 'NotificationDelivered', data: { attempt: 2 } });
  });

  it('disables an endpoint that answers 410 (gone) and skips, with the reason, what was on its way', async () => {
    // Receipts of applications get 500 (kept retrying every second); the award gets 410.
    const partner = await receiver(({ type }) => (type === 'grant-awarded' ? 410 : 500));
    const endpointId = await endpoint(partner.url, ['application-received', 'grant-awarded']);
    const { callId } = await scenario.publishedCall();
    const applicationId = await scenario.awarded('association', callId);

    const items = await endedProof(
      client,
      applicationId,
      (all) =>
        ['application-received', 'grant-awarded'].every((trigger) =>
          all.some(
            (n: Json) =>
              n.recipient.id === endpointId &&
              n.trigger === trigger &&
              ['failed', 'skipped'].includes(n.status),
          ),
        ),
      30_000,
    );
    const mine = items.filter((n: Json) => n.recipient.id === endpointId);
    const award = mine.find((n: Json) => n.trigger === 'grant-awarded');
    const receipt = mine.find((n: Json) => n.trigger === 'application-received');
    // The 410 is final: no retry is scheduled.
    expect(award).toMatchObject({ status: 'failed', attempts: 1 });
    const awardLog = await logOf(client, award.notificationId);
    expect(awardLog.find((e: Json) => e.type === 'DeliveryAttemptFailed').data).toMatchObject({
      reason: expect.stringMatching(/410/),
      retryAt: null,
    });
    const disabled = await client.get('association', `${N}/webhook-endpoints/${endpointId}`);
    expect(disabled.body).toMatchObject({ status: 'disabled', disabledReason: 'gone' });
    // The receipt was being retried (500s); its next turn finds the endpoint gone.
    expect(receipt).toMatchObject({
      status: 'skipped',
      skipReason: 'channel-not-set-up',
      skipDetail: 'the webhook endpoint is disabled (gone)',
    });
    expect(receipt.attempts).toBeGreaterThanOrEqual(1);

    // A later award is not sent to it: the receiver hears nothing more.
    const heard = partner.posts.length;
    const { callId: next } = await scenario.publishedCall();
    const later = await scenario.awarded('association', next);
    const laterItems = await endedProof(
      client,
      later,
      (all) =>
        all.some(
          (n: Json) => n.trigger === 'grant-awarded' && n.channel === 'email' && n.status !== 'requested',
        ),
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(partner.posts.length).toBe(heard);
    for (const n of laterItems.filter((item: Json) => item.recipient.id === endpointId))
      expect(n).toMatchObject({ status: 'skipped', skipDetail: 'the webhook endpoint is disabled (gone)' });
  });
});
