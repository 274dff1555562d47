import { Controller, Inject, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  eventsTopic,
  FUNDING_CONTEXT,
  IntegrationEvent,
  PARTNERSHIPS_CONTEXT,
  REGISTRY_CONTEXT,
  TRAINING_CONTEXT,
} from '@tadamon/contracts';
import { uuidV5 } from '@tadamon/eventsourcing';
import { consumerTransport } from '@tadamon/messaging';
import { NotificationDispatcher } from '../application/dispatcher';
import { NoticeIntent, noticesOf } from '../application/notice-intents';
import { titleOf } from '../application/notice-titles';
import {
  applyTrainingEvent,
  TRAINING_SESSIONS,
  TrainingSessionDoc,
} from '../application/training-sessions-view';
import { NOTIFICATIONS_SYSTEM_ACTOR, NotificationsCommands } from '../application/notifications-commands';
import {
  NOTIFICATIONS_READ_MODELS,
  NOTIFICATIONS_RECIPIENTS,
  NotificationsReadModels,
  RecipientDirectory,
} from '../application/notifications-ports';
import { WEBHOOK_ENDPOINTS, WebhookEndpointDoc } from '../projections/webhook-endpoints-view';
import { notificationIdFor } from '../domain/notification/notification-identity';
import {
  Channel,
  NotificationRecipient,
  SourceContext,
  Trigger,
} from '../domain/notification/notification-messages';

/** Namespace of the policy's command ids: one id per (integration event, command's stream). */
const POLICY_COMMAND_NAMESPACE = '3f0c2a7e-9b51-4d8e-a6c4-2e7b91d05f13';

/**
 * An event about a record whose organisations Notifications has not learnt (its first event has
 * not arrived). Thrown so the delivery is retried, then dead-lettered for an operator: never dropped.
 */
export class SubjectNotYetKnown extends Error {
  override readonly name = 'SubjectNotYetKnown';
  constructor(subjectId: string, eventType: string, unknown = 'organisations are') {
    super(`${eventType} about ${subjectId}, whose ${unknown} not known yet`);
  }
}

/**
 * Notifications' reaction to the other contexts' integration events: each event that calls for a
 * notice (see notice-intents.ts) becomes one notification per (event, recipient, channel), under
 * the id derived from them, so a redelivered message, a restarted consumer or a second instance
 * requests nothing twice. The recipients are the organisations' contact persons (email), users
 * (in-app) and webhook endpoints that receive the trigger. The notifications just requested go to the dispatcher at once.
 */
@Controller()
export class OnContextEvents {
  private readonly logger = new Logger('NotificationsPolicy');

  constructor(
    private readonly commands: NotificationsCommands,
    private readonly dispatcher: NotificationDispatcher,
    @Inject(NOTIFICATIONS_RECIPIENTS) private readonly directory: RecipientDirectory,
    @Inject(NOTIFICATIONS_READ_MODELS) private readonly readModels: NotificationsReadModels,
  ) {}

  @EventPattern(eventsTopic(FUNDING_CONTEXT), consumerTransport('notifications'))
  async onFunding(@Payload() event: IntegrationEvent): Promise<void> {
    await this.handle(event);
  }

  @EventPattern(eventsTopic(PARTNERSHIPS_CONTEXT), consumerTransport('notifications'))
  async onPartnerships(@Payload() event: IntegrationEvent): Promise<void> {
    await this.handle(event);
  }

  @EventPattern(eventsTopic(REGISTRY_CONTEXT), consumerTransport('notifications'))
  async onRegistry(@Payload() event: IntegrationEvent): Promise<void> {
    await this.handle(event);
  }

  /** Training's events also keep Notifications' read model of sessions and seats (for the reminders). */
  @EventPattern(eventsTopic(TRAINING_CONTEXT), consumerTransport('notifications'))
  async onTraining(@Payload() event: IntegrationEvent): Promise<void> {
    await applyTrainingEvent(this.readModels, event);
    await this.handle(event);
  }

  async handle(event: IntegrationEvent): Promise<string[]> {
    const notices = noticesOf(event);
    if (!notices) return [];
    if (notices.subject) {
      const { subjectId, organisationIds, title, partOf } = notices.subject;
      await this.commands.execute(
        'noticeSubject',
        subjectId,
        {
          type: 'RecordNoticeSubject',
          data: { subjectId, organisationIds, title: title ?? null, partOf: partOf ?? null },
        },
        NOTIFICATIONS_SYSTEM_ACTOR,
        this.options(event, `subject:${subjectId}`),
      );
    }
    const requested: string[] = [];
    for (const told of notices.notices) {
      const notice = await this.withSession(await this.withTitle(told, event), event);
      for (const organisationId of await this.organisationsOf(notice, event)) {
        for (const { recipient, channel } of await this.recipientsOf(organisationId, notice)) {
          requested.push(await this.request(event, notices.context, notice, recipient, channel));
        }
      }
    }
    if (requested.length > 0) {
      this.logger.log(`${event.type} ${event.eventId}: ${requested.length} notification(s) requested`);
      this.dispatcher.enqueue(requested);
    }
    return requested;
  }

