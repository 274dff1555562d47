import { MicroserviceOptions, NestMicroservice } from '@nestjs/microservices';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HandlerErrorsPassThrough } from '@tadamon/messaging';
import { createServiceApp } from '@tadamon/nest-kit';
import { fundingServiceModule } from './app.module';
import { FundingConfig, loadFundingConfig } from './config';
import { FundingInfrastructure } from './infrastructure/funding-infrastructure';

export interface FundingAppOptions {
  /** Read when no config is given (default process.env). */
  env?: NodeJS.ProcessEnv;
  config?: FundingConfig;
  /** false silences the logs (tests). */
  logger?: boolean;
}

/**
 * The Funding service's HTTP app, started but not yet listening: configuration checked, the log,
 * the read store and the consumer's state open, the relay and the projection runners running, and
 * the consumer of the Registry's topic connected as a microservice of the app (closed with it,
 * before the stores), joining its group in the background. Kafka need not answer yet.
 * Configuration errors (ConfigurationError) and unreachable servers (StartupError) are thrown.
 */
export async function createFundingApp(options: FundingAppOptions = {}): Promise<NestFastifyApplication> {
  const config = options.config ?? loadFundingConfig(options.env ?? process.env);
  return createServiceApp({
    config,
    open: FundingInfrastructure.open,
    module: fundingServiceModule,
    logger: options.logger,
    openApi: {
      title: 'Tadamon Funding API',
      description:
        'The Funding service: budget envelopes, calls for proposals, grant applications, evaluation, decisions and tranches.',
    },
    started: async (app, infrastructure) => {
      // Deferred: the consumer's handlers are bound when it starts, after its filter is in place (the
      // handler's own error, not "Internal server error", reaches the dead letter's headers). The
      // app's init runs the lifecycle hooks, once.
      const consumer = app.connectMicroservice<MicroserviceOptions>(
        { strategy: infrastructure.consumer },
        { deferInitialization: true },
      ) as NestMicroservice;
      consumer.useGlobalFilters(new HandlerErrorsPassThrough());
      consumer.setIsInitHookCalled(true);
      await app.init();
      // Returns at once: the consumer joins its group in the background, retrying until Kafka
      // answers, while the app serves (readiness's registryConsumer says when it runs).
      await app.startAllMicroservices();
    },
  });
}
