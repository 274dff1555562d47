import { DynamicModule, Module } from '@nestjs/common';
import { NestKitModule, SealWitnessController, SqliteIdempotencyStore } from '@tadamon/nest-kit';
import { AuditModule } from './audit/audit.module';
import { DemoDataChoice, DemoDataModule } from './demo/demo-data.module';
import { EmbeddedConfig } from './embedded/embedded-config';
import { fundingProblems, FundingModule } from '@tadamon/funding';
import { notificationsProblems } from '@tadamon/notifications';
import { partnershipsProblems, PartnershipsModule } from '@tadamon/partnerships';
import { registryProblems, RegistryModule } from '@tadamon/registry';
import { trainingProblems } from '@tadamon/training';
import {
  EmbeddedMessagingModule,
  FUNDING_REGISTRY_FACTS_STORE,
  PARTNERSHIPS_REGISTRY_DIRECTORY_STORE,
} from './embedded/embedded-messaging.module';
import {
  APPEND_LISTENER,
  DOCUMENT_STORE,
  EmbeddedModule,
  EmbeddedOptions,
  CONTENT_STORE,
  EVENT_STORE,
  PERSONAL_DATA,
} from './embedded/embedded.module';
import { COMMITTEE_DIRECTORY, EVALUATOR_AFFILIATIONS, IdentityModule } from './identity/identity.module';
import { PLATFORM_TOKEN_ISSUER } from './identity/identity.service';
import { platformNotifications, PlatformNotificationsOptions } from './notifications/platform-notifications';
import { PlatformStatusController } from './status/platform-status.controller';
import { platformTraining } from './training/platform-training';

export interface AppModuleOptions extends EmbeddedOptions {
  config: EmbeddedConfig;
  /**
   * Seed the demo data into an empty log at start (default true); 'registry': its organisations and
   * people only, for tests that want the other contexts empty but name real organisations.
   */
  demoData?: DemoDataChoice;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The notification dispatcher's pace (tests poll fast and retry soon). */
  notifications?: PlatformNotificationsOptions;
}

/** The embedded profile: every context in one process. Contexts join here as they are built. */
@Module({})
export class AppModule {
  static create(options: AppModuleOptions): DynamicModule {
    const registry = RegistryModule.forRoot({
      eventStore: EVENT_STORE,
      readModels: DOCUMENT_STORE,
      personalData: PERSONAL_DATA,
      appendListener: APPEND_LISTENER,
    });
    const identity = IdentityModule.forRoot({ config: options.config });
    const idempotency = new SqliteIdempotencyStore(options.config.idempotencyFile);
    const funding = FundingModule.forRoot({
      eventStore: EVENT_STORE,
      readModels: DOCUMENT_STORE,
      appendListener: APPEND_LISTENER,
      registryFacts: FUNDING_REGISTRY_FACTS_STORE,
      evaluatorAffiliations: EVALUATOR_AFFILIATIONS,
      committeeDirectory: COMMITTEE_DIRECTORY,
      imports: [identity],
      // One process writes the log: the application's turn keeps awards and the process apart.
      awardProcess: { intervalMs: options.config.awardProcessIntervalMs, graceMs: 0 },
    });
    const partnerships = PartnershipsModule.forRoot({
      eventStore: EVENT_STORE,
      readModels: DOCUMENT_STORE,
      contentStore: CONTENT_STORE,
      appendListener: APPEND_LISTENER,
      registryDirectory: PARTNERSHIPS_REGISTRY_DIRECTORY_STORE,
    });
    const notifications = platformNotifications(options.config, identity, options.notifications);
    const training = platformTraining(options.config);
    return {
      module: AppModule,
      imports: [
        NestKitModule.forRoot({
          appName: 'platform',
          auth: {
            verification: { kind: 'hs256', secret: options.config.jwtSecret },
            issuer: PLATFORM_TOKEN_ISSUER,
          },
          idempotency: { store: idempotency },
          logging: { level: options.logLevel ?? 'info' },
          rateLimit: { limit: options.config.rateLimitPerMinute, ttlMs: 60_000 },
          problemMappers: [
            registryProblems,
            fundingProblems,
            partnershipsProblems,
            notificationsProblems,
            trainingProblems,
          ],
        }),
        EmbeddedModule.forRoot({ ...options, alsoClose: [idempotency, ...(options.alsoClose ?? [])] }),
        EmbeddedMessagingModule.forRoot(options.config),
        identity,
        registry,
        funding,
        partnerships,
        notifications,
        training,
        AuditModule,
        ...(options.demoData === false
          ? []
          : [
              DemoDataModule.forRoot(
                options.demoData === 'registry' ? 'registry' : 'all',
                registry,
                funding,
                partnerships,
                training,
              ),
            ]),
      ],
      controllers: [PlatformStatusController, SealWitnessController],
    };
  }
}
