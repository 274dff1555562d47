import { IntegrationEvent, parseIntegrationEvent, deadLetterTopic } from '@tadamon/contracts';
import { KafkaContext, ReadPacket, ServerKafka } from '@nestjs/microservices';
import { Consumer, ConsumerConfig, Kafka, KafkaConfig, logLevel, Producer, ProducerConfig } from 'kafkajs';
import { deadLetterHeaders } from '../kafka/integration-event-message';
import { kafkaLogCreator } from '../kafka/kafka-logging';
import { ensureTopics, TopicSettings } from '../kafka/topic-setup';
import { backoffAfter, retryPolicy, RetryPolicy, toError } from '../retry-policy';
import { assertSingleHandlers, deliver, invokeNestHandler } from './delivery';
import { DeliveryContext } from './delivery-context';
import { Inbox } from './inbox';

export interface KafkaEventConsumerOptions<Tx> {
  /** brokers, ssl, sasl... clientId defaults to the group. */
  kafka: KafkaConfig;
  /** The consumer group: one per context (see consumerGroup() in @tadamon/contracts). */
  group: string;
  inbox: Inbox<Tx>;
  retry?: Partial<RetryPolicy>;
  /** Used when the consumer creates a missing topic or `.dlt` twin. */
  topics?: TopicSettings;
  /** Extra kafkajs consumer settings (session timeout...); groupId is set from `group`. */
  consumer?: Pick<
    ConsumerConfig,
    'sessionTimeout' | 'heartbeatInterval' | 'rebalanceTimeout' | 'maxWaitTimeInMs' | 'maxBytesPerPartition'
  >;
  /** Where a new group starts. Default true: the whole retained topic. */
  fromBeginning?: boolean;
  /** How fast the consumer notices Kafka gone and comes back (docs/operations.md). */
  recovery?: Partial<KafkaRecovery>;
  /** One try of a delivery running longer than this means the consumer is stuck (liveness). */
  stuckAfterMs?: number;
}

/** The settings that govern how a consumer recovers from a Kafka restart or a dead member. */
export interface KafkaRecovery {
  /** The broker drops a member it has not heard of for this long (and rebalances its partitions). */
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** The longest wait between two tries to reach Kafka (connect, fetch, rejoin). */
  retryMaxMs: number;
}

export const DEFAULT_KAFKA_RECOVERY: KafkaRecovery = {
  sessionTimeoutMs: 10_000,
  heartbeatIntervalMs: 1_000,
  retryMaxMs: 2_000,
};

const DEFAULT_STUCK_AFTER_MS = 120_000;

export interface ConsumerMetrics {
  processed: number;
  duplicates: number;
  /** Failed attempts that were retried (a database that could not be reached included). */
  retries: number;
  deadLettered: number;
}

/** Where the consumer stands, for readiness and the logs. */
export type ConsumerState =
  { state: 'starting' | 'stopped'; problem?: string } | { state: 'joined'; sinceKafkaMs: number };

/**
 * The Kafka transport of @nestjs/microservices with the delivery rules of docs/messaging.md.
 *
 * Stock ServerKafka hands an event to its handler inside kafkajs's eachMessage; an error escapes
 * eachMessage, so kafkajs does not commit the offset and re-reads the same message forever (and
 * the default exception filter replaces the error by "Internal server error"). Here each event goes
 * through deliver(): the handler runs in the inbox transaction, is retried with backoff, and after
 * the last attempt the message is published to `<topic>.dlt` and awaited (acks=all) before
 * eachMessage returns, which is what lets kafkajs commit its offset. The partition keeps flowing.
 * Handlers are ordinary `@EventPattern(topic)` methods receiving the IntegrationEvent and a
 * DeliveryContext.
 */
export class KafkaEventConsumer<Tx = unknown> extends ServerKafka {
  private readonly policy: RetryPolicy;
  private readonly counters: ConsumerMetrics = { processed: 0, duplicates: 0, retries: 0, deadLettered: 0 };

  private readonly recovery: KafkaRecovery;

