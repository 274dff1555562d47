import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Projection } from '@tadamon/read-store';
import { AppModule } from './app.module';
import { PLATFORM_PROJECTIONS } from './projections';

export interface AppOptions {
  logger?: boolean;
  dataDir?: string;
  projections?: Projection[];
}

export async function createApp(options: AppOptions = {}): Promise<NestFastifyApplication> {
  const module = AppModule.create({
    dataDir: options.dataDir,
    projections: options.projections ?? PLATFORM_PROJECTIONS,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), {
    logger: options.logger === false ? false : ['error', 'warn', 'log'],
    // Start-up errors (e.g. a bad DATA_DIR) are thrown to the caller, which reports them.
    abortOnError: false,
  });
  app.enableShutdownHooks();
  return app;
}
