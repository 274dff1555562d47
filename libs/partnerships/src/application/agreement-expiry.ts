import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { CommandActor } from '@tadamon/nest-kit';
import { AGREEMENT_CATEGORY } from '../domain/agreement/agreement';
import { PartnershipsCommands } from './partnerships-commands';
import { PARTNERSHIPS_EVENT_STORE, PartnershipsEventStore } from './partnerships-ports';

/** Who expiries are recorded as: a system identity, never a person's account. */
export const AGREEMENT_EXPIRY_ACTOR: CommandActor = { id: 'system-partnerships-agreement-expiry', roles: [] };

export const PARTNERSHIPS_AGREEMENT_EXPIRY_SETTINGS = Symbol('PARTNERSHIPS_AGREEMENT_EXPIRY_SETTINGS');
export interface AgreementExpirySettings {
  /** Between two passes after the one at start; 0: no periodic pass. Default one hour. */
  intervalMs: number;
}
export const DEFAULT_AGREEMENT_EXPIRY_SETTINGS: AgreementExpirySettings = { intervalMs: 3_600_000 };

export interface AgreementExpiryReport {
  /** Agreements in force or suspended that were looked at. */
  checked: number;
  /** Past their end date and recorded as expired by this pass. */
  expired: number;
  /** Past their end date but with an amendment awaiting signatures: left for the next pass. */
  waiting: number;
  /** Could not be recorded (the store failed, or a concurrent write won twice): tried again next pass. */
  failed: number;
}

const ENDED = new Set(['expired', 'terminated', 'completed']);

/**
 * An agreement in force whose end date has passed expires: nobody has to remember it. At start
 * and then periodically, every agreement in force or suspended is folded from its stream (the
 * truth, not a read model that may lag) and, the day after its current end date (the last renewal
 * in force counts), ExpireAgreement is recorded. An amendment awaiting signatures holds the expiry
 * back (the domain refuses it): the parties may be renewing. Safe with several instances: the
 * command id derives from the agreement and its end date, and the decider answers [] once expired.
 */
@Injectable()
export class AgreementExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PartnershipsAgreementExpiry');
  private readonly settings: AgreementExpirySettings;
  /** Agreements not known to have ended, and the log position read so far. */
  private readonly open = new Set<string>();
  private readUpTo = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<AgreementExpiryReport> | undefined;
  private stopped = false;

  constructor(
    @Inject(PARTNERSHIPS_EVENT_STORE) private readonly store: PartnershipsEventStore,
    private readonly commands: PartnershipsCommands,
    @Optional() @Inject(PARTNERSHIPS_AGREEMENT_EXPIRY_SETTINGS) settings?: Partial<AgreementExpirySettings>,
  ) {
    this.settings = { ...DEFAULT_AGREEMENT_EXPIRY_SETTINGS, ...settings };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.passOnce('start');
    if (this.settings.intervalMs > 0 && !this.stopped) {
      this.timer = setInterval(() => void this.passOnce('periodic'), this.settings.intervalMs);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One pass at `now`; a pass asked for while one runs gets that one's report. */
  expire(now: Date = new Date()): Promise<AgreementExpiryReport> {
    if (!this.running)
      this.running = this.pass(now).finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async passOnce(when: 'start' | 'periodic'): Promise<void> {
    try {
      const report = await this.expire();
      if (report.expired + report.failed > 0 || when === 'start')
        this.logger.log({ msg: `agreement expiry (${when})`, ...report });
    } catch (error) {
      this.logger.error({ msg: `agreement expiry (${when}) failed`, error: (error as Error).message });
    }
  }

  private async pass(now: Date): Promise<AgreementExpiryReport> {
    const report: AgreementExpiryReport = { checked: 0, expired: 0, waiting: 0, failed: 0 };
    const drafted = await this.store.readAll({
      after: this.readUpTo,
      categories: [AGREEMENT_CATEGORY],
      types: ['AgreementDrafted'],
    });
    for (const event of drafted) {
      this.open.add((event.data as { agreementId: string }).agreementId);
      this.readUpTo = Math.max(this.readUpTo, event.globalPosition);
    }
    const today = now.toISOString().slice(0, 10);
    for (const agreementId of [...this.open]) {
      if (this.stopped) break;
      const loaded = await this.commands.load('agreement', agreementId);
      const state = loaded?.state;
      if (!state || state.status === 'none') continue;
      if (ENDED.has(state.status)) {
        this.open.delete(agreementId);
        continue;
      }
      if (state.status !== 'in-force' && state.status !== 'suspended') continue;
      report.checked++;
      const { endDate } = state.terms;
      if (today <= endDate) continue;
      if (state.pending !== null) {
        report.waiting++;
        continue;
      }
      try {
        await this.commands.execute(
          'agreement',
          agreementId,
          { type: 'ExpireAgreement', data: { agreementId } },
          AGREEMENT_EXPIRY_ACTOR,
          { commandId: `agreement-expiry:${agreementId}:${endDate}`, now: now.toISOString() },
        );
        report.expired++;
        this.open.delete(agreementId);
      } catch (error) {
        report.failed++;
        this.logger.warn({
          msg: 'agreement expiry: not recorded',
          agreementId,
          error: (error as Error).message,
        });
      }
    }
    return report;
  }
}
