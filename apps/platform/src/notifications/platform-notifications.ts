import {
  EmailTransport,
  KeyStoreWebhookSecrets,
  NotificationsModule,
  OutboxEmailTransport,
  SmtpEmailTransport,
  templateRenderer,
  UndiciWebhookTransport,
  WebhookTransport,
} from '@tadamon/notifications';
import { KeyStore, PersonalDataCipher } from '@tadamon/personal-data';
import { createHmac } from 'node:crypto';
import { DocumentStore } from '@tadamon/read-store';
import { DynamicModule, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { EmbeddedConfig } from '../embedded/embedded-config';
import {
  APPEND_LISTENER,
  DOCUMENT_STORE,
  EVENT_STORE,
  KEY_STORE,
  PERSONAL_DATA,
} from '../embedded/embedded.module';
import { USER_STORE } from '../identity/identity.module';
import { SqliteUserStore } from '../identity/user-store';
import { PlatformRecipients } from './platform-recipients';

export const NOTIFICATION_RECIPIENTS = Symbol('NOTIFICATION_RECIPIENTS');
export const EMAIL_TRANSPORT = Symbol('EMAIL_TRANSPORT');
export const MESSAGE_RENDERER = Symbol('MESSAGE_RENDERER');
export const WEBHOOK_TRANSPORT = Symbol('WEBHOOK_TRANSPORT');
export const WEBHOOK_SECRETS = Symbol('WEBHOOK_SECRETS');

/** What an embedded platform's notifications tune (tests send at once and poll fast). */
export interface PlatformNotificationsOptions {
  pollIntervalMs?: number;
  emailRetryDelaysMs?: readonly number[];
  webhookRetryDelaysMs?: readonly number[];
  sendingLeaseMs?: number;
  digestIntervalMs?: number;
  reminderIntervalMs?: number;
  /** How long a webhook POST may wait (connect, response headers, between body chunks); 15 s by default. */
  webhookTimeoutMs?: number;
}

/** The email channel: SMTP when SMTP_URL is set, else the folder outbox DATA_DIR/outbox (*.eml). */
export const emailTransportFor = (config: EmbeddedConfig): EmailTransport => {
  const from = `Tadamon <notifications@${config.mailDomain}>`;
  return config.smtpUrl
    ? new SmtpEmailTransport({ url: config.smtpUrl, from })
    : new OutboxEmailTransport({ dir: config.outboxDir, from });
};

/** Closes the email transport (the SMTP pool) after the dispatcher has stopped. */
@Module({})
class PlatformNotificationChannels implements OnApplicationShutdown {
  constructor(
    @Inject(EMAIL_TRANSPORT) private readonly email: EmailTransport,
    @Inject(WEBHOOK_TRANSPORT) private readonly webhooks: WebhookTransport,
  ) {}

  static forRoot(config: EmbeddedConfig, identity: DynamicModule, webhookTimeoutMs?: number): DynamicModule {
    return {
      module: PlatformNotificationChannels,
      imports: [identity],
      providers: [
        { provide: EMAIL_TRANSPORT, useFactory: () => emailTransportFor(config) },
        { provide: MESSAGE_RENDERER, useFactory: () => templateRenderer() },
        {
          provide: WEBHOOK_TRANSPORT,
          useFactory: () =>
            new UndiciWebhookTransport({
              timeoutMs: webhookTimeoutMs,
              allowPrivateTargets: config.webhookAllowPrivate,
            }),
        },
        {
          // Secrets are kept like personal-data keys: wrapped under the master key, in keys.db.
          provide: WEBHOOK_SECRETS,
          inject: [KEY_STORE],
          useFactory: (keys: KeyStore) => new KeyStoreWebhookSecrets(keys, config.masterKey),
        },
        {
          provide: NOTIFICATION_RECIPIENTS,
          inject: [DOCUMENT_STORE, PERSONAL_DATA, USER_STORE],
          useFactory: (docs: DocumentStore, personalData: PersonalDataCipher, users: SqliteUserStore) =>
            new PlatformRecipients(docs, personalData, users),
        },
      ],
      exports: [
        EMAIL_TRANSPORT,
        MESSAGE_RENDERER,
        NOTIFICATION_RECIPIENTS,
        WEBHOOK_TRANSPORT,
        WEBHOOK_SECRETS,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.email.close(), this.webhooks.close()]);
  }
}

/** Notifications in the embedded platform: the shared log and read models, the Registry's people. */
export const platformNotifications = (
  config: EmbeddedConfig,
  identity: DynamicModule,
  { webhookTimeoutMs, ...pace }: PlatformNotificationsOptions = {},
): DynamicModule =>
  NotificationsModule.forRoot({
    eventStore: EVENT_STORE,
    readModels: DOCUMENT_STORE,
    appendListener: APPEND_LISTENER,
    recipients: NOTIFICATION_RECIPIENTS,
    emailTransport: EMAIL_TRANSPORT,
    renderer: MESSAGE_RENDERER,
    webhookTransport: WEBHOOK_TRANSPORT,
    webhookSecrets: WEBHOOK_SECRETS,
    imports: [PlatformNotificationChannels.forRoot(config, identity, webhookTimeoutMs)],
    settings: {
      publicUrl: config.publicUrl,
      mailDomain: config.mailDomain,
      // Its own key, derived from the platform's secret: an unsubscribe link is no token.
      unsubscribeSecret: createHmac('sha256', config.jwtSecret)
        .update('tadamon:unsubscribe-links')
        .digest('base64'),
      ...pace,
    },
  });
