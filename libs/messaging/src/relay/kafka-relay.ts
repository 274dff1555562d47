import { ContextPublication, toIntegrationEvent } from '@tadamon/contracts';
import { RecordedEvent } from '@tadamon/eventsourcing';
import { Kafka, KafkaConfig, logLevel, Message, Producer } from 'kafkajs';
import { CheckpointStore } from '../checkpoints/checkpoint-store';
import { countAfter, EventLog } from '../event-log';
import { toKafkaMessage } from '../kafka/integration-event-message';
import { kafkaLogCreator } from '../kafka/kafka-logging';
import { ensureTopics, TopicSettings } from '../kafka/topic-setup';
import { backoffAfter, retryPolicy, RetryPolicy, toError } from '../retry-policy';

export interface KafkaRelayOptions {
  publication: ContextPublication;
  log: EventLog;
  checkpoints: CheckpointStore;
  /** brokers, clientId, ssl, sasl... (clientId defaults to `tadamon-relay-<context>`). */
  kafka: KafkaConfig;
  topics?: TopicSettings;
  /** Events read and sent per batch. Default 500. */
  batchSize?: number;
  /** How often an idle relay looks for new events. Default 20 ms. */
  pollIntervalMs?: number;
  /** Backoff between failed batches (maxAttempts is ignored: the relay never gives up). */
  backoff?: Partial<Omit<RetryPolicy, 'maxAttempts'>>;
  /** Checkpoint name. Default `relay:<context>`. */
  checkpointName?: string;
  onError?: (error: Error, failuresInARow: number) => void;
  /** Test seam: runs after a batch is acknowledged by Kafka and before its checkpoint is saved. */
  afterPublish?: (events: RecordedEvent[]) => Promise<void> | void;
}

export interface RelayMetrics {
  /** Integration events acknowledged by Kafka (a re-sent event counts again). */
  published: number;
  /** Events of the context's categories that its publication keeps private. */
  skipped: number;
  batches: number;
  sendFailures: number;
  /** Producers created after the first (after a failure). */
  reconnects: number;
  checkpoint: number;
  lastError?: string;
}

/**
 * Tails one context's categories in the global log and publishes its integration events to the
 * context topic. A batch is read after the checkpoint, sent (acks=all, idempotent producer, one
 * request in flight so a retry cannot reorder a partition), and only then is the checkpoint saved:
 * a crash in between re-sends the batch (at least once; consumers dedupe by event id). When a send
 * fails the producer is dropped, and after a backoff a new one re-sends from the checkpoint.
 */
export class KafkaRelay {
  readonly name: string;
  private readonly kafka: Kafka;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly backoff: RetryPolicy;
  private producer: Producer | undefined;
  private producersCreated = 0;
  private checkpoint = 0;
  private running: Promise<void> | undefined;
  private stopped = false;
  private wakeIdle: (() => void) | undefined;
  private readonly counters: Omit<RelayMetrics, 'checkpoint' | 'reconnects'> = {
    published: 0,
    skipped: 0,
    batches: 0,
    sendFailures: 0,
  };

  constructor(private readonly options: KafkaRelayOptions) {
    this.name = options.checkpointName ?? `relay:${options.publication.context}`;
    this.kafka = new Kafka({
      clientId: `tadamon-relay-${options.publication.context}`,
      logLevel: logLevel.ERROR,
      logCreator: kafkaLogCreator,
      // Short inner retries (connecting included): the relay's own loop tries again with backoff.
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
      ...options.kafka,
    });
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 20;
    this.backoff = retryPolicy({
      initialBackoffMs: 100,
      maxBackoffMs: 2000,
      ...options.backoff,
      maxAttempts: 1,
    });
  }

