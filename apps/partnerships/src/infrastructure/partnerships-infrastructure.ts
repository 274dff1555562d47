import { ContentStore } from '@tadamon/content-store';
import { fundingPublication, partnershipsPublication, registryPublication } from '@tadamon/contracts';
import {
  ConsumerGroupMonitor,
  ConsumerMetrics,
  ContextInfrastructure,
  KafkaEventConsumer,
  RelayedLog,
  openRelayedLog,
} from '@tadamon/messaging';
import { partnershipsProjections } from '@tadamon/partnerships';
import { HealthCheck, OpenedResources, ProgressCheck } from '@tadamon/nest-kit';
import { PartnershipsConfig } from '../config';
import { ConsumerState, openConsumerState } from './consumer-state';
import { openPartnershipsContentStore } from './content-store';

// The empty content's key: a `has` on it is a round trip to the store that changes nothing.
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * What Partnerships runs on in the distributed profile: the kit's context infrastructure (log, read
 * models, relay of Partnerships' integration events, log sealer), the content store of its
 * documents and the Kafka consumer of Funding's and the Registry's events with its inbox (and the
 * directory of Registry organisations its Registry policy keeps). Everything is opened before
 * the HTTP app is built (a missing server fails the start, naming it); the consumer starts when the
 * app connects it as a microservice (Nest closes it before the infrastructure).
 */
export class PartnershipsInfrastructure extends ContextInfrastructure {
  /** Funding's and the Registry's topics, delivered to Partnerships' policies through the inbox. */
  readonly consumer: KafkaEventConsumer<unknown>;
  readonly consumerGroup: ConsumerGroupMonitor;

  private constructor(
    override readonly config: PartnershipsConfig,
    log: RelayedLog,
    readonly contentStore: ContentStore,
    readonly consumerState: ConsumerState,
    resources: OpenedResources,
  ) {
    const { brokers, group } = config.kafka;
    const consumerGroup = new ConsumerGroupMonitor(brokers, group, [
      fundingPublication.topic,
      registryPublication.topic,
    ]);
    super(
      config,
      log,
      {
        publication: partnershipsPublication,
        projections: partnershipsProjections,
        workers: [
          {
            name: 'consumer-group',
            dependency: `the Kafka admin client (KAFKA_BROKERS=${brokers.join(',')})`,
            start: () => undefined,
            stop: () => consumerGroup.disconnect(),
            lag: async () => [{ kind: 'consumer', consumer: group, lag: await consumerGroup.lag() }],
          },
        ],
      },
      resources,
    );
    this.consumerGroup = consumerGroup;
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

  static open(config: PartnershipsConfig): Promise<PartnershipsInfrastructure> {
    return OpenedResources.openAll(async (resources) => {
      const log = await openRelayedLog(config, resources);
      const consumerState = await openConsumerState(config.consumerState, resources, log.pool);
      const contentStore = await openPartnershipsContentStore(config.contentStore, resources, log.pool);
      return new PartnershipsInfrastructure(config, log, contentStore, consumerState, resources);
    });
  }

  override progressChecks(): Record<string, ProgressCheck> {
    return { ...super.progressChecks(), fundingConsumer: () => this.consumer.stuck() };
  }

  protected override consumerCounts(): Record<string, () => ConsumerMetrics> {
    return { [this.config.kafka.group]: () => this.consumer.metrics() };
  }

  override healthChecks(): Record<string, HealthCheck> {
    return {
      ...super.healthChecks(),
      fundingConsumer: () => this.consumer.check(),
      contentStore: async () => void (await this.contentStore.has(EMPTY_SHA256)),
    };
  }
}
