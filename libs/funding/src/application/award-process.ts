import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { BUDGET_ENVELOPE_CATEGORY } from '../domain/budget-envelope/budget-envelope';
import { CommandActor, FundingCommands } from './funding-commands';
import { FUNDING_EVENT_STORE, FundingEventStore } from './funding-ports';
import { GrantDecisions, Settlement } from './grant-decisions';

/** Who the award process's releases are recorded as: a system identity, never a person's account. */
export const AWARD_PROCESS_ACTOR: CommandActor = { id: 'system-funding-award-process', roles: [] };

/** Settings of the award process (FundingModuleOptions.awardProcess). */
export const FUNDING_AWARD_PROCESS_SETTINGS = Symbol('FUNDING_AWARD_PROCESS_SETTINGS');
export interface AwardProcessSettings {
  /** Between two passes after the one at start; 0: no periodic pass. Default 30 s. */
  intervalMs: number;
  /**
   * Commitments younger than this are left to the award that made them. Another instance's award
   * may be between its two appends: settling it then could release what that award is about to
   * record. 0 where one process writes the log (the embedded profile): the application's turn
   * (OneAtATime) already keeps this process's awards and the process apart. Default 60 s.
   */
  graceMs: number;
}
export const DEFAULT_AWARD_PROCESS_SETTINGS: AwardProcessSettings = { intervalMs: 30_000, graceMs: 60_000 };

export interface AwardProcessReport {
  /** Active commitments looked at. */
  checked: number;
  /** Their award is recorded (same application, envelope and amount). */
  matched: number;
  /** Awards decided and committed, recorded by this pass. */
  completed: number;
  /** Commitments given back to the envelope (the reason is in each `CommitmentReleased`). */
  released: number;
  /** Younger than the grace period: the next pass looks again. */
  recent: number;
  /** Could not be settled (the store failed): the next pass tries again. */
  failed: number;
}

/**
 * The award as a process that always finishes. An award appends to two streams (FundsCommitted on
 * the envelope, then GrantAwarded on the application); a crash between them leaves money committed
 * to no decision. At start and then periodically, this finds every active commitment whose award
 * is not recorded and settles it (GrantDecisions.settle): the award is recorded from the terms the
 * commitment carries, or, when the application can no longer be awarded, the commitment is
 * released with a compensating CommitmentReleased. Safe with several instances: the completion
 * appends with the award's own command id and time (deterministic event ids) under optimistic
 * concurrency, and a release is decided on the envelope's stream, which refuses a second one.
 */
@Injectable()
export class AwardProcess implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FundingAwardProcess');
  private readonly settings: AwardProcessSettings;
  private readonly envelopes = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<AwardProcessReport> | undefined;
  private stopped = false;
  /** What the latest pass did (the one at start, until the next). */
  lastReport: AwardProcessReport | undefined;

  constructor(
    @Inject(FUNDING_EVENT_STORE) private readonly store: FundingEventStore,
    private readonly commands: FundingCommands,
    private readonly decisions: GrantDecisions,
    @Optional() @Inject(FUNDING_AWARD_PROCESS_SETTINGS) settings?: Partial<AwardProcessSettings>,
  ) {
    this.settings = { ...DEFAULT_AWARD_PROCESS_SETTINGS, ...settings };
  }

  /** The pass at start runs before the host serves requests; a failure is logged, not fatal. */
  async onApplicationBootstrap(): Promise<void> {
    await this.settleOnce('start');
    if (this.settings.intervalMs > 0 && !this.stopped) {
      this.timer = setInterval(() => void this.settleOnce('periodic'), this.settings.intervalMs);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One pass; a pass asked for while one runs gets that one's report. */
  settle(now: number = Date.now()): Promise<AwardProcessReport> {
    if (!this.running) {
      this.running = this.pass(now)
        .then((report) => (this.lastReport = report))
        .finally(() => {
          this.running = undefined;
        });
    }
    return this.running;
  }

  private async settleOnce(when: 'start' | 'periodic'): Promise<void> {
    try {
      const report = await this.settle();
      if (report.completed + report.released + report.failed > 0 || when === 'start')
        this.logger.log({ msg: `award process (${when})`, ...report });
    } catch (error) {
      this.logger.error({ msg: `award process (${when}) failed`, error: (error as Error).message });
    }
  }

  private async pass(now: number): Promise<AwardProcessReport> {
    const report: AwardProcessReport = {
      checked: 0,
      matched: 0,
      completed: 0,
      released: 0,
      recent: 0,
      failed: 0,
    };
    await this.findEnvelopes();
    for (const envelopeId of this.envelopes) {
      if (this.stopped) break;
      const envelope = await this.commands.load('budgetEnvelope', envelopeId);
      if (!envelope || envelope.state.status === 'none') continue;
      const committedAt = new Map<string, number>();
      for (const event of envelope.events)
        if (event.type === 'FundsCommitted')
          committedAt.set(
            (event.data as { applicationId: string }).applicationId,
            Date.parse(event.recordedAt),
          );
      for (const commitment of Object.values(envelope.state.commitments)) {
        if (commitment.status !== 'active') continue;
        report.checked++;
        const at = committedAt.get(commitment.applicationId) ?? 0;
        if (now - at < this.settings.graceMs) {
          report.recent++;
          continue;
        }
        let outcome: Settlement;
        try {
          outcome = await this.decisions.settle(envelopeId, commitment.applicationId, AWARD_PROCESS_ACTOR);
        } catch (error) {
          report.failed++;
          this.logger.warn({
            msg: 'award process: commitment not settled',
            envelopeId,
            applicationId: commitment.applicationId,
            error: (error as Error).message,
          });
          continue;
        }
        if (outcome === 'matched') report.matched++;
        else if (outcome === 'completed') report.completed++;
        else if (outcome === 'released') report.released++;
      }
    }
    return report;
  }

  /**
   * Every envelope's opening, each pass: an envelope is one event here, and reading them all (not
   * from a remembered position) cannot miss one a concurrent transaction committed late.
   */
  private async findEnvelopes(): Promise<void> {
    const opened = await this.store.readAll({
      categories: [BUDGET_ENVELOPE_CATEGORY],
      types: ['BudgetEnvelopeOpened'],
    });
    for (const event of opened) this.envelopes.add((event.data as { envelopeId: string }).envelopeId);
  }
}
