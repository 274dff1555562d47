import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DocumentStore } from '@tadamon/read-store';
import { digestPeriod } from '../domain/delivery/digest-period';
import { MAX_DIGEST_ITEMS } from '../domain/notification/notice-facts';
import { notificationIdFor } from '../domain/notification/notification-identity';
import { NotificationRecipient } from '../domain/notification/notification-messages';
import { NOTIFICATIONS, NotificationDoc } from '../projections/notifications-view';
import { TRIGGER_LABELS } from '../templates/trigger-labels';
import { NotificationDispatcher } from './dispatcher';
import { NOTIFICATIONS_SYSTEM_ACTOR, NotificationsCommands } from './notifications-commands';
import {
  NOTIFICATIONS_READ_MODELS,
  NOTIFICATIONS_SETTINGS,
  NotificationsSettings,
} from './notifications-ports';

/** The source of a recipient's digest for a period: its id is the digest's identity. */
export const digestSourceId = (recipientId: string, period: string): string =>
  `digest:${recipientId}:${period}`;

/**
 * The daily and weekly digests. The notices of a recipient who chose a digest are skipped as
 * `in-digest` when they come; each pass gathers those not yet in a digest, per recipient, and once
 * the recipient's period is due (08:00 in Casablanca, Mondays for a week) requests ONE digest
 * notification for that recipient and period, listing them. Its id derives from the recipient and
 * the period, so a second pass, a restart or a second instance finds it already requested; notices
 * held after it wait for the next period. The digest is then delivered like any email.
 */
@Injectable()
export class DigestProcess implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DigestProcess');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly commands: NotificationsCommands,
    private readonly dispatcher: NotificationDispatcher,
    @Inject(NOTIFICATIONS_READ_MODELS) private readonly readModels: DocumentStore,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.digestIntervalMs > 0) this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass: the digests due at `now`; returns the ids of the digests it requested. */
  async pass(now = new Date()): Promise<string[]> {
    const held = await this.readModels
      .collection<NotificationDoc>(NOTIFICATIONS)
      .find(
        { status: 'skipped', skipReason: 'in-digest', digestId: null },
        { sort: { requestedAt: 1, _id: 1 }, limit: 10_000 },
      );
    const byRecipient = new Map<string, NotificationDoc[]>();
    for (const doc of held) {
      const key = `${doc.recipient.kind}/${doc.recipient.id}`;
      const docs = byRecipient.get(key);
      if (docs) docs.push(doc);
      else byRecipient.set(key, [doc]);
    }
    const requested: string[] = [];
    for (const docs of byRecipient.values()) {
      const id = await this.digestFor(docs[0].recipient, docs.slice(0, MAX_DIGEST_ITEMS), now);
      if (id) requested.push(id);
    }
    if (requested.length > 0) {
      this.logger.log(`${requested.length} digest(s) requested`);
      this.dispatcher.enqueue(requested);
    }
    return requested;
  }

  private async digestFor(
    recipient: NotificationRecipient,
    docs: NotificationDoc[],
    now: Date,
  ): Promise<string | undefined> {
    const preferences = (await this.commands.load('preferences', recipient.id))?.state;
    const cadence = preferences?.status === 'set' && preferences.cadence === 'weekly' ? 'weekly' : 'daily';
    const period = digestPeriod(cadence, now);
    if (!period) return undefined;
    const eventId = digestSourceId(recipient.id, period);
    const notificationId = notificationIdFor(eventId, recipient, 'email');
    // This period's digest already went (or is going) out: the rest wait for the next period.
    if (await this.commands.load('notification', notificationId)) return undefined;
    await this.commands.execute(
      'notification',
      notificationId,
      {
        type: 'RequestNotification',
        data: {
          notificationId,
          source: {
            context: 'notifications',
            eventId,
            eventType: 'DigestDue',
            subjectId: `digest-${period}`,
          },
          recipient,
          channel: 'email',
          trigger: 'digest',
          facts: {
            reference: period,
            date: now.toISOString(),
            items: docs.map((doc) => ({
              notificationId: doc.notificationId,
              title: { ...TRIGGER_LABELS[doc.trigger] },
              reference: doc.subjectId,
              date: doc.requestedAt,
            })),
          },
        },
      },
      NOTIFICATIONS_SYSTEM_ACTOR,
      { now: now.toISOString() },
    );
    return notificationId;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .catch((error: unknown) =>
          this.logger.error(`digest pass: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          if (this.timer) this.schedule();
        });
    }, this.settings.digestIntervalMs);
    this.timer.unref?.();
  }
}
