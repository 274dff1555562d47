import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DocumentStore } from '@tadamon/read-store';
import { NOTIFICATIONS, NotificationDoc } from '../projections/notifications-view';
import { DeliveryStep, NotificationDelivery } from './notification-delivery';
import {
  NOTIFICATIONS_READ_MODELS,
  NOTIFICATIONS_SETTINGS,
  NotificationsSettings,
} from './notifications-ports';

const BATCH = 200;

/**
 * Sends what is due. The policy hands it the notifications it has just requested (sent at once);
 * the poll of the read model finds the rest: deferred ones whose quiet hours ended, retries whose
 * time came, attempts a crash left open, and everything requested before a restart. Each
 * notification is taken by one worker of this instance at a time; instances share nothing but the
 * log, whose expected revision lets only one of them start an attempt.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationDispatcher');
  private readonly queue = new Set<string>();
  private readonly working = new Set<string>();
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];
  readonly counts: Record<DeliveryStep | 'errors', number> = {
    skipped: 0,
    deferred: 0,
    delivered: 0,
    retrying: 0,
    failed: 0,
    'not-due': 0,
    taken: 0,
    errors: 0,
  };

  constructor(
    private readonly delivery: NotificationDelivery,
    @Inject(NOTIFICATIONS_READ_MODELS) private readonly readModels: DocumentStore,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.pollIntervalMs > 0) this.schedulePoll(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
    await this.idle();
  }

  /** Sends these notifications now (the policy's fresh requests). */
  enqueue(notificationIds: readonly string[]): void {
    if (this.stopped) return;
    for (const id of notificationIds) this.queue.add(id);
    this.pump();
  }

  /** Looks for due notifications once (also what the timer does). */
  async poll(now = new Date()): Promise<number> {
    const due = await this.readModels
      .collection<NotificationDoc>(NOTIFICATIONS)
      .find({ dueAt: { $lte: now.toISOString() } }, { sort: { dueAt: 1 }, limit: BATCH });
    this.enqueue(due.map((doc) => doc.notificationId));
    return due.length;
  }

  /** Resolves once nothing is queued or being sent. */
  idle(): Promise<void> {
    if (this.queue.size === 0 && this.working.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.working.size < this.settings.concurrency && this.queue.size > 0) {
      const id = this.queue.values().next().value as string;
      this.queue.delete(id);
      if (this.working.has(id)) continue;
      this.working.add(id);
      void this.work(id).finally(() => {
        this.working.delete(id);
        this.pump();
        if (this.queue.size === 0 && this.working.size === 0) {
          for (const resolve of this.idleWaiters.splice(0)) resolve();
        }
      });
    }
  }

  private async work(id: string): Promise<void> {
    try {
      // A notification goes as far as it can in one go (e.g. requested, then rendered and sent).
      const step = await this.delivery.deliver(id);
      this.counts[step] += 1;
    } catch (error) {
      this.counts.errors += 1;
      this.logger.error(`${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private schedulePoll(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.logger.error(`poll: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => this.schedulePoll(this.settings.pollIntervalMs));
    }, delayMs);
    this.timer.unref?.();
  }
}
