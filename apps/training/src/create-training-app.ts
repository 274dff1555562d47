import { MicroserviceOptions, NestMicroservice } from '@nestjs/microservices';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HandlerErrorsPassThrough } from '@tadamon/messaging';
import { createServiceApp } from '@tadamon/nest-kit';
import { trainingServiceModule } from './app.module';
import { loadTrainingConfig, TrainingConfig } from './config';
import { TrainingInfrastructure } from './infrastructure/training-infrastructure';

export interface TrainingAppOptions {
  /** Read when no config is given (default process.env). */
  env?: NodeJS.ProcessEnv;
  config?: TrainingConfig;
  /** false silences the logs (tests). */
  logger?: boolean;
}

/**
 * The Training service's HTTP app, started but not yet listening: configuration checked, the
 * log, the read store, the Registry's key store, the consumer's inbox and the directory of the
 * Registry's people open, the relay and the projection runners running, and the consumer of the
 * Registry's topics connected as a microservice of the app (closed with it, before the stores),
 * joining its group in the background.
 * Configuration errors (ConfigurationError) and unreachable servers (StartupError) are thrown.
 */
export async function createTrainingApp(options: TrainingAppOptions = {}): Promise<NestFastifyApplication> {
  const config = options.config ?? loadTrainingConfig(options.env ?? process.env);
  return createServiceApp({
    config,
    open: TrainingInfrastructure.open,
    module: trainingServiceModule,
    logger: options.logger,
    openApi: {
      title: 'Tadamon Training API',
      description:
        'The Training service: the catalogue of modules and paths, sessions, enrolment, attendance and check-in, certificates.',
    },
    started: async (app, infrastructure) => {
      // As in apps/partnerships: the consumer's handlers are bound after its filter is in place (the
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
