import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp } from '@tadamon/nest-kit';
import { registryServiceModule } from './app.module';
import { loadRegistryConfig, RegistryConfig } from './config';
import { DistributedInfrastructure } from './infrastructure/distributed-infrastructure';

export interface RegistryAppOptions {
  /** Read when no config is given (default process.env). */
  env?: NodeJS.ProcessEnv;
  config?: RegistryConfig;
  /** false silences the logs (tests). */
  logger?: boolean;
}

/**
 * The Registry service's HTTP app, not yet listening: configuration checked, every dependency
 * connected. The relay and the projection runners start when the app does (listen or init).
 * Configuration errors (ConfigurationError) and unreachable servers (StartupError) are thrown.
 */
export async function createRegistryApp(options: RegistryAppOptions = {}): Promise<NestFastifyApplication> {
  return createServiceApp({
    config: options.config ?? loadRegistryConfig(options.env ?? process.env),
    open: DistributedInfrastructure.open,
    module: registryServiceModule,
    logger: options.logger,
    openApi: {
      title: 'Tadamon Registry API',
      description:
        'The Registry service: diaspora associations, their contact persons, local actors, networks and regional needs.',
    },
  });
}
