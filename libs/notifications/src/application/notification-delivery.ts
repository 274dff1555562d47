import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { WrongExpectedRevision } from '@tadamon/eventsourcing';
import { DetailedOutcome } from '@tadamon/nest-kit';
import { DeliveryRefused, EmailTransport } from '../channels/channel-ports';
import { nextAttemptAt } from '../domain/delivery/retry-schedule';
import { route } from '../domain/delivery/routing';
import { messageIdFor } from '../domain/notification/notification-identity';
import { Language, SkipReason } from '../domain/notification/notification-messages';
import { Notification } from '../domain/notification/notification-state';
import { PreferencesState, settingsOf } from '../domain/preferences/preferences';
import { MessageModel, RenderedMessage } from '../templates/rendered-message';
import { WebhookDeliveries } from './webhook-deliveries';
import { NOTIFICATIONS_SYSTEM_ACTOR, NotificationsCommands } from './notifications-commands';
import { unsubscribeToken } from './unsubscribe-token';
import {
  MessageRenderer,
  NOTIFICATIONS_EMAIL_TRANSPORT,
  NOTIFICATIONS_RECIPIENTS,
  NOTIFICATIONS_RENDERER,
  NOTIFICATIONS_SETTINGS,
  NotificationsSettings,
  OpenedContact,
  RecipientDirectory,
} from './notifications-ports';

/** What one pass over a notification did. */
export type DeliveryStep = 'skipped' | 'deferred' | 'delivered' | 'retrying' | 'failed' | 'not-due' | 'taken';

const actor = NOTIFICATIONS_SYSTEM_ACTOR;

