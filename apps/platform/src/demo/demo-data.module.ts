import { DynamicModule, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { EventStore } from '@tadamon/event-store';
import { FundingCommands, seedFundingDemo } from '@tadamon/funding';
import { RegistryCommands, RegistryPersonalData, seedRegistryDemo } from '@tadamon/registry';
import { EVENT_STORE, PERSONAL_DATA } from '../embedded/embedded.module';

/**
 * Seeds the demo data of shared/DOMAIN.md into an empty event log, on the platform's first start
 * only: the Registry's, then Funding's (its applicants and funders are the Registry's). Runs at
 * module init, before the read models are rebuilt, so they start with it.
 */
@Module({})
export class DemoDataModule implements OnModuleInit {
  private readonly logger = new Logger('DemoData');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personalData: RegistryPersonalData,
    private readonly registry: RegistryCommands,
    private readonly funding: FundingCommands,
  ) {}

  static forRoot(registryModule: DynamicModule, fundingModule: DynamicModule): DynamicModule {
    return { module: DemoDataModule, imports: [registryModule, fundingModule] };
  }

  async onModuleInit(): Promise<void> {
    if ((await this.store.headPosition()) > 0) return;
    const started = Date.now();
    const registry = await seedRegistryDemo(this.registry, this.personalData);
    const funding = await seedFundingDemo((aggregate, id, command, actor, options) =>
      this.funding.execute(aggregate, id, command as never, actor, options),
    );
    this.logger.log(
      `demo data seeded into the empty log: ${registry.commands + funding.commands} commands, ` +
        `${registry.events + funding.events} events in ${Date.now() - started} ms`,
    );
  }
}
