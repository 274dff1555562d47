import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { NotificationsController } from './api/notifications.controller';
import { PreferencesController } from './api/preferences.controller';
import { WebhookEndpointsController } from './api/webhook-endpoints.controller';
import { OneClickUnsubscribeBody } from './api/one-click-body';
import { DigestProcess } from './application/digest-process';
import { ReminderProcess } from './application/reminder-process';
import { NotificationDispatcher } from './application/dispatcher';
import { NotificationDelivery } from './application/notification-delivery';
import { WebhookDeliveries } from './application/webhook-deliveries';
import { NotificationsCommands } from './application/notifications-commands';
import {
  DEFAULT_EMAIL_RETRY_DELAYS_MS,
  NOTIFICATIONS_APPEND_LISTENER,
  NOTIFICATIONS_EMAIL_TRANSPORT,
  NOTIFICATIONS_EVENT_STORE,
  NOTIFICATIONS_READ_MODELS,
  NOTIFICATIONS_RECIPIENTS,
  NOTIFICATIONS_RENDERER,
  NOTIFICATIONS_SETTINGS,
  NOTIFICATIONS_WEBHOOK_SECRETS,
  NOTIFICATIONS_WEBHOOK_TRANSPORT,
  NotificationsSettings,
} from './application/notifications-ports';
import { WEBHOOK_RETRY_DELAYS_MS } from './domain/delivery/retry-schedule';
import { OnContextEvents } from './policies/on-context-events';

/** What Notifications needs from the profile that hosts it: injection tokens of the host's providers. */
export interface NotificationsInfrastructure {
  eventStore: symbol | string;
  readModels: symbol | string;
  appendListener?: symbol | string;
  /** The RecipientDirectory (the Registry's contact persons, the platform's users). */
  recipients: symbol | string;
  /** The EmailTransport: a folder outbox (embedded default) or SMTP. */
  emailTransport: symbol | string;
  /** The MessageRenderer (the MJML + Handlebars templates). */
  renderer: symbol | string;
  /** The WebhookTransport (signed POSTs) and the WebhookSecrets it signs with. */
  webhookTransport: symbol | string;
  webhookSecrets: symbol | string;
}

export interface NotificationsModuleOptions extends NotificationsInfrastructure {
  imports?: (DynamicModule | Type<unknown>)[];
  settings: Partial<NotificationsSettings> &
    Pick<NotificationsSettings, 'publicUrl' | 'mailDomain' | 'unsubscribeSecret'>;
}

export const defaultNotificationsSettings = (
  settings: NotificationsModuleOptions['settings'],
): NotificationsSettings => ({
  unsubscribeMailto: null,
  pollIntervalMs: 1_000,
  concurrency: 8,
  sendingLeaseMs: 60_000,
  digestIntervalMs: 15 * 60_000,
  reminderIntervalMs: 15 * 60_000,
  emailRetryDelaysMs: DEFAULT_EMAIL_RETRY_DELAYS_MS,
  webhookRetryDelaysMs: WEBHOOK_RETRY_DELAYS_MS,
  ...settings,
});

/**
 * Notifications' API, policy and dispatcher on the infrastructure its host provides. The policy
 * receives every context's integration events from the 'notifications' consumer's transport; the
 * dispatcher runs in every instance (the log lets one instance only start each attempt).
 */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsModuleOptions): DynamicModule {
    const optional = (token: symbol, existing?: symbol | string): Provider[] =>
      existing ? [{ provide: token, useExisting: existing }] : [];
    return {
      module: NotificationsModule,
      imports: options.imports ?? [],
      controllers: [
        WebhookEndpointsController,
        NotificationsController,
        PreferencesController,
        OnContextEvents,
      ],
      providers: [
        { provide: NOTIFICATIONS_EVENT_STORE, useExisting: options.eventStore },
        { provide: NOTIFICATIONS_READ_MODELS, useExisting: options.readModels },
        { provide: NOTIFICATIONS_RECIPIENTS, useExisting: options.recipients },
        { provide: NOTIFICATIONS_EMAIL_TRANSPORT, useExisting: options.emailTransport },
        { provide: NOTIFICATIONS_RENDERER, useExisting: options.renderer },
        { provide: NOTIFICATIONS_WEBHOOK_TRANSPORT, useExisting: options.webhookTransport },
        { provide: NOTIFICATIONS_WEBHOOK_SECRETS, useExisting: options.webhookSecrets },
        ...optional(NOTIFICATIONS_APPEND_LISTENER, options.appendListener),
        { provide: NOTIFICATIONS_SETTINGS, useValue: defaultNotificationsSettings(options.settings) },
        NotificationsCommands,
        NotificationDelivery,
        WebhookDeliveries,
        NotificationDispatcher,
        DigestProcess,
        ReminderProcess,
        OneClickUnsubscribeBody,
      ],
      exports: [NotificationsCommands, NotificationDispatcher, DigestProcess, ReminderProcess],
    };
  }
}
