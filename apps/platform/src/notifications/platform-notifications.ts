import {
  EmailTransport,
  NotificationsModule,
  OutboxEmailTransport,
  SmtpEmailTransport,
  templateRenderer,
} from '@tadamon/notifications';
import { PersonalDataCipher } from '@tadamon/personal-data';
import { DocumentStore } from '@tadamon/read-store';
import { DynamicModule, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { EmbeddedConfig } from '../embedded/embedded-config';
import { APPEND_LISTENER, DOCUMENT_STORE, EVENT_STORE, PERSONAL_DATA } from '../embedded/embedded.module';
import { USER_STORE } from '../identity/identity.module';
import { SqliteUserStore } from '../identity/user-store';
import { PlatformRecipients } from './platform-recipients';

export const NOTIFICATION_RECIPIENTS = Symbol('NOTIFICATION_RECIPIENTS');
export const EMAIL_TRANSPORT = Symbol('EMAIL_TRANSPORT');
export const MESSAGE_RENDERER = Symbol('MESSAGE_RENDERER');

/** What an embedded platform's notifications tune (tests send at once and poll fast). */
export interface PlatformNotificationsOptions {
  pollIntervalMs?: number;
  emailRetryDelaysMs?: readonly number[];
  sendingLeaseMs?: number;
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
  constructor(@Inject(EMAIL_TRANSPORT) private readonly email: EmailTransport) {}

  static forRoot(config: EmbeddedConfig, identity: DynamicModule): DynamicModule {
    return {
      module: PlatformNotificationChannels,
      imports: [identity],
      providers: [
        { provide: EMAIL_TRANSPORT, useFactory: () => emailTransportFor(config) },
        { provide: MESSAGE_RENDERER, useFactory: () => templateRenderer() },
        {
          provide: NOTIFICATION_RECIPIENTS,
          inject: [DOCUMENT_STORE, PERSONAL_DATA, USER_STORE],
          useFactory: (docs: DocumentStore, personalData: PersonalDataCipher, users: SqliteUserStore) =>
            new PlatformRecipients(docs, personalData, users),
        },
      ],
      exports: [EMAIL_TRANSPORT, MESSAGE_RENDERER, NOTIFICATION_RECIPIENTS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.email.close();
  }
}

/** Notifications in the embedded platform: the shared log and read models, the Registry's people. */
export const platformNotifications = (
  config: EmbeddedConfig,
  identity: DynamicModule,
  options: PlatformNotificationsOptions = {},
): DynamicModule =>
  NotificationsModule.forRoot({
    eventStore: EVENT_STORE,
    readModels: DOCUMENT_STORE,
    appendListener: APPEND_LISTENER,
    recipients: NOTIFICATION_RECIPIENTS,
    emailTransport: EMAIL_TRANSPORT,
    renderer: MESSAGE_RENDERER,
    imports: [PlatformNotificationChannels.forRoot(config, identity)],
    settings: {
      publicUrl: config.publicUrl,
      mailDomain: config.mailDomain,
      ...options,
    },
  });
