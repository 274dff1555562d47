import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CommandActor,
  CommandInput,
  ContextCommands,
  DetailedOutcome,
  ExecuteOptions,
  KitMetrics,
  Loaded,
  StateOf as StateIn,
} from '@tadamon/nest-kit';
import { NotificationsError } from '../domain/errors';
import { notificationDecider, notificationStreamName } from '../domain/notification/notification';
import { preferencesDecider, preferencesStreamName } from '../domain/preferences/preferences';
import { noticeSubjectDecider, noticeSubjectStreamName } from '../domain/subject/notice-subject';
import {
  webhookEndpointDecider,
  webhookEndpointStreamName,
} from '../domain/webhook-endpoint/webhook-endpoint';
import {
  AppendListener,
  NOTIFICATIONS_APPEND_LISTENER,
  NOTIFICATIONS_EVENT_STORE,
  NotificationsEventStore,
} from './notifications-ports';

/** Each aggregate of Notifications: its decider and how its id names its stream. */
export const NOTIFICATIONS_AGGREGATES = {
  notification: { decider: notificationDecider, stream: notificationStreamName },
  preferences: { decider: preferencesDecider, stream: preferencesStreamName },
  noticeSubject: { decider: noticeSubjectDecider, stream: noticeSubjectStreamName },
  webhookEndpoint: { decider: webhookEndpointDecider, stream: webhookEndpointStreamName },
} as const;
export type NotificationsAggregate = keyof typeof NOTIFICATIONS_AGGREGATES;
type Aggregates = typeof NOTIFICATIONS_AGGREGATES;
export type NotificationsStateOf<A extends NotificationsAggregate> = StateIn<Aggregates, A>;
export type NotificationsCommandInput<A extends NotificationsAggregate> = CommandInput<Aggregates, A>;

/** The identity Notifications records its own commands as (policies and the dispatcher). */
export const NOTIFICATIONS_SYSTEM_ACTOR: CommandActor = { id: 'system-notifications', roles: [] };

/** Runs Notifications' commands through the kit's ContextCommands (read, fold, decide, append). */
@Injectable()
export class NotificationsCommands {
  private readonly commands: ContextCommands<Aggregates>;

  constructor(
    @Inject(NOTIFICATIONS_EVENT_STORE) store: NotificationsEventStore,
    @Optional() @Inject(NOTIFICATIONS_APPEND_LISTENER) listener?: AppendListener,
    @Optional() metrics?: KitMetrics,
  ) {
    this.commands = new ContextCommands(NOTIFICATIONS_AGGREGATES, store, {
      context: 'notifications',
      isDomainError: (error) => error instanceof NotificationsError,
      creating: new Set(['RequestNotification', 'RegisterWebhookEndpoint']),
      listener,
      metrics,
    });
  }

  execute<A extends NotificationsAggregate>(
    aggregate: A,
    id: string,
    command: NotificationsCommandInput<A>,
    actor: CommandActor,
    options: ExecuteOptions = {},
  ): Promise<DetailedOutcome> {
    return this.commands.run(aggregate, id, command, actor, options);
  }

  load<A extends NotificationsAggregate>(
    aggregate: A,
    id: string,
  ): Promise<Loaded<NotificationsStateOf<A>> | undefined> {
    return this.commands.load(aggregate, id);
  }
}