/**
 * Takes one notification as far as it can go now: route it (skip with the reason, or hold it until
 * the quiet hours end), render it in the recipient's language, record the attempt, send it, record
 * the outcome. The attempt is recorded BEFORE the send, with the revision read, so two instances
 * never send the same attempt; a crash between the send and its record leaves the attempt open,
 * and after the lease the next attempt goes out with the same Message-ID (mail clients show one).
 */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger('NotificationDelivery');

  constructor(
    private readonly commands: NotificationsCommands,
    @Inject(NOTIFICATIONS_RECIPIENTS) private readonly directory: RecipientDirectory,
    @Inject(NOTIFICATIONS_RENDERER) private readonly renderer: MessageRenderer,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    private readonly webhooks: WebhookDeliveries,
    @Optional() @Inject(NOTIFICATIONS_EMAIL_TRANSPORT) private readonly email?: EmailTransport,
  ) {}

  async deliver(notificationId: string, now = new Date()): Promise<DeliveryStep> {
    const loaded = await this.commands.load('notification', notificationId);
    if (!loaded || loaded.state.status === 'none') return 'not-due';
    const n = loaded.state;
    if (!this.isDue(n, loaded.events.at(-1)?.data, now)) return 'not-due';
    if (n.status === 'sending') return this.reclaim(n, loaded.revision, now);
    const at = now.toISOString();

    const contact = await this.contactOf(n);
    if (contact === 'erased') return this.skip(n, 'erased', at);
    // Read once per delivery: the routing and the message's language both follow them.
    const preferences = new PreferencesOnce(() => this.preferenceStates(n));
    if (n.status === 'requested') {
      const routing = route(
        n.trigger,
        n.channel,
        inForce(await preferences.get()),
        await this.standingOf(n, contact),
        at,
      );
      if ('skip' in routing) return this.skip(n, routing.skip, at);
      if ('deferUntil' in routing) {
        await this.run(
          n,
          {
            type: 'DeferNotification',
            data: { notificationId: n.notificationId, until: routing.deferUntil },
          },
          at,
        );
        return 'deferred';
      }
    }
    if (n.channel === 'email' && (contact === undefined || !contact.email))
      return this.skip(n, 'channel-not-set-up', at, 'the contact person has no email address');
    const endpoint = n.channel === 'webhook' ? await this.webhooks.endpointOf(n) : null;
    if (typeof endpoint === 'string') return this.skip(n, 'channel-not-set-up', at, endpoint);

    const { message, revision } = await this.render(n, contact ?? null, preferences, loaded.revision);
    const start = await this.commands
      .execute(
        'notification',
        n.notificationId,
        { type: 'StartDeliveryAttempt', data: { notificationId: n.notificationId, attempt: n.attempts + 1 } },
        actor,
        { now: at, expectedRevision: revision, maxRetries: 0 },
      )
      .catch((error: unknown) => {
        if (error instanceof WrongExpectedRevision) return undefined; // another instance took it
        throw error;
      });
    if (!start || start.events.length === 0) return 'taken';
    const attempt = n.attempts + 1;
    try {
      const receipt = endpoint
        ? await this.webhooks.send(n, endpoint, message.text, now)
        : await this.send(n, message, contact ?? null);
      await this.run(
        n,
        { type: 'RecordDelivery', data: { notificationId: n.notificationId, attempt, response: receipt } },
        new Date().toISOString(),
      );
      return 'delivered';
    } catch (error) {
      return this.recordFailure(n, attempt, error);
    }
  }

  private async send(
    n: Notification,
    message: RenderedMessage,
    contact: OpenedContact | null,
  ): Promise<string> {
    if (n.channel === 'in-app') return 'inbox';
    if (n.channel === 'email') {
      if (!this.email) throw new DeliveryRefused('no email transport is configured', { permanent: false });
      const receipt = await this.email.send({
        notificationId: n.notificationId,
        messageId: messageIdFor(n.notificationId, this.settings.mailDomain),
        to: { address: contact?.email ?? '', name: contact?.fullName ?? null },
        subject: message.subject,
        html: message.html,
        text: message.text,
        language: message.language,
        listUnsubscribe: this.unsubscribe(n),
      });
      return receipt.response;
    }
    throw new DeliveryRefused(`the ${n.channel} channel is not available`, { permanent: true });
  }

  /**
   * An attempt left open past the lease (its sender stopped between the send and its record): it is
   * closed as failed, its outcome unknown, and the next attempt goes at once (the decider starts an
   * attempt only after the previous one has an outcome). The message may have gone out: the next
   * carries the same Message-ID or webhook-id. With the revision read, so one instance reclaims it.
   */
  private async reclaim(n: Notification, revision: number, now: Date): Promise<DeliveryStep> {
    const at = now.toISOString();
    const delays =
      n.channel === 'webhook' ? this.settings.webhookRetryDelaysMs : this.settings.emailRetryDelaysMs;
    const another = nextAttemptAt(n.attempts, at, null, delays) !== null;
    const reason = `no outcome recorded within the ${this.settings.sendingLeaseMs} ms lease (the sender stopped); it may have been delivered`;
    this.logger.warn(`${n.notificationId} attempt ${n.attempts} left open: reclaimed`);
    const closed = await this.commands
      .execute(
        'notification',
        n.notificationId,
        {
          type: 'RecordFailedAttempt',
          data: {
            notificationId: n.notificationId,
            attempt: n.attempts,
            reason,
            retryAt: another ? at : null,
          },
        },
        actor,
        { now: at, expectedRevision: revision, maxRetries: 0 },
      )
      .catch((error: unknown) => {
        if (error instanceof WrongExpectedRevision) return undefined; // another instance reclaimed it
        throw error;
      });
    if (!closed) return 'taken';
    return another ? this.deliver(n.notificationId, now) : 'failed';
  }

  private async recordFailure(n: Notification, attempt: number, error: unknown): Promise<DeliveryStep> {
    const refusal = error instanceof DeliveryRefused ? error.refusal : { permanent: false };
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 2000) || 'unknown error';
    const failedAt = new Date().toISOString();
    const delays =
      n.channel === 'webhook' ? this.settings.webhookRetryDelaysMs : this.settings.emailRetryDelaysMs;
    const retryAt = refusal.permanent
      ? null
      : nextAttemptAt(attempt, failedAt, refusal.retryAfterSeconds ?? null, delays);
    this.logger.warn(`${n.notificationId} attempt ${attempt} failed: ${reason}`);
    await this.run(
      n,
      { type: 'RecordFailedAttempt', data: { notificationId: n.notificationId, attempt, reason, retryAt } },
      failedAt,
    );
    return retryAt === null ? 'failed' : 'retrying';
  }

  private async render(
    n: Notification,
    contact: OpenedContact | null,
    preferences: PreferencesOnce,
    revision: number,
  ): Promise<{ message: RenderedMessage; revision: number }> {
    const message =
      n.channel === 'webhook'
        ? this.webhooks.payload(n).rendered
        : await this.message(n, contact, await preferences.get());
    const rendered = {
      templateId: message.templateId,
      templateVersion: message.templateVersion,
      language: message.language,
      fallbackFrom: message.fallbackFrom,
      subject: message.subject,
      bodySha256: message.bodySha256,
    };
    // Rendered again for a retry: the same template version gives the same record (no new event).
    const same = n.rendered && JSON.stringify(n.rendered) === JSON.stringify(rendered);
    if (same) return { message, revision };
    const outcome = await this.run(
      n,
      { type: 'RenderNotification', data: { notificationId: n.notificationId, ...rendered } },
      new Date().toISOString(),
    );
    return { message, revision: outcome.revision };
  }

  /** The email or inbox message, in the recipient's language (the template's fallback recorded). */
  private async message(
    n: Notification,
    contact: OpenedContact | null,
    preferences: PreferenceStates,
  ): Promise<RenderedMessage> {
    const language = languageOf(preferences, contact);
    const names = n.recipient.organisationId
      ? await this.directory.organisationNames(n.recipient.organisationId)
      : undefined;
    const model: MessageModel = {
      ...n.facts,
      recipientName: contact?.fullName ?? null,
      organisationName: names ?? { fr: n.recipient.organisationId ?? '' },
      links: this.links(n),
    };
    return this.renderer.render(n.trigger, language, model);
  }

  private links(n: Notification): MessageModel['links'] {
    const base = this.settings.publicUrl.replace(/\/$/, '');
    const certificate = encodeURIComponent(n.facts.reference);
    return {
      open: `${base}/notifications/${n.notificationId}`,
      preferences: `${base}/notifications/preferences`,
      unsubscribe: this.unsubscribe(n)?.url ?? null,
      // A certificate's page in the web app, and its public verification page (anyone may open it).
      ...(n.trigger === 'certificate-issued'
        ? {
            certificate: `${base}/training/certificates/${certificate}`,
            verify: `${base}/verify/${certificate}`,
          }
        : {}),
    };
  }

  private unsubscribe(n: Notification): { url: string; mailto: string | null } | null {
    if (n.channel !== 'email' || n.trigger === 'digest') return null;
    const base = this.settings.publicUrl.replace(/\/$/, '');
    return {
      url: `${base}/api/notifications/unsubscribe/${n.notificationId}?token=${unsubscribeToken(this.settings.unsubscribeSecret, n.notificationId)}`,
      mailto: this.settings.unsubscribeMailto,
    };
  }

  private async preferenceStates(n: Notification): Promise<PreferenceStates> {
    const own = await this.stateOf(n.recipient.id);
    const organisation = n.recipient.organisationId ? await this.stateOf(n.recipient.organisationId) : null;
    return { own, organisation };
  }

  private async stateOf(recipientId: string): Promise<PreferencesState> {
    const loaded = await this.commands.load('preferences', recipientId);
    return loaded?.state ?? { status: 'none', unsubscribed: [] };
  }

  /** Consent and erasure of a contact person: from the card opened to send, else from the directory. */
  private async standingOf(
    n: Notification,
    contact: OpenedContact | undefined,
  ): Promise<{ erased: boolean; consented: boolean } | null> {
    if (n.recipient.kind !== 'contact-person') return null;
    if (contact) return { erased: false, consented: contact.consented };
    const entry = await this.directory.contact(n.recipient.id);
    return entry ? { erased: entry.status === 'erased', consented: entry.consented } : null;
  }

  private async contactOf(n: Notification): Promise<OpenedContact | 'erased' | undefined> {
    if (n.recipient.kind !== 'contact-person' || n.channel !== 'email') return undefined;
    return this.directory.openContact(n.recipient.id);
  }

  private isDue(n: Notification, last: unknown, now: Date): boolean {
    const t = now.getTime();
    switch (n.status) {
      case 'requested':
      case 'rendered':
        return true;
      case 'deferred':
        return Date.parse(n.deferredUntil ?? '') <= t;
      case 'retrying':
        return Date.parse(n.retryAt ?? '') <= t;
      case 'sending': {
        const startedAt = (last as { at?: string } | undefined)?.at;
        return Date.parse(startedAt ?? '') + this.settings.sendingLeaseMs <= t;
      }
      default:
        return false;
    }
  }

  private async skip(
    n: Notification,
    reason: SkipReason,
    at: string,
    detail: string | null = null,
  ): Promise<DeliveryStep> {
    await this.run(
      n,
      { type: 'SkipNotification', data: { notificationId: n.notificationId, reason, detail } },
      at,
    );
    return 'skipped';
  }

  private run(
    n: Notification,
    command: Parameters<NotificationsCommands['execute']>[2],
    now: string,
  ): Promise<DetailedOutcome> {
    return this.commands.execute('notification', n.notificationId, command as never, actor, { now });
  }
}

interface PreferenceStates {
  own: PreferencesState;
  organisation: PreferencesState | null;
}

/** The preferences of one delivery, read at most once. */
class PreferencesOnce {
  private loaded?: Promise<PreferenceStates>;
  constructor(private readonly load: () => Promise<PreferenceStates>) {}
  get(): Promise<PreferenceStates> {
    this.loaded ??= this.load();
    return this.loaded;
  }
}

/**
 * The preferences in force: the recipient's own once set, else their organisation's (the
 * defaults its account sets for its people and endpoints), else the platform's. Categories
 * unsubscribed by either are not sent.
 */
const inForce = ({ own, organisation }: PreferenceStates): PreferencesState => {
  if (own.status === 'set' || !organisation) return own;
  const unsubscribed = [...new Set([...own.unsubscribed, ...organisation.unsubscribed])].sort();
  return { ...organisation, unsubscribed } as PreferencesState;
};

/** The recipient's own choice, else the language on their card, else their organisation's, else French. */
const languageOf = ({ own, organisation }: PreferenceStates, contact: OpenedContact | null): Language => {
  if (own.status === 'set') return own.language;
  if (contact?.language) return contact.language;
  return settingsOf(organisation ?? own).language;
};
