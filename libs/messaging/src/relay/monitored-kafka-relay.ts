import { Logger } from '@nestjs/common';
import { ContextPublication } from '@tadamon/contracts';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { CheckpointStore } from '../checkpoints/checkpoint-store';
import { EventLog } from '../event-log';
import { kafkaLogCreator } from '../kafka/kafka-logging';
import { KafkaRelay } from './kafka-relay';

/** After a failed round the relay counts as failing until a round goes through, or this long. */
const FAILING_WINDOW_MS = 30_000;
/** A batch (read, send with its own timeouts and retries, checkpoint) never lasts this long. */
const STUCK_AFTER_MS = 120_000;

export interface MonitoredKafkaRelayOptions {
  publication: ContextPublication;
  log: EventLog;
  checkpoints: CheckpointStore;
  kafka: { brokers: string[]; partitions: number; replicationFactor: number };
  /** Checkpoint name, for a second publication of one context (default `relay:<context>`). */
  checkpointName?: string;
}

/**
 * A service's relay (its log -> its context topic) and what readiness needs to know of it: the
 * broker answers, and the relay's last attempt did not fail. An idle relay never talks to Kafka,
 * so the broker is asked directly. Failures are logged, the first ones and then every 10th.
 */
export class MonitoredKafkaRelay {
  readonly relay: KafkaRelay;
  private readonly logger = new Logger('Relay');
  private readonly admin: Admin;
  private started = false;
  private adminConnected = false;
  private lastFailure: { at: number; inARow: number; message: string } | undefined;

  constructor({ publication, log, checkpoints, kafka, checkpointName }: MonitoredKafkaRelayOptions) {
    this.relay = new KafkaRelay({
      publication,
      log,
      checkpoints,
      checkpointName,
      kafka: { brokers: kafka.brokers, clientId: `tadamon-${publication.context}-relay` },
      topics: { partitions: kafka.partitions, replicationFactor: kafka.replicationFactor },
      onError: (error, inARow) => {
        this.lastFailure = {
          at: Date.now(),
          inARow,
          message: error.message,
        };
        // The relay retries with a backoff of at most 2 s: log the first failures, then every 10th.
        if (inARow <= 3 || inARow % 10 === 0)
          this.logger.warn(
            `${this.relay.name}: ${error.message} (${inARow} in a row; re-sending from the checkpoint)`,
          );
      },
    });
    this.admin = new Kafka({
      brokers: kafka.brokers,
      clientId: `tadamon-${publication.context}-health`,
      logLevel: logLevel.NOTHING,
      logCreator: kafkaLogCreator,
      retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 500 },
    }).admin();
  }

  get name(): string {
    return this.relay.name;
  }

  /** Starts relaying from the checkpoint (the topic and its .dlt twin are made once Kafka answers). */
  async start(): Promise<void> {
    await this.relay.start();
    this.started = true;
  }

  wake(): void {
    this.relay.wake();
  }

  lag(): Promise<number> {
    return this.relay.lag();
  }

  /** Readiness: throws when the broker does not answer or the relay keeps failing. */
  async check(): Promise<void> {
    if (!this.started) throw new Error('the relay is not running');
    try {
      if (!this.adminConnected) {
        await this.admin.connect();
        this.adminConnected = true;
      }
      await this.admin.describeCluster();
    } catch (error) {
      // Connect again at the next check (Kafka away at start, or restarted since).
      this.adminConnected = false;
      await this.admin.disconnect().catch(() => undefined);
      throw error;
    }
    const failure = this.lastFailure;
    // Failing until a round goes through after the failure (an idle relay's round counts: it has
    // made its topics, so Kafka answered), or the window passes.
    if (failure && this.relay.lastSuccessAt() < failure.at && Date.now() - failure.at < FAILING_WINDOW_MS)
      throw new Error(`the relay failed ${failure.inARow} time(s) in a row: ${failure.message}`);
  }

  /** Liveness: a reason when the batch in progress has hung past every timeout. */
  stuck(now = Date.now()): string | undefined {
    const running = this.relay.batchRunningMs(now);
    return running !== undefined && running > STUCK_AFTER_MS
      ? `a batch of ${this.relay.name} has been running for ${running} ms`
      : undefined;
  }

  /** Finishes the batch in progress, then disconnects. */
  async stop(): Promise<void> {
    this.started = false;
    this.adminConnected = false;
    await this.relay.stop();
    await this.admin.disconnect().catch(() => undefined);
  }
}
