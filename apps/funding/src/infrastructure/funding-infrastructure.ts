import { Logger } from '@nestjs/common';
import { fundingPublication, registryPublication } from '@tadamon/contracts';
import { EventStore, ScheduledLogSeals } from '@tadamon/event-store';
import { fundingProjections } from '@tadamon/funding';
import {
  ConsumerGroupMonitor,
  ConsumerMetrics,
  KafkaEventConsumer,
  MonitoredKafkaRelay,
  RelayedLog,
  openRelayedLog,
  relayedLogHealthChecks,
} from '@tadamon/messaging';
import {
  HealthCheck,
  IdempotencyStore,
  ProgressCheck,
  OpenedResources,
  RelayingInfrastructure,
} from '@tadamon/nest-kit';
import { MongooseDocumentStore, ProjectionRunners } from '@tadamon/read-store';
import { FundingConfig } from '../config';
import { ConsumerState, openConsumerState } from './consumer-state';

/**
 * What Funding runs on in the distributed profile: the event store, the read models in MongoDB
 * with one projection runner each, the relay of Funding's integration events to Kafka, and the
 * Kafka consumer of the Registry's events with its inbox and the registry facts. Everything is
 * opened before the HTTP app is built (a missing server fails the start, naming it); the relay
 * and the runners start with the app, the consumer when the app connects it as a microservice
 * (Nest closes it before the infrastructure).
 */
export class FundingInfrastructure extends RelayingInfrastructure {
  readonly eventStore: EventStore;
  readonly documents: MongooseDocumentStore;
  readonly idempotency: IdempotencyStore;
  readonly rateLimit: RelayedLog['rateLimit'];
  readonly projections: ProjectionRunners;
  readonly relay: MonitoredKafkaRelay;
  /** The Registry's topic, delivered to Funding's policy through the inbox. */
  readonly consumer: KafkaEventConsumer<unknown>;
  readonly consumerGroup: ConsumerGroupMonitor;
  readonly logSeals: ScheduledLogSeals;

  private constructor(
    readonly config: FundingConfig,
    log: RelayedLog,
    readonly consumerState: ConsumerState,
    resources: OpenedResources,
  ) {
    const { eventStore, documents, checkpoints } = log;
    const logger = new Logger('ReadModels');
    const projections = new ProjectionRunners(eventStore, documents, fundingProjections, (message) =>
      logger.error(message),
    );
    const relay = new MonitoredKafkaRelay({
      publication: fundingPublication,
      log: eventStore,
      checkpoints,
      kafka: config.kafka,
    });
    const { brokers, group } = config.kafka;
    const consumerGroup = new ConsumerGroupMonitor(brokers, group, [registryPublication.topic]);
    const logSeals = new ScheduledLogSeals(eventStore, config.logSeals, new Logger('LogSeals'));
    super(
      {
        relay,
        published: fundingPublication.categories,
        projections,
        kafkaBrokers: brokers,
        relayCounts: () => relay.relay.metrics(),
        pools: { service: log.pool, ...consumerState.pools },
        workers: [
          {
            name: 'consumer-group',
            dependency: `the Kafka admin client (KAFKA_BROKERS=${brokers.join(',')})`,
            start: () => undefined,
            stop: () => consumerGroup.disconnect(),
            lag: async () => [{ kind: 'consumer', consumer: group, lag: await consumerGroup.lag() }],
          },
          { dependency: 'the log sealer', start: () => logSeals.start(), stop: () => logSeals.stop() },
        ],
      },
      resources,
    );
    this.projections = projections;
    this.eventStore = eventStore;
    this.documents = documents;
    this.idempotency = log.idempotency;
    this.rateLimit = log.rateLimit;
    this.relay = relay;
    this.consumerGroup = consumerGroup;
    this.logSeals = logSeals;
    this.consumer = new KafkaEventConsumer({
      kafka: { brokers, clientId: group },
      group,
      inbox: consumerState.inbox,
      topics: { partitions: config.kafka.partitions, replicationFactor: config.kafka.replicationFactor },
      recovery: config.kafka.recovery,
      // An idle fetch waits this long at most; shutdown waits for the fetch in flight (kafkajs: 5 s).
      consumer: { maxWaitTimeInMs: 1000 },
    });
  }

  static open(config: FundingConfig): Promise<FundingInfrastructure> {
    return OpenedResources.openAll(async (resources) => {
      const log = await openRelayedLog(config, resources);
      const consumerState = await openConsumerState(config.consumerState, resources, log.pool);
      return new FundingInfrastructure(config, log, consumerState, resources);
    });
  }

  override progressChecks(): Record<string, ProgressCheck> {
    return { ...super.progressChecks(), registryConsumer: () => this.consumer.stuck() };
  }

  protected override consumerCounts(): Record<string, () => ConsumerMetrics> {
    return { [this.config.kafka.group]: () => this.consumer.metrics() };
  }

  healthChecks(): Record<string, HealthCheck> {
    return {
      ...relayedLogHealthChecks(this, this.relay),
      registryConsumer: () => this.consumer.check(),
      registryFacts: async () => void (await this.consumerState.facts.networksOf('health-check')),
    };
  }
}
