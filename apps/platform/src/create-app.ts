import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootstrapHttpApp } from '@tadamon/nest-kit';
import { Projection } from '@tadamon/read-store';
import { AppModule } from './app.module';
import { loadEmbeddedConfig } from './embedded/embedded-config';
import { PLATFORM_PROJECTIONS } from './projections';

export interface AppOptions {
  logger?: boolean;
  dataDir?: string;
  projections?: Projection[];
  /** Seed the demo data into an empty log (default true; tests that need an empty registry say false). */
  demoData?: boolean;
}

/** The embedded platform's HTTP app, not yet listening. Configuration errors are thrown. */
export async function createApp(options: AppOptions = {}): Promise<NestFastifyApplication> {
  const config = loadEmbeddedConfig(process.env, options.dataDir);
  const module = AppModule.create({
    config,
    projections: options.projections ?? PLATFORM_PROJECTIONS,
    demoData: options.demoData,
    logLevel: options.logger === false ? 'silent' : undefined,
  });
  return bootstrapHttpApp(module, {
    openApi: {
      title: 'Tadamon API',
      description:
        'Solidarity development programme: registry, partnerships, funding, training, notifications.',
    },
  });
}
