import { createPublicKey, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { SqliteEventStore, verifyLog } from '@tadamon/event-store';
import { LogVerificationRecord, verificationResult } from './log-verification-record';
import { VerificationHistory } from './verification-history';
import { EmbeddedConfig } from '../embedded/embedded-config';

export interface Started {
  record: LogVerificationRecord;
  /** False when a verification was already running: `record` is that one. */
  started: boolean;
}

/**
 * Verifications of the whole log (docs/audit.md, "From the back office"), one at a time. Each
 * opens its own read-only connection to DATA_DIR/events.db and runs verifyLog there: the rows are
 * read and hashed on worker threads (the verifier's own, for a SQLite file), the request that
 * started it has long been answered. The seals are checked with the platform's own public key.
 * Finished ones are kept in DATA_DIR (VerificationHistory); a verification running when the
 * platform stops is awaited, so it is kept too.
 */
export class LogVerifications {
  private readonly logger = new Logger('LogVerifications');
  private readonly history: VerificationHistory;
  private running: { record: LogVerificationRecord; done: Promise<void> } | undefined;

  constructor(private readonly config: EmbeddedConfig) {
    this.history = new VerificationHistory(config.verificationHistoryFile);
  }

  start(requestedBy: string): Started {
    if (this.running) return { record: { ...this.running.record }, started: false };
    const record: LogVerificationRecord = {
      id: randomUUID(),
      status: 'running',
      requestedBy,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      progress: { checked: 0, total: 0, percent: 0 },
      result: null,
      error: null,
    };
    const done = this.run(record).finally(() => {
      this.running = undefined;
    });
    this.running = { record, done };
    return { record: { ...record }, started: true };
  }

  get(id: string): LogVerificationRecord | undefined {
    if (this.running?.record.id === id) return { ...this.running.record };
    return this.history.get(id);
  }

  /** The running one first, then the kept ones, newest first. */
  list(): LogVerificationRecord[] {
    return [...(this.running ? [{ ...this.running.record }] : []), ...this.history.list()];
  }

  async stop(): Promise<void> {
    await this.running?.done;
  }

  private async run(record: LogVerificationRecord): Promise<void> {
    try {
      const store = SqliteEventStore.open({ filename: this.config.eventStoreFile, readOnly: true });
      try {
        record.progress.total = await store.headPosition();
        const verification = await verifyLog(store, {
          publicKey: createPublicKey(this.config.sealPrivateKey),
          onProgress: ({ position, head }) => {
            record.progress = {
              checked: position,
              total: head,
              percent: head === 0 ? 100 : Math.min(100, Math.floor((position * 100) / head)),
            };
          },
        });
        record.result = verificationResult(verification);
        record.progress = { checked: verification.head, total: verification.head, percent: 100 };
        record.status = 'done';
      } finally {
        await store.close().catch(() => undefined);
      }
    } catch (error) {
      record.status = 'failed';
      record.error = error instanceof Error ? error.message : String(error);
      this.logger.error(`verification ${record.id} could not complete: ${record.error}`);
    }
    record.finishedAt = new Date().toISOString();
    try {
      this.history.keep(record);
    } catch (error) {
      this.logger.error(`verification ${record.id} could not be kept: ${String(error)}`);
    }
  }
}
