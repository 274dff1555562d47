import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventStore } from '@tadamon/event-store';
import { EmbeddedConfig } from '../embedded/embedded-config';
import { EMBEDDED_CONFIG, EVENT_STORE } from '../embedded/embedded.module';
import { ApplicationAudits } from './application-audits';
import { AuditController } from './audit.controller';
import { LogVerifications } from './log-verifications';

/** The auditor's API (docs/audit.md): verifications of the log, replays and dossiers. */
@Module({
  controllers: [AuditController],
  providers: [
    {
      provide: LogVerifications,
      inject: [EMBEDDED_CONFIG],
      useFactory: (config: EmbeddedConfig) => new LogVerifications(config),
    },
    {
      provide: ApplicationAudits,
      inject: [EVENT_STORE, EMBEDDED_CONFIG],
      useFactory: (store: EventStore, config: EmbeddedConfig) => new ApplicationAudits(store, config),
    },
  ],
})
export class AuditModule implements OnApplicationShutdown {
  constructor(@Inject(LogVerifications) private readonly verifications: LogVerifications) {}

  /** A running verification finishes (and is kept) before the stores close. */
  async onApplicationShutdown(): Promise<void> {
    await this.verifications.stop();
  }
}
