import { ContextPublication, toIntegrationEvent } from '@tadamon/contracts';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { CheckpointStore } from '../checkpoints/checkpoint-store';
import { assertSingleHandlers, deliver, invokeNestHandler } from '../consumer/delivery';
import { consumerTransport } from '../consumer/consumer-transport';
import { DeliveryContext } from '../consumer/delivery-context';
import { Inbox } from '../consumer/inbox';
import { ConsumerMetrics } from '../consumer/kafka-event-consumer';
import { countAfter, EventLog } from '../event-log';
import { backoffAfter, retryPolicy, RetryPolicy, toError } from '../retry-policy';
import { DeadLetterStore } from './dead-letter-store';

export interface EmbeddedEventTransportOptions<Tx> {
  /** The consumer name (the context, as its Kafka group would be): inbox and checkpoint key. */
  consumer: string;
  log: EventLog;
  /** The publications of the contexts this consumer may listen to (one per topic). */
  publications: ContextPublication[];
  /**
   * The topics this consumer delivers, when one app holds the handlers of several consumers (the
   * embedded platform: each context its own transport, inbox and checkpoints). Handlers of other
   * topics are left to their consumer's transport. Default: every topic a handler listens to.
   */
  topics?: readonly string[];
  /**
   * Take only the handlers bound to this consumer (`consumerTransport(consumer)`) and the unbound
   * ones: when two consumers of one app listen to the same topic. Default false: every handler.
   */
  boundHandlers?: boolean;
  checkpoints: CheckpointStore;
  inbox: Inbox<Tx>;
  deadLetters: DeadLetterStore;
  retry?: Partial<RetryPolicy>;
  /** Default 20 ms. */
  pollIntervalMs?: number;
  /** Events read per batch; the checkpoint is saved after each batch. Default 200. */
  batchSize?: number;
  onError?: (error: Error) => void;
}

interface Lane {
  topic: string;
  publication: ContextPublication;
  handler: MessageHandler;
  checkpoint: number;
  running?: Promise<void>;
}

/**
 * The in-process twin of relay + Kafka consumer for the embedded profile. For each topic with an
 * `@EventPattern` handler it tails the publishing context's categories in the local log, maps them
 * with the same publication, and delivers each integration event through the same deliver() as the
 * Kafka consumer: inbox transaction, bounded retries, then a dead letter (kept in the local store)
 * and on to the next event. Events are delivered in global order, hence in order per stream, and the
 * checkpoint is saved after its batch: a crash redelivers at most one batch, which the inbox absorbs.
 */
export class EmbeddedEventTransport<Tx = unknown> extends Server implements CustomTransportStrategy {
  private readonly policy: RetryPolicy;
  private readonly lanes: Lane[] = [];
  private stopped = false;
  private readonly wakers = new Set<() => void>();
  private readonly counters: ConsumerMetrics = { processed: 0, duplicates: 0, retries: 0, deadLettered: 0 };

  constructor(private readonly settings: EmbeddedEventTransportOptions<Tx>) {
    super();
    this.policy = retryPolicy(settings.retry);
    if (settings.boundHandlers) this.transportId = consumerTransport(settings.consumer);
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      assertSingleHandlers(this.getHandlers());
      const { topics } = this.settings;
      for (const [topic, handler] of this.getHandlers()) {
        if (topics && !topics.includes(topic)) continue;
        const publication = this.settings.publications.find((candidate) => candidate.topic === topic);
        if (!publication)
          throw new Error(`no publication for topic ${topic}: give its context's publication`);
        const checkpoint = (await this.settings.checkpoints.load(this.checkpointName(topic))) ?? 0;
        this.lanes.push({ topic, publication, handler, checkpoint });
      }
      this.stopped = false;
      for (const lane of this.lanes) lane.running = this.run(lane);
      this._status$.next('connected');
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    this.stopped = true;
    for (const wake of this.wakers) wake();
    await Promise.all(this.lanes.map((lane) => lane.running));
    this.lanes.length = 0;
    this._status$.next('disconnected');
  }

