import { DynamicModule, Module } from '@nestjs/common';
import { ContextServiceModule } from '@tadamon/messaging';
import { NotificationsModule, notificationsProblems, templateRenderer } from '@tadamon/notifications';
import { ServiceLogLevel } from '@tadamon/nest-kit';
import { CONTACT_DIRECTORY, OnRegistryDirectory } from './directory/on-registry-directory';
import { NotificationsInfrastructure } from './infrastructure/notifications-infrastructure';

const RECIPIENTS = Symbol('RECIPIENTS');
const EMAIL_TRANSPORT = Symbol('EMAIL_TRANSPORT');
const MESSAGE_RENDERER = Symbol('MESSAGE_RENDERER');
const WEBHOOK_TRANSPORT = Symbol('WEBHOOK_TRANSPORT');
const WEBHOOK_SECRETS = Symbol('WEBHOOK_SECRETS');

/** The directory's consumer handlers (the Registry's organisations and contact persons). */
@Module({ controllers: [OnRegistryDirectory] })
class NotificationsDirectoryModule {}

/** The Notifications service: the Notifications context alone, on the distributed profile's infrastructure. */
export const notificationsServiceModule = (
  infrastructure: NotificationsInfrastructure,
  logLevel: ServiceLogLevel,
): DynamicModule =>
  ContextServiceModule.create({
    appName: 'notifications',
    infrastructure,
    logLevel,
    problemMappers: [notificationsProblems],
    // The transports are closed by the infrastructure, after the app (and its dispatcher) has stopped.
    providers: [
      { provide: CONTACT_DIRECTORY, useValue: infrastructure.directory },
      { provide: RECIPIENTS, useValue: infrastructure.recipients },
      { provide: EMAIL_TRANSPORT, useValue: infrastructure.email },
      { provide: MESSAGE_RENDERER, useValue: templateRenderer() },
      { provide: WEBHOOK_TRANSPORT, useValue: infrastructure.webhooks },
      { provide: WEBHOOK_SECRETS, useValue: infrastructure.webhookSecrets },
    ],
    context: ({ eventStore, readModels, appendListener }) =>
      NotificationsModule.forRoot({
        eventStore,
        readModels,
        appendListener,
        recipients: RECIPIENTS,
        emailTransport: EMAIL_TRANSPORT,
        renderer: MESSAGE_RENDERER,
        webhookTransport: WEBHOOK_TRANSPORT,
        webhookSecrets: WEBHOOK_SECRETS,
        imports: [NotificationsDirectoryModule],
        settings: {
          publicUrl: infrastructure.config.publicUrl,
          mailDomain: infrastructure.config.mailDomain,
          unsubscribeSecret: infrastructure.config.unsubscribeSecret,
        },
      }),
  });
