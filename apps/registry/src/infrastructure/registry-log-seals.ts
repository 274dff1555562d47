import { Logger } from '@nestjs/common';
import { EventStore, LogSealer } from '@tadamon/event-store';
import { LogSealsConfig } from '../log-seals-config';

type SealLogger = Pick<Logger, 'log' | 'warn' | 'error'>;

/**
 * Seals the Registry's log (signed checkpoints, docs/audit.md) when TADAMON_SEAL_PRIVATE_KEY is
 * set: on its interval and once more at stop, so the log is sealed up to its head when the
 * service stops. Without a key it says once, at start, that the log is not sealed.
 */
export class RegistryLogSeals {
  readonly sealer: LogSealer | undefined;

  constructor(
    store: EventStore,
    private readonly settings: LogSealsConfig,
    private readonly logger: SealLogger = new Logger('LogSeals'),
  ) {
    this.sealer = settings
      ? new LogSealer({
          store,
          privateKey: settings.privateKey,
          intervalMs: settings.intervalMs,
          onError: (error) => this.logger.error(`log not sealed this round: ${error.message} (retrying)`),
        })
      : undefined;
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
  }
}
