import { DynamicModule, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { EventStore } from '@tadamon/event-store';
import { RegistryCommands, RegistryPersonalData, seedRegistryDemo } from '@tadamon/registry';
import { EVENT_STORE, PERSONAL_DATA } from '../embedded/embedded.module';

/**
 * Seeds the demo data of shared/DOMAIN.md into an empty event log, on the platform's first start
 * only. Runs at module init, before the read models are rebuilt, so they start with it.
 */
@Module({})
export class DemoDataModule implements OnModuleInit {
  private readonly logger = new Logger('DemoData');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personalData: RegistryPersonalData,
    private readonly registry: RegistryCommands,
  ) {}

  static forRoot(registryModule: DynamicModule): DynamicModule {
    return { module: DemoDataModule, imports: [registryModule] };
  }

  async onModuleInit(): Promise<void> {
    if ((await this.store.headPosition()) > 0) return;
    const started = Date.now();
    const report = await seedRegistryDemo(this.registry, this.personalData);
    this.logger.log(
      `demo data seeded into the empty log: ${report.commands} commands, ${report.events} events in ${Date.now() - started} ms`,
    );
  }
}
