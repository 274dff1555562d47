import { KeyObject } from 'node:crypto';
import { EventStore } from '../event-store';
import { LogSealer } from './log-sealer';
import { SealWitnessFile, SealWitnessView, sealWitnessView } from './seal-witness';

/**
 * Where a service's log is sealed from: undefined when no key is given (the log is not sealed).
 * witnessFile: where each day's latest seal is appended (TADAMON_SEAL_WITNESS_FILE), if anywhere.
 */
export type LogSealsConfig = { privateKey: KeyObject; intervalMs: number; witnessFile?: string } | undefined;

/** What the schedule says about itself (a Nest Logger fits). */
export interface SealLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Seals a service's log (signed checkpoints, docs/audit.md) when it has a key
 * (TADAMON_SEAL_PRIVATE_KEY): on its interval and once more at stop, so the log is sealed up to
 * its head when the service stops. Without a key it says once, at start, that the log is not sealed.
 */
export class ScheduledLogSeals {
  readonly sealer: LogSealer | undefined;
  readonly witness: SealWitnessFile | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly settings: LogSealsConfig,
    private readonly logger: SealLogger,
  ) {
    const witness = settings?.witnessFile ? new SealWitnessFile(settings.witnessFile) : undefined;
    this.witness = witness;
    this.sealer = settings
      ? new LogSealer({
          store,
          privateKey: settings.privateKey,
          intervalMs: settings.intervalMs,
          onSeal: (seal) => witness?.record(seal),
          onError: (error) => this.logger.error(`log not sealed this round: ${error.message} (retrying)`),
        })
      : undefined;
  }

  /** The public witness (GET /api/audit/witness): the latest seal, and the days of the witness file. */
  witnessView(): Promise<SealWitnessView> {
    return sealWitnessView(this.store, this.witness);
  }

  start(): void {
    if (!this.sealer || !this.settings) {
      this.logger.warn(
        'the log is not sealed: removed events would go unnoticed by an audit; set TADAMON_SEAL_PRIVATE_KEY',
      );
      return;
    }
    this.sealer.start();
    this.logger.log(`sealing the log every ${this.settings.intervalMs} ms with key ${this.sealer.keyId}`);
  }

  /** Waits for the round in progress, then seals what is pending. */
  async stop(): Promise<void> {
    await this.sealer?.stop();
    try {
      this.witness?.flush();
    } catch (error) {
      this.logger.error(`the seal witness file was not written: ${(error as Error).message}`);
    }
  }
}