  /**
   * Loads the checkpoint and starts relaying; resolves once running. Kafka need not be there: until
   * it answers, making the topics and every batch fail and are tried again (onError), so the
   * service starts, takes commands, and catches up later.
   */
  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already started`);
    this.checkpoint = (await this.options.checkpoints.load(this.name)) ?? 0;
    // With Kafka there, the topics exist once start returns (other contexts' consumers can
    // subscribe); with Kafka away, one quick try, and the loop makes them once it answers.
    await this.ensureTopics().catch(() => undefined);
    this.stopped = false;
    this.running = this.run();
  }

  private topicsReady = false;

  private async ensureTopics(): Promise<void> {
    if (this.topicsReady) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [this.options.publication.topic], this.options.topics);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    this.topicsReady = true;
  }

  /** Finishes the batch in progress, then disconnects. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeIdle?.();
    await this.running;
    this.running = undefined;
    await this.dropProducer();
  }

  /** Look for new events now rather than at the next poll (e.g. right after a local append). */
  wake(): void {
    this.wakeIdle?.();
  }

  /** Events of the context's categories after the checkpoint: what is still to be relayed. */
  lag(cap?: number): Promise<number> {
    return countAfter(this.options.log, this.checkpoint, this.options.publication.categories, cap);
  }

  metrics(): RelayMetrics {
    return {
      ...this.counters,
      checkpoint: this.checkpoint,
      reconnects: Math.max(0, this.producersCreated - 1),
    };
  }

  private async run(): Promise<void> {
    let failuresInARow = 0;
    while (!this.stopped) {
      try {
        const relayed = await this.relayBatch();
        // Idle with Kafka back: the topics are made now, not at the first event.
        await this.ensureTopics();
        failuresInARow = 0;
        this.lastRoundOkAt = Date.now();
        if (relayed < this.batchSize) await this.idle(this.pollIntervalMs);
      } catch (error) {
        failuresInARow += 1;
        this.counters.sendFailures += 1;
        const cause = toError(error);
        this.counters.lastError = cause.message;
        this.options.onError?.(cause, failuresInARow);
        // A producer that failed may hold a stale idempotence sequence: start afresh.
        await this.dropProducer();
        await this.idle(backoffAfter(this.backoff, failuresInARow));
      }
    }
  }

  private lastRoundOkAt = 0;

  /** When a round of the loop (a batch, or an idle look at the log) last went through without error. */
  lastSuccessAt(): number {
    return this.lastRoundOkAt;
  }

  /** How long the batch in progress has been running (undefined: none), for liveness. */
  batchRunningMs(now = Date.now()): number | undefined {
    return this.batchStartedAt === undefined ? undefined : now - this.batchStartedAt;
  }

  private batchStartedAt: number | undefined;

  /** One read-send-checkpoint cycle; returns the number of events read. */
  private async relayBatch(): Promise<number> {
    this.batchStartedAt = Date.now();
    try {
      return await this.readSendSave();
    } finally {
      this.batchStartedAt = undefined;
    }
  }

  private async readSendSave(): Promise<number> {
    const { publication } = this.options;
    const events = await this.options.log.readAll({
      after: this.checkpoint,
      maxCount: this.batchSize,
      categories: publication.categories,
    });
    if (events.length === 0) return 0;
    const messages: Message[] = [];
    for (const event of events) {
      const integrationEvent = toIntegrationEvent(publication, event);
      if (integrationEvent) messages.push(toKafkaMessage(integrationEvent));
    }
    if (messages.length > 0) {
      await this.ensureTopics();
      const producer = await this.connectedProducer();
      await producer.send({ topic: publication.topic, messages, acks: -1 });
    }
    await this.options.afterPublish?.(events);
    const last = events[events.length - 1].globalPosition;
    await this.options.checkpoints.save(this.name, last);
    this.checkpoint = last;
    this.counters.published += messages.length;
    this.counters.skipped += events.length - messages.length;
    this.counters.batches += 1;
    return events.length;
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Short inner retries: the relay's own loop retries from the checkpoint with a new producer.
      retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 1000 },
    });
    this.producersCreated += 1;
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.producer = producer;
    return producer;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private idle(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeIdle = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeIdle = done;
    });
  }
}
