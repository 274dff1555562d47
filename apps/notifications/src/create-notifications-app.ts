import { MicroserviceOptions, NestMicroservice } from '@nestjs/microservices';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HandlerErrorsPassThrough } from '@tadamon/messaging';
import { createServiceApp } from '@tadamon/nest-kit';
import { notificationsServiceModule } from './app.module';
import { loadNotificationsConfig, NotificationsConfig } from './config';
import { NotificationsInfrastructure } from './infrastructure/notifications-infrastructure';

export interface NotificationsAppOptions {
  /** Read when no config is given (default process.env). */
  env?: NodeJS.ProcessEnv;
  config?: NotificationsConfig;
  /** false silences the logs (tests). */
  logger?: boolean;
}

/**
 * The Notifications service's HTTP app, started but not yet listening: configuration checked, the
 * log, the read store, the key stores, the inboxes and the channels open, the relay and the
 * projection runners running, and both consumers (the policy's and the directory's) connected as
 * microservices of the app (closed with it, before the stores), joining their groups in the background.
 * Configuration errors (ConfigurationError) and unreachable servers (StartupError) are thrown.
 */
export async function createNotificationsApp(
  options: NotificationsAppOptions = {},
): Promise<NestFastifyApplication> {
  const config = options.config ?? loadNotificationsConfig(options.env ?? process.env);
  return createServiceApp({
    config,
    open: NotificationsInfrastructure.open,
    module: notificationsServiceModule,
    logger: options.logger,
    openApi: {
      title: 'Tadamon Notifications API',
      description:
        'The Notifications service: the proof of notice, the recipients’ preferences and one-click unsubscribe, partners’ webhook endpoints.',
    },
    started: async (app, infrastructure) => {
      // As in apps/partnerships: the handlers are bound after the filter is in place (the policy's
      // own error reaches the dead letter's headers); the app's init runs the hooks once.
      for (const strategy of [infrastructure.directoryConsumer, infrastructure.consumer]) {
        const consumer = app.connectMicroservice<MicroserviceOptions>(
          { strategy },
          { deferInitialization: true },
        ) as NestMicroservice;
        consumer.useGlobalFilters(new HandlerErrorsPassThrough());
        consumer.setIsInitHookCalled(true);
      }
      await app.init();
      // Returns at once: the consumers join their groups in the background, retrying until Kafka answers.
      await app.startAllMicroservices();
    },
  });
}