  constructor(private readonly settings: KafkaEventConsumerOptions<Tx>) {
    const recovery = { ...DEFAULT_KAFKA_RECOVERY, ...settings.recovery };
    // Short inner retries: a crashed consumer is restarted by kafkajs, a failed start by supervise().
    const retry = { initialRetryTime: 300, maxRetryTime: recovery.retryMaxMs, retries: 5 };
    super({
      client: {
        clientId: settings.group,
        logLevel: logLevel.ERROR,
        logCreator: kafkaLogCreator,
        retry,
        ...settings.kafka,
      },
      consumer: {
        allowAutoTopicCreation: false,
        sessionTimeout: recovery.sessionTimeoutMs,
        heartbeatInterval: recovery.heartbeatIntervalMs,
        // A rejoin waits for the members of the last generation this long at most.
        rebalanceTimeout: recovery.sessionTimeoutMs,
        retry,
        ...settings.consumer,
        groupId: settings.group,
      },
      producer: {
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
      } satisfies ProducerConfig,
      subscribe: { fromBeginning: settings.fromBeginning ?? true },
      run: { autoCommit: true },
      // The group and client ids are used as given (ServerKafka appends "-server" by default).
      postfixId: '',
    });
    this.policy = retryPolicy(settings.retry);
    this.recovery = recovery;
    // ServerKafka's id (Transport.KAFKA) would leave out the handlers bound to a consumer
    // (consumerTransport): a service holds one context, so every handler of the app is its own.
    Reflect.deleteProperty(this, 'transportId');
  }

  private joined = false;
  private readonly joinWaiters: (() => void)[] = [];
  /** When the consumer last heard from Kafka (a fetch, a heartbeat, a batch, a commit). */
  private lastHeardAt = 0;
  /** Why the consumer is not running, for readiness. */
  private problem: string | undefined;
  private stopping = false;
  private supervision: Promise<void> | undefined;
  private wakeSupervisor: (() => void) | undefined;
  /** When the try of a delivery in progress began (undefined: none in progress). */
  private tryStartedAt: number | undefined;

  metrics(): ConsumerMetrics {
    return { ...this.counters };
  }

  /** Resolves once the consumer has joined its group and holds partitions. */
  whenJoined(): Promise<void> {
    if (this.joined) return Promise.resolve();
    return new Promise((resolve) => this.joinWaiters.push(resolve));
  }

  state(): ConsumerState {
    if (this.stopping) return { state: 'stopped' };
    if (!this.joined) return { state: 'starting', problem: this.problem };
    return { state: 'joined', sinceKafkaMs: Date.now() - this.lastHeardAt };
  }

  /**
   * Readiness: throws unless the consumer is in its group and has heard from Kafka within the
   * session timeout (after which the broker itself counts the member dead).
   */
  check(): void {
    const state = this.state();
    if (state.state !== 'joined')
      throw new Error(`the consumer is ${state.state}${state.problem ? `: ${state.problem}` : ''}`);
    if (state.sinceKafkaMs > this.recovery.sessionTimeoutMs)
      throw new Error(`the consumer has not heard from Kafka for ${state.sinceKafkaMs} ms`);
  }

  /**
   * Liveness: a reason when the consumer can make no progress — one try of a delivery (the inbox
   * transaction and the handler) has run longer than stuckAfterMs, which the pool and lock timeouts
   * should make impossible; only a restart frees what it holds. Waiting for a database to come back
   * is not being stuck: each try of that wait is short.
   */
  stuck(now = Date.now()): string | undefined {
    const limit = this.settings.stuckAfterMs ?? DEFAULT_STUCK_AFTER_MS;
    if (this.tryStartedAt !== undefined && now - this.tryStartedAt > limit)
      return `a delivery of ${this.settings.group} has been running for ${now - this.tryStartedAt} ms`;
    return undefined;
  }

  /**
   * Nest awaits listen() before the app goes on: it returns at once and the consumer connects in
   * the background, retrying until Kafka answers, so the HTTP app serves (and readiness says why
   * the consumer is not running) while Kafka is away or the group is rebalancing.
   */
  override async listen(callback: (error?: unknown) => void): Promise<void> {
    this.stopping = false;
    this.supervision = this.supervise();
    callback();
  }

  override async close(): Promise<void> {
    this.stopping = true;
    this.wakeSupervisor?.();
    await this.supervision;
    this.joined = false;
    await super.close().catch(() => undefined);
  }

  private async supervise(): Promise<void> {
    for (let failures = 1; !this.stopping; failures++) {
      try {
        this.client = this.createClient();
        await this.start(() => undefined);
        this.problem = undefined;
        return;
      } catch (error) {
        this.problem = toError(error).message;
        if (failures <= 3 || failures % 10 === 0)
          this.logger.warn(`${this.settings.group} cannot start (${failures}): ${this.problem}; retrying`);
        await super.close().catch(() => undefined);
        await this.pause(backoffAfter(retryPolicy({ maxBackoffMs: this.recovery.retryMaxMs }), failures));
      }
    }
  }

