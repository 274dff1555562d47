import { IntegrationEvent, parseIntegrationEvent, deadLetterTopic } from '@tadamon/contracts';
import { KafkaContext, ReadPacket, ServerKafka } from '@nestjs/microservices';
import { Consumer, ConsumerConfig, Kafka, KafkaConfig, logLevel, Producer, ProducerConfig } from 'kafkajs';
import { deadLetterHeaders } from '../kafka/integration-event-message';
import { kafkaLogCreator } from '../kafka/kafka-logging';
import { ensureTopics, TopicSettings } from '../kafka/topic-setup';
import { retryPolicy, RetryPolicy, toError } from '../retry-policy';
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
}

export interface ConsumerMetrics {
  processed: number;
  duplicates: number;
  /** Failed attempts that were retried. */
  retries: number;
  deadLettered: number;
}

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

  constructor(private readonly settings: KafkaEventConsumerOptions<Tx>) {
    super({
      client: {
        clientId: settings.group,
        logLevel: logLevel.ERROR,
        logCreator: kafkaLogCreator,
        ...settings.kafka,
      },
      consumer: { allowAutoTopicCreation: false, ...settings.consumer, groupId: settings.group },
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
  }

  private joined = false;
  private readonly joinWaiters: (() => void)[] = [];

  metrics(): ConsumerMetrics {
    return { ...this.counters };
  }

  /** Resolves once the consumer has joined its group and holds partitions. */
  whenJoined(): Promise<void> {
    if (this.joined) return Promise.resolve();
    return new Promise((resolve) => this.joinWaiters.push(resolve));
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    this.consumer?.on(this.consumer.events.GROUP_JOIN, () => {
      this.joined = true;
      this.joinWaiters.splice(0).forEach((resolve) => resolve());
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
      inbox: this.settings.inbox,
      policy: this.policy,
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
