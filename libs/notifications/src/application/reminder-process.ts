import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DocumentStore } from '@tadamon/read-store';
import { notificationIdFor } from '../domain/notification/notification-identity';
import { NotificationRecipient } from '../domain/notification/notification-messages';
import { NotificationDispatcher } from './dispatcher';
import { titleOf } from './notice-titles';
import { NOTIFICATIONS_SYSTEM_ACTOR, NotificationsCommands } from './notifications-commands';
import {
  NOTIFICATIONS_READ_MODELS,
  NOTIFICATIONS_SETTINGS,
  NotificationsSettings,
} from './notifications-ports';
import { DueReminder, dueReminders, reminderSourceId, reminderWindow } from './session-reminders';
import {
  TRAINING_SEATS,
  TRAINING_SESSIONS,
  TrainingSeatDoc,
  TrainingSessionDoc,
} from './training-sessions-view';

/**
 * Training's session reminders. Each pass reads Notifications' own read model of sessions and seats
 * (kept from Training's events) and requests one `session-reminder` email per confirmed trainee of
 * each session whose first sitting starts within 24 hours. The notification id derives from the
 * session and the trainee only, so a second pass, a restart or a second instance requests nothing
 * more, and a session moved after its reminder went out is not reminded twice.
 */
@Injectable()
export class ReminderProcess implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReminderProcess');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly commands: NotificationsCommands,
    private readonly dispatcher: NotificationDispatcher,
    @Inject(NOTIFICATIONS_READ_MODELS) private readonly readModels: DocumentStore,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.reminderIntervalMs > 0) this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass: the reminders due at `now`; returns the ids of those it requested (none twice). */
  async pass(now = new Date()): Promise<string[]> {
    const { after, until } = reminderWindow(now);
    const sessions = await this.readModels
      .collection<TrainingSessionDoc>(TRAINING_SESSIONS)
      .find({ status: 'scheduled', firstSittingAt: { $gt: after, $lte: until } }, { sort: { _id: 1 } });
    if (sessions.length === 0) return [];
    const seats = await this.readModels
      .collection<TrainingSeatDoc>(TRAINING_SEATS)
      .find(
        { sessionId: { $in: sessions.map((s) => s.sessionId) }, status: 'confirmed' },
        { sort: { _id: 1 } },
      );
    const requested: string[] = [];
    for (const due of dueReminders(sessions, seats, now)) {
      const id = await this.request(due, now);
      if (id) requested.push(id);
    }
    if (requested.length > 0) {
      this.logger.log(`${requested.length} session reminder(s) requested`);
      this.dispatcher.enqueue(requested);
    }
    return requested;
  }

  private async request(due: DueReminder, now: Date): Promise<string | undefined> {
    const recipient: NotificationRecipient = {
      kind: 'contact-person',
      id: due.traineeId,
      organisationId: due.associationId,
    };
    const eventId = reminderSourceId(due.sessionId, due.traineeId);
    const notificationId = notificationIdFor(eventId, recipient, 'email');
    // Already requested (maybe for the session's earlier time): never a second reminder.
    if (await this.commands.load('notification', notificationId)) return undefined;
    const title = await titleOf(this.commands, due.sessionId);
    // Never an untitled reminder: the module's event has not arrived yet; the next pass tries again.
    if (!title) return undefined;
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
            eventType: 'SessionReminderDue',
            subjectId: due.sessionId,
          },
          recipient,
          channel: 'email',
          trigger: 'session-reminder',
          facts: {
            reference: due.sessionId,
            title,
            date: due.startsAt,
            timezone: due.timezone,
            place: due.place,
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
          this.logger.error(`reminder pass: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          if (this.timer) this.schedule();
        });
    }, this.settings.reminderIntervalMs);
    this.timer.unref?.();
  }
}
