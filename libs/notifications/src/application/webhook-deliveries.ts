import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DeliveryRefused, WebhookTransport } from '../channels/channel-ports';
import { WebhookSecrets } from '../channels/webhook/webhook-secrets';
import { Notification } from '../domain/notification/notification-state';
import { secretsInForce, WebhookEndpoint } from '../domain/webhook-endpoint/webhook-endpoint-state';
import { RenderedMessage } from '../templates/rendered-message';
import { NOTIFICATIONS_SYSTEM_ACTOR, NotificationsCommands } from './notifications-commands';
import { NOTIFICATIONS_WEBHOOK_SECRETS, NOTIFICATIONS_WEBHOOK_TRANSPORT } from './notifications-ports';

/** The "template" of a webhook: its JSON body, versioned like the email templates. */
export const WEBHOOK_PAYLOAD_TEMPLATE = { templateId: 'webhook-payload', templateVersion: 1 } as const;

/**
 * The webhook channel: the endpoint a notification goes to (enabled, still subscribed), its JSON
 * body (Standard Webhooks' `type`, `timestamp`, `data`: the same bytes at every attempt and replay,
 * so its hash is the proof), the signed POST, and the endpoint's side of the outcome: a success or
 * failure (five days of failures disable it), a 410 disables it at once.
 */
@Injectable()
export class WebhookDeliveries {
  private readonly logger = new Logger('WebhookDeliveries');

  constructor(
    private readonly commands: NotificationsCommands,
    @Optional() @Inject(NOTIFICATIONS_WEBHOOK_TRANSPORT) private readonly transport?: WebhookTransport,
    @Optional() @Inject(NOTIFICATIONS_WEBHOOK_SECRETS) private readonly secrets?: WebhookSecrets,
  ) {}

  /** The endpoint, or why the notification cannot go to it (then skipped with that detail). */
  async endpointOf(n: Notification): Promise<WebhookEndpoint | string> {
    const loaded = await this.commands.load('webhookEndpoint', n.recipient.id);
    const endpoint = loaded?.state;
    if (!endpoint || endpoint.status === 'none' || endpoint.status === 'removed')
      return 'the webhook endpoint was removed';
    if (endpoint.status === 'disabled')
      return `the webhook endpoint is disabled (${endpoint.disabledReason})`;
    if (!endpoint.triggers.includes(n.trigger)) return `the webhook endpoint no longer receives ${n.trigger}`;
    return endpoint;
  }

  /** The body, as the proof records it (its SHA-256) and as every attempt sends it. */
  payload(n: Notification): { body: string; rendered: RenderedMessage } {
    const body = JSON.stringify({
      type: n.trigger,
      timestamp: n.requestedAt,
      data: {
        notificationId: n.notificationId,
        organisationId: n.recipient.organisationId,
        subjectId: n.source.subjectId,
        source: { context: n.source.context, eventType: n.source.eventType, eventId: n.source.eventId },
        ...n.facts,
      },
    });
    return {
      body,
      rendered: {
        ...WEBHOOK_PAYLOAD_TEMPLATE,
        trigger: n.trigger,
        // A JSON body has no language: recorded as English, the language of its field names.
        language: 'en',
        fallbackFrom: null,
        subject: n.trigger,
        html: '',
        text: body,
        bodySha256: createHash('sha256').update(body).digest('hex'),
      },
    };
  }

  async send(n: Notification, endpoint: WebhookEndpoint, body: string, at: Date): Promise<string> {
    const { transport, secrets: store } = this;
    if (!transport || !store)
      throw new DeliveryRefused('no webhook transport is configured', { permanent: false });
    const secrets = await Promise.all(
      secretsInForce(endpoint, at.toISOString()).map((id) => store.reveal(id)),
    );
    try {
      const receipt = await transport.post({
        webhookId: n.notificationId,
        url: endpoint.url,
        body,
        secrets,
        at,
      });
      await this.outcome(endpoint, true);
      return receipt.response;
    } catch (error) {
      if (error instanceof DeliveryRefused && error.refusal.gone) await this.disableGone(endpoint);
      else await this.outcome(endpoint, false);
      throw error;
    }
  }

  private async outcome(endpoint: WebhookEndpoint, succeeded: boolean): Promise<void> {
    const at = new Date().toISOString();
    await this.commands
      .execute(
        'webhookEndpoint',
        endpoint.endpointId,
        { type: 'RecordWebhookOutcome', data: { endpointId: endpoint.endpointId, succeeded, at } },
        NOTIFICATIONS_SYSTEM_ACTOR,
        { now: at },
      )
      .catch((error: unknown) =>
        // The delivery's own record matters more: an endpoint changed meanwhile is logged, not fatal.
        this.logger.warn(`${endpoint.endpointId}: outcome not recorded: ${String(error)}`),
      );
  }

  private async disableGone(endpoint: WebhookEndpoint): Promise<void> {
    this.logger.warn(`${endpoint.endpointId} answered 410 Gone: disabled`);
    await this.commands.execute(
      'webhookEndpoint',
      endpoint.endpointId,
      { type: 'DisableWebhookEndpoint', data: { endpointId: endpoint.endpointId, reason: 'gone' } },
      NOTIFICATIONS_SYSTEM_ACTOR,
    );
  }
}
