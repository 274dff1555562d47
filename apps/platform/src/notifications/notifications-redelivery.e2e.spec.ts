import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FUNDING_CONTEXT, GrantAwardedV1, IntegrationEvent } from '@tadamon/contracts';
import {
  NotificationDispatcher,
  NotificationDoc,
  NOTIFICATIONS,
  OnContextEvents,
  WEBHOOK_ENDPOINTS,
} from '@tadamon/notifications';
import { DocumentStore } from '@tadamon/read-store';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { DOCUMENT_STORE } from '../embedded/embedded.module';
import { MD } from '../funding/testing/funding-scenario';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';
import { addConsentingContacts, logOf, registerEndpoint, WebhookReceiver } from './testing/fault-fixtures';

/*
 * FAULT: one integration event delivered 100 times at once (a consumer redelivering after a
 * rebalance, several instances, a replay), straight into Notifications' policy. Each (event,
 * recipient, channel) becomes exactly one notification: one stream with one request, one attempt,
 * one outbox file per email, one POST per webhook. M&D is given five more consenting contact
 * persons and an endpoint first, so the event reaches every channel.
 */

jest.setTimeout(120_000);
const REDELIVERIES = 100;
const CONTACTS = 5;

describe('One integration event redelivered 100 times at once', () => {
  let client: PlatformClient;
  let partner: WebhookReceiver;
  let endpointId: string;

  beforeAll(async () => {
    partner = await WebhookReceiver.start(() => 204);
    client = await PlatformClient.start('notif-redelivery', { notifications: { pollIntervalMs: 200 } });
    const contacts = await client.get('officer', `/api/registry/associations/${MD}/contacts`);
    await addConsentingContacts(client, MD, CONTACTS, 'redelivery');
    endpointId = await registerEndpoint(client, 'association', partner.url, ['grant-awarded']);
    const docs = client.app.get<DocumentStore>(DOCUMENT_STORE);
    await eventually(
      async () => [
        (await client.get('officer', `/api/registry/associations/${MD}/contacts`)).body.length,
        (await docs.collection(WEBHOOK_ENDPOINTS).find({ endpointId })).length,
      ],
      ([count, endpoints]) => count === contacts.body.length + CONTACTS && endpoints === 1,
      'the contacts and the endpoint in the read models',
    );
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await client?.close();
    await partner?.close();
  }, APP_STOP_TIMEOUT_MS);

  const awardOf = (applicationId: string): IntegrationEvent<'GrantAwarded', GrantAwardedV1> => {
    const at = new Date().toISOString();
    return {
      eventId: randomUUID(),
      type: 'GrantAwarded',
      schemaVersion: 1,
      context: FUNDING_CONTEXT,
      streamId: `grantApplication-${applicationId}`,
      globalPosition: 1,
      occurredAt: at,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      data: {
        applicationId,
        callId: 'call-redelivery',
        associationId: MD,
        envelopeId: 'env-redelivery',
        criteriaVersion: 1,
        scoringRulesVersion: '1',
        decidedAt: at,
        amount: { amountMinor: 25_000_000, currency: 'USD' },
      },
    };
  };

  it('requests, sends and files each (event, recipient, channel) once', async () => {
    const policy = client.app.get(OnContextEvents);
    const event = awardOf(`app-redelivery-${Date.now().toString(36)}`);
    const answers = await Promise.allSettled(
      Array.from({ length: REDELIVERIES }, () => policy.handle(event)),
    );
    const refused = answers.filter((a) => a.status === 'rejected') as PromiseRejectedResult[];
    expect(refused.map((r) => String(r.reason))).toEqual([]);
    const requested = (answers as PromiseFulfilledResult<string[]>[]).map((a) => [...a.value].sort());
    const ids = requested[0];
    // Contact persons by email, users in-app and the endpoint, each of M&D.
    expect(ids.length).toBeGreaterThanOrEqual(CONTACTS + 2);
    for (const answer of requested) expect(answer).toEqual(ids);

    await client.app.get(NotificationDispatcher).idle();
    const docs = client.app.get<DocumentStore>(DOCUMENT_STORE).collection<NotificationDoc>(NOTIFICATIONS);
    const mine = await eventually(
      () => docs.find({ 'source.eventId': event.eventId }),
      (found) =>
        found.length === ids.length && found.every((n) => ['delivered', 'skipped'].includes(n.status)),
      'every notification of the event ended',
      20_000,
    );
    expect(mine.map((n) => n.notificationId).sort()).toEqual(ids);
    expect(new Set(mine.map((n) => `${n.recipient.kind}:${n.recipient.id}:${n.channel}`)).size).toBe(
      ids.length,
    );

    for (const n of mine) {
      const types = (await logOf(client, n.notificationId)).map((e: Json) => e.type);
      expect(types.filter((t: string) => t === 'NotificationRequested')).toHaveLength(1);
      if (n.status === 'delivered') {
        expect(types.filter((t: string) => t === 'DeliveryAttemptStarted')).toHaveLength(1);
        expect(n.attempts).toBe(1);
      }
    }

    const hooked = mine.filter((n) => n.channel === 'webhook');
    expect(hooked.map((n) => n.recipient.id)).toEqual([endpointId]);
    expect(partner.posts.map((p) => p.webhookId)).toEqual([hooked[0].notificationId]);

    const emailed = mine.filter((n) => n.channel === 'email' && n.status === 'delivered');
    expect(emailed.length).toBeGreaterThanOrEqual(CONTACTS);
    const outbox = join(client.dataDir, 'outbox');
    const files = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')) : [];
    const filesOfEvent = files.filter((f) => ids.includes(f.replace(/\.eml$/, '')));
    expect(filesOfEvent.sort()).toEqual(emailed.map((n) => `${n.notificationId}.eml`).sort());
    process.stdout.write(
      `[redelivery] ${REDELIVERIES} concurrent deliveries of ${event.eventId}: ${mine.length} notifications (${emailed.length} emails filed, ${partner.posts.length} webhook POST), one request and one attempt each\n`,
    );
  });
});
