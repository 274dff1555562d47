import {
  DynamicModule,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { EventStore } from '@tadamon/event-store';
import { ContentStore } from '@tadamon/content-store';
import { FundingCommands, seedFundingDemo } from '@tadamon/funding';
import {
  PARTNERSHIPS_DEMO_DOCUMENTS,
  PartnershipsCommands,
  seedPartnershipsDemo,
} from '@tadamon/partnerships';
import { RegistryCommands, RegistryPersonalData, seedRegistryDemo } from '@tadamon/registry';
import {
  certificateIdFor,
  CertificateIssuanceProcess,
  seedTrainingDemo,
  TRAINING_DEMO_IDS,
  TrainingCommands,
} from '@tadamon/training';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddedReadModels } from '../embedded/embedded-read-models';
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
export class DemoDataModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DemoData');
  /** Set when this start seeded the demo: its certificates are then issued once the read models are up. */
  private seededTraining = false;
  private certifying?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personalData: RegistryPersonalData,
    private readonly registry: RegistryCommands,
    private readonly funding: FundingCommands,
    private readonly partnerships: PartnershipsCommands,
    private readonly training: TrainingCommands,
    private readonly issuance: CertificateIssuanceProcess,
    private readonly readModels: EmbeddedReadModels,
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
    this.seededTraining = true;
    const seeded = [registry, funding, partnerships, training];
    this.logger.log(
      `demo data seeded into the empty log: ${seeded.reduce((n, r) => n + r.commands, 0)} commands, ` +
        `${seeded.reduce((n, r) => n + r.events, 0)} events in ${Date.now() - started} ms`,
    );
  }

  onApplicationBootstrap(): void {
    // Not awaited: the read models (the trainees' names) are rebuilt by another bootstrap hook.
    if (this.seededTraining) this.certifying = this.certifyDemo();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.certifying;
  }

  /**
   * The demo's certificates: the Agadir session's two, signed by the platform's issuance (it needs
   * the trainees' names, so it waits for the read models), then the Figuig manager's revoked as
   * issued in error, so the demo shows a valid certificate and a revoked one.
   */
  private async certifyDemo(): Promise<void> {
    try {
      const deadline = Date.now() + 120_000;
      while (!this.readModels.started && !this.stopped && Date.now() < deadline) await sleep(100);
      if (this.stopped) return;
      const { agadir } = TRAINING_DEMO_IDS.sessions;
      const report = await this.issuance.issueFor(agadir);
      const certificateId = certificateIdFor(agadir, TRAINING_DEMO_IDS.registry.persons.figuigProjectManager);
      await this.training.execute(
        'certificate',
        certificateId,
        {
          type: 'RevokeCertificate',
          data: {
            certificateId,
            reason: { code: 'issued-in-error', text: 'Démonstration : attestation délivrée par erreur.' },
          },
        },
        { id: TRAINING_DEMO_IDS.users.officer, roles: ['officer'] },
        { commandId: `demo:training:RevokeCertificate:${certificateId}` },
      );
      this.logger.log(`demo certificates: ${report.issued} issued, ${certificateId} revoked`);
    } catch (error) {
      this.logger.error(`demo certificates: ${(error as Error).message}`);
    }
  }
}
