import { MicroserviceOptions, NestMicroservice } from '@nestjs/microservices';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EmbeddedEventTransport, HandlerErrorsPassThrough } from '@tadamon/messaging';
import { bootstrapHttpApp } from '@tadamon/nest-kit';
import { Projection } from '@tadamon/read-store';
import { AppModule } from './app.module';
import { DemoDataChoice } from './demo/demo-data.module';
import { loadEmbeddedConfig } from './embedded/embedded-config';
import { PlatformNotificationsOptions } from './notifications/platform-notifications';
import { EMBEDDED_CONSUMERS } from './embedded/embedded-messaging.module';
import { PLATFORM_PROJECTIONS } from './projections';
import { serveWebApp } from './web/serve-web-app';

export interface AppOptions {
  logger?: boolean;
  dataDir?: string;
  projections?: Projection[];
  /**
   * Seed the demo data into an empty log (default true; tests that need an empty registry say false,
   * those that need the Registry's organisations but nothing else 'registry').
   */
  demoData?: DemoDataChoice;
  /** Seal the log every second with signed checkpoints (default true; tests counting events exactly say false). */
  logSeals?: boolean;
  /** The built web app's folder, served at `/` (main.ts: TADAMON_WEB_ROOT or dist/apps/web); none by default. */
  webRoot?: string | false;
  /** The notification dispatcher's pace and retries (fault tests retry within seconds). */
  notifications?: PlatformNotificationsOptions;
}

/** The embedded platform's HTTP app, not yet listening. Configuration errors are thrown. */
export async function createApp(options: AppOptions = {}): Promise<NestFastifyApplication> {
  const config = loadEmbeddedConfig(process.env, options.dataDir);
  const module = AppModule.create({
    config,
    projections: options.projections ?? PLATFORM_PROJECTIONS,
    demoData: options.demoData,
    logSeals: options.logSeals,
    notifications: options.notifications,
    logLevel: options.logger === false ? 'silent' : undefined,
  });
  const app = await bootstrapHttpApp(module, {
    openApi: {
      title: 'Tadamon API',
      description:
        'Solidarity development programme: registry, partnerships, funding, training, notifications.',
    },
  });
  // Other contexts' integration events reach each context's policy in-process (the embedded twin of
  // the Kafka consumer, one per context): microservices of this app, closed with it before the
  // stores they read.
  // Deferred: its handlers are bound when it starts, after its filter is in place (so a dead letter
  // records the handler's own error, not "Internal server error"); the app's init runs the hooks once.
  try {
    if (options.webRoot) await serveWebApp(app, options.webRoot);
    for (const { transport } of EMBEDDED_CONSUMERS) {
      const consumer = app.connectMicroservice<MicroserviceOptions>(
        { strategy: app.get<EmbeddedEventTransport>(transport) },
        { deferInitialization: true },
      ) as NestMicroservice;
      consumer.useGlobalFilters(new HandlerErrorsPassThrough());
      consumer.setIsInitHookCalled(true);
    }
    await app.init();
    await app.startAllMicroservices();
    return app;
  } catch (error) {
    // What the providers opened (the SQLite files, the sealer's timer) is closed before the error
    // reaches the caller, who has no app to close.
    await app.close().catch(() => undefined);
    throw error;
  }
}