  /** A notice whose event names no title takes the record's (or its module's), when an event gave one. */
  private async withTitle(notice: NoticeIntent, event: IntegrationEvent): Promise<NoticeIntent> {
    if (notice.facts.title) return notice;
    const title = await titleOf(this.commands, notice.subjectId);
    // A trainee's notice names its course: on Kafka the module's event may come after (another
    // partition), so it is retried rather than sent untitled.
    if (!title && notice.person) throw new SubjectNotYetKnown(notice.subjectId, event.type, 'title is');
    return title ? { ...notice, facts: { ...notice.facts, title } } : notice;
  }

  /** A training notice tells the session's first sitting, on its clock, and its place. */
  private async withSession(notice: NoticeIntent, event: IntegrationEvent): Promise<NoticeIntent> {
    if (!notice.session) return notice;
    const session = await this.readModels
      .collection<TrainingSessionDoc>(TRAINING_SESSIONS)
      .get(notice.session);
    if (!session) throw new SubjectNotYetKnown(notice.session, event.type, 'session facts are');
    return {
      ...notice,
      facts: {
        ...notice.facts,
        date: session.firstSittingAt,
        timezone: session.timezone,
        place: session.place,
      },
    };
  }

  private async organisationsOf(notice: NoticeIntent, event: IntegrationEvent): Promise<string[]> {
    if (notice.organisationIds) return notice.organisationIds;
    if (notice.audience) return this.directory.associationsMatching(notice.audience);
    const known = await this.commands.load('noticeSubject', notice.subjectId);
    const ids = known?.state.organisationIds ?? [];
    if (ids.length === 0) throw new SubjectNotYetKnown(notice.subjectId, event.type);
    return ids;
  }

  /**
   * An organisation's contact persons by email, or only the person the notice is for (a trainee);
   * its accounts in-app; its webhook endpoints that receive the trigger.
   */
  private async recipientsOf(
    organisationId: string,
    notice: NoticeIntent,
  ): Promise<{ recipient: NotificationRecipient; channel: Channel }[]> {
    const trigger: Trigger = notice.trigger;
    const contacts = notice.person
      ? [{ subjectId: notice.person, status: 'active' as const }]
      : await this.directory.contactsOf(organisationId);
    const users = await this.directory.usersOf(organisationId);
    const endpoints = await this.readModels
      .collection<WebhookEndpointDoc>(WEBHOOK_ENDPOINTS)
      .find({ organisationId, status: 'enabled', triggers: trigger }, { sort: { endpointId: 1 } });
    return [
      // An erased person is still requested: the notification records that it was skipped, and why.
      ...contacts
        .filter((c) => c.status !== 'removed')
        .map((c) => ({
          recipient: { kind: 'contact-person' as const, id: c.subjectId, organisationId },
          channel: 'email' as const,
        })),
      ...users.map((u) => ({
        recipient: { kind: 'user' as const, id: u.id, organisationId },
        channel: 'in-app' as const,
      })),
      ...endpoints.map((e) => ({
        recipient: { kind: 'webhook-endpoint' as const, id: e.endpointId, organisationId },
        channel: 'webhook' as const,
      })),
    ];
  }

  private async request(
    event: IntegrationEvent,
    context: SourceContext,
    notice: NoticeIntent,
    recipient: NotificationRecipient,
    channel: Channel,
  ): Promise<string> {
    const notificationId = notificationIdFor(event.eventId, recipient, channel);
    await this.commands.execute(
      'notification',
      notificationId,
      {
        type: 'RequestNotification',
        data: {
          notificationId,
          source: { context, eventId: event.eventId, eventType: event.type, subjectId: notice.subjectId },
          recipient,
          channel,
          trigger: notice.trigger,
          facts: notice.facts,
        },
      },
      NOTIFICATIONS_SYSTEM_ACTOR,
      this.options(event, notificationId),
    );
    return notificationId;
  }

  private options(event: IntegrationEvent, stream: string) {
    return {
      commandId: uuidV5(`${event.eventId}/${stream}`, POLICY_COMMAND_NAMESPACE),
      causationId: event.eventId,
      correlationId: event.correlationId,
    };
  }
}
