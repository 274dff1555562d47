import { MicroserviceOptions, NestMicroservice } from '@nestjs/microservices';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HandlerErrorsPassThrough } from '@tadamon/messaging';
import { createServiceApp } from '@tadamon/nest-kit';
import { partnershipsServiceModule } from './app.module';
import { loadPartnershipsConfig, PartnershipsConfig } from './config';
import { PartnershipsInfrastructure } from './infrastructure/partnerships-infrastructure';

export interface PartnershipsAppOptions {
  /** Read when no config is given (default process.env). */
  env?: NodeJS.ProcessEnv;
  config?: PartnershipsConfig;
  /** false silences the logs (tests). */
  logger?: boolean;
}

/**
 * The Partnerships service's HTTP app, started but not yet listening: configuration checked, the
 * log, the read store, the content store and the consumer's inbox open, the relay and the
 * projection runners running, and the consumer of Funding's topic connected as a microservice of
 * the app (closed with it, before the stores), joining its group in the background.
 * Configuration errors (ConfigurationError) and unreachable servers (StartupError) are thrown.
 */
export async function createPartnershipsApp(
  options: PartnershipsAppOptions = {},
): Promise<NestFastifyApplication> {
  const config = options.config ?? loadPartnershipsConfig(options.env ?? process.env);
  return createServiceApp({
    config,
    open: PartnershipsInfrastructure.open,
    module: partnershipsServiceModule,
    logger: options.logger,
    openApi: {
      title: 'Tadamon Partnerships API',
      description:
        'The Partnerships service: agreements and their signatures, programmes, co-development projects, their results and support requests.',
    },
    started: async (app, infrastructure) => {
      // As in apps/funding: the consumer's handlers are bound after its filter is in place (the
      // policy's own error reaches the dead letter's headers); the app's init runs the hooks once.
      const consumer = app.connectMicroservice<MicroserviceOptions>(
        { strategy: infrastructure.consumer },
        { deferInitialization: true },
      ) as NestMicroservice;
      consumer.useGlobalFilters(new HandlerErrorsPassThrough());
      consumer.setIsInitHookCalled(true);
      await app.init();
      // Returns at once: the consumer joins its group in the background, retrying until Kafka answers.
      await app.startAllMicroservices();
    },
  });
}
