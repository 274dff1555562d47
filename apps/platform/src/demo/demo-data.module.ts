import { DynamicModule, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { EventStore } from '@tadamon/event-store';
import { ContentStore } from '@tadamon/content-store';
import { FundingCommands, seedFundingDemo } from '@tadamon/funding';
import {
  PARTNERSHIPS_DEMO_DOCUMENTS,
  PartnershipsCommands,
  seedPartnershipsDemo,
} from '@tadamon/partnerships';
import { RegistryCommands, RegistryPersonalData, seedRegistryDemo } from '@tadamon/registry';
import { seedTrainingDemo, TrainingCommands } from '@tadamon/training';
import { CONTENT_STORE, EVENT_STORE, PERSONAL_DATA } from '../embedded/embedded.module';

/** Whether the demo is seeded at start (default), not at all, or the Registry's part only. */
export type DemoDataChoice = boolean | 'registry';
const DEMO_DATA_SCOPE = Symbol('DEMO_DATA_SCOPE');

/**
 * Seeds the demo data of shared/DOMAIN.md into an empty event log, on the platform's first start
 * only: the Registry's, then Funding's (its applicants and funders are the Registry's), Partnerships'
 * and Training's (its trainees are the Registry's contact persons). Runs at
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
    private readonly partnerships: PartnershipsCommands,
    private readonly training: TrainingCommands,
    @Inject(CONTENT_STORE) private readonly documents: ContentStore,
    @Inject(DEMO_DATA_SCOPE) private readonly scope: 'all' | 'registry',
  ) {}

  static forRoot(scope: 'all' | 'registry', ...contextModules: DynamicModule[]): DynamicModule {
    return {
      module: DemoDataModule,
      imports: contextModules,
      providers: [{ provide: DEMO_DATA_SCOPE, useValue: scope }],
    };
  }

  async onModuleInit(): Promise<void> {
    if ((await this.store.headPosition()) > 0) return;
    const started = Date.now();
    const registry = await seedRegistryDemo(this.registry, this.personalData);
    if (this.scope === 'registry') {
      this.logger.log(`Registry demo data seeded: ${registry.commands} commands, ${registry.events} events`);
      return;
    }
    const funding = await seedFundingDemo((aggregate, id, command, actor, options) =>
      this.funding.execute(aggregate, id, command as never, actor, options),
    );
    for (const document of Object.values(PARTNERSHIPS_DEMO_DOCUMENTS)) {
      const stored = await this.documents.put(Buffer.from(document.content, 'utf8'), { maxBytes: 1 << 20 });
      if (stored.sha256 !== document.sha256)
        throw new Error(`demo document ${document.name}: sha256 mismatch`);
    }
    const partnerships = await seedPartnershipsDemo((aggregate, id, command, actor, options) =>
      this.partnerships.execute(aggregate, id, command as never, actor, options),
    );
    const training = await seedTrainingDemo((aggregate, id, command, actor, options) =>
      this.training.execute(aggregate, id, command as never, actor, options),
    );
    const seeded = [registry, funding, partnerships, training];
    this.logger.log(
      `demo data seeded into the empty log: ${seeded.reduce((n, r) => n + r.commands, 0)} commands, ` +
        `${seeded.reduce((n, r) => n + r.events, 0)} events in ${Date.now() - started} ms`,
    );
  }
}