  /** Look for new events now (call after a local append to skip the poll interval). */
  wake(): void {
    for (const wake of this.wakers) wake();
  }

  /** Events of the listened categories not yet delivered, per topic. */
  async lag(): Promise<Record<string, number>> {
    const lags: Record<string, number> = {};
    for (const lane of this.lanes) {
      lags[lane.topic] = await countAfter(this.settings.log, lane.checkpoint, lane.publication.categories);
    }
    return lags;
  }

  metrics(): ConsumerMetrics {
    return { ...this.counters };
  }

  on(): never {
    throw new Error('the embedded transport has no events to listen to');
  }

  unwrap<T>(): T {
    throw new Error('the embedded transport wraps no client');
  }

  private checkpointName(topic: string) {
    return `embedded:${this.settings.consumer}:${topic}`;
  }

  private async run(lane: Lane): Promise<void> {
    const batchSize = this.settings.batchSize ?? 200;
    let failuresInARow = 0;
    while (!this.stopped) {
      try {
        const events = await this.settings.log.readAll({
          after: lane.checkpoint,
          maxCount: batchSize,
          categories: lane.publication.categories,
        });
        const deliverAll = async (inbox: Inbox<Tx>) => {
          for (const event of events) {
            if (this.stopped) break;
            const integrationEvent = toIntegrationEvent(lane.publication, event);
            if (integrationEvent) await this.deliverOne(lane, integrationEvent, inbox);
            lane.checkpoint = event.globalPosition;
          }
        };
        // One commit for the batch when the inbox can; the checkpoint is saved only after it.
        const { inbox } = this.settings;
        if (inbox.batch && events.length > 1) await inbox.batch(deliverAll);
        else await deliverAll(inbox);
        if (events.length > 0)
          await this.settings.checkpoints.save(this.checkpointName(lane.topic), lane.checkpoint);
        failuresInARow = 0;
        if (events.length < batchSize) await this.idle(this.settings.pollIntervalMs ?? 20);
      } catch (error) {
        // A store error (not a handler's): redeliver from the last saved position after a backoff.
        failuresInARow += 1;
        this.settings.onError?.(toError(error));
        this.logger.error(`embedded delivery of ${lane.topic} failed: ${toError(error).message}`);
        lane.checkpoint =
          (await this.settings.checkpoints.load(this.checkpointName(lane.topic)).catch(() => undefined)) ??
          lane.checkpoint;
        await this.idle(backoffAfter({ ...this.policy, maxBackoffMs: 5000 }, failuresInARow));
      }
    }
  }

  private async deliverOne(
    lane: Lane,
    event: ReturnType<typeof toIntegrationEvent> & object,
    inbox: Inbox<Tx>,
  ): Promise<void> {
    const outcome = await deliver({
      consumer: this.settings.consumer,
      event,
      inbox,
      policy: this.policy,
      // A database busy or away is waited out; a transport stopping meanwhile gives up (no checkpoint).
      stopping: () => this.stopped,
      handle: (tx, attempt) =>
        invokeNestHandler(
          lane.handler,
          event,
          new DeliveryContext<Tx>([
            event,
            tx,
            {
              consumer: this.settings.consumer,
              topic: lane.topic,
              partition: -1,
              offset: String(event.globalPosition),
              attempt,
            },
          ]),
        ),
      beforeRetry: async () => {
        this.counters.retries += 1;
      },
    });
    if (outcome.status !== 'failed') {
      this.counters[outcome.status === 'processed' ? 'processed' : 'duplicates'] += 1;
      return;
    }
    this.logger.warn(`${event.type} ${event.eventId} failed ${outcome.attempts} times, dead-lettered`);
    await this.settings.deadLetters.add({
      consumer: this.settings.consumer,
      topic: lane.topic,
      event,
      errorName: outcome.error.name,
      errorMessage: outcome.error.message,
      attempts: outcome.attempts,
      failedAt: new Date().toISOString(),
    });
    this.counters.deadLettered += 1;
  }

  private idle(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }
}