  /** After a crash kafkajs does not restart itself from (a non-retriable error), start afresh. */
  private restartAfterCrash(): void {
    if (this.stopping) return;
    const previous = this.supervision;
    this.supervision = (async () => {
      await previous;
      await super.close().catch(() => undefined);
      await this.supervise();
    })();
  }

  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeSupervisor = done;
    });
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer;
    if (!consumer) return;
    const { events } = consumer;
    const heard = () => (this.lastHeardAt = Date.now());
    consumer.on(events.GROUP_JOIN, () => {
      heard();
      this.joined = true;
      this.problem = undefined;
      this.joinWaiters.splice(0).forEach((resolve) => resolve());
    });
    for (const event of [
      events.FETCH,
      events.HEARTBEAT,
      events.START_BATCH_PROCESS,
      events.END_BATCH_PROCESS,
    ])
      consumer.on(event, heard);
    consumer.on(events.REBALANCING, () => {
      this.joined = false;
      this.problem = 'rebalancing';
    });
    consumer.on(events.STOP, () => (this.joined = false));
    consumer.on(events.CRASH, ({ payload }) => {
      this.joined = false;
      this.problem = `crashed: ${payload.error.message}`;
      if (!payload.restart) this.restartAfterCrash();
    });
  }

  override async start(callback: () => void): Promise<void> {
    assertSingleHandlers(this.getHandlers());
    const admin = this.unwrap<[Kafka]>()[0].admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [...this.getHandlers().keys()], this.settings.topics);
    } finally {
      await admin.disconnect();
    }
    await super.start(callback);
  }

  override async handleEvent(pattern: string, packet: ReadPacket, context: KafkaContext): Promise<void> {
    const handler = this.getHandlerByPattern(pattern);
    if (!handler) return this.logger.error(`no @EventPattern handler for ${pattern}`);
    const message = context.getMessage();
    let event: IntegrationEvent;
    try {
      event = parseIntegrationEvent(packet.data);
    } catch (error) {
      return this.deadLetter(context, toError(error), 0);
    }
    const info = {
      consumer: this.settings.group,
      topic: context.getTopic(),
      partition: context.getPartition(),
    };
    const outcome = await deliver({
      consumer: this.settings.group,
      event,
      inbox: this.timedInbox,
      policy: this.policy,
      stopping: () => this.stopping,
      onUnavailable: (error, inARow) => {
        if (inARow <= 3 || inARow % 10 === 0)
          this.logger.warn(
            `${event.type} ${event.eventId} waits for a dependency (${inARow}): ${error.message}`,
          );
      },
      handle: (tx, attempt) =>
        invokeNestHandler(
          handler,
          event,
          new DeliveryContext<Tx>([event, tx, { ...info, offset: message.offset, attempt }]),
        ),
      beforeRetry: async () => {
        this.counters.retries += 1;
        await context.getHeartbeat()();
      },
    });
    if (outcome.status === 'failed') {
      this.logger.warn(
        `${event.type} ${event.eventId} failed ${outcome.attempts} times, dead-lettered: ${outcome.error.message}`,
      );
      return this.deadLetter(context, outcome.error, outcome.attempts);
    }
    this.counters[outcome.status === 'processed' ? 'processed' : 'duplicates'] += 1;
  }

  /** The inbox, with each try of a delivery timed for stuck(). */
  private readonly timedInbox: Inbox<Tx> = {
    processOnce: async (consumer, eventId, effect) => {
      this.tryStartedAt = Date.now();
      try {
        return await this.settings.inbox.processOnce(consumer, eventId, effect);
      } finally {
        this.tryStartedAt = undefined;
        this.lastHeardAt = Date.now();
      }
    },
  };

  /** Publishes the original message with the error in its headers; throws (no commit) if Kafka refuses. */
  private async deadLetter(context: KafkaContext, error: Error, attempts: number): Promise<void> {
    const message = context.getMessage();
    const value = message.value as unknown;
    const headers: Record<string, string | Buffer> = {};
    for (const [name, header] of Object.entries(message.headers ?? {})) {
      if (header !== undefined) headers[name] = Buffer.isBuffer(header) ? header : String(header);
    }
    const [, , producer] = this.unwrap<[Kafka, Consumer, Producer]>();
    await producer.send({
      topic: deadLetterTopic(context.getTopic()),
      acks: -1,
      messages: [
        {
          key: message.key === null || message.key === undefined ? null : String(message.key),
          value: Buffer.isBuffer(value) || typeof value === 'string' ? value : JSON.stringify(value),
          headers: {
            ...headers,
            ...deadLetterHeaders({
              error,
              attempts,
              topic: context.getTopic(),
              partition: context.getPartition(),
              offset: message.offset,
              consumerGroup: this.settings.group,
              failedAt: new Date(),
            }),
          },
        },
      ],
    });
    this.counters.deadLettered += 1;
  }
}
