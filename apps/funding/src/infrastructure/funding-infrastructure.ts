import { fundingPublication, registryPublication } from '@tadamon/contracts';
import { fundingProjections } from '@tadamon/funding';
import {
  ConsumerGroupMonitor,
  ConsumerMetrics,
  ContextInfrastructure,
  KafkaEventConsumer,
  RelayedLog,
  openRelayedLog,
} from '@tadamon/messaging';
import { HealthCheck, OpenedResources, ProgressCheck } from '@tadamon/nest-kit';
import { FundingConfig } from '../config';
import { ConsumerState, openConsumerState } from './consumer-state';

/**
 * What Funding runs on in the distributed profile: the kit's context infrastructure (log, read
 * models, relay of Funding's integration events, log sealer) and the Kafka consumer of the
 * Registry's events with its inbox and the registry facts. Everything is opened before the HTTP
 * app is built (a missing server fails the start, naming it); the consumer starts when the app
 * connects it as a microservice (Nest closes it before the infrastructure).
 */
export class FundingInfrastructure extends ContextInfrastructure {
  /** The Registry's topic, delivered to Funding's policy through the inbox. */
  readonly consumer: KafkaEventConsumer<unknown>;
  readonly consumerGroup: ConsumerGroupMonitor;

  private constructor(
    override readonly config: FundingConfig,
    log: RelayedLog,
    readonly consumerState: ConsumerState,
    resources: OpenedResources,
  ) {
    const { brokers, group } = config.kafka;
    const consumerGroup = new ConsumerGroupMonitor(brokers, group, [registryPublication.topic]);
    super(
      config,
      log,
      {
        publication: fundingPublication,
        projections: fundingProjections,
        pools: consumerState.pools,
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

  override healthChecks(): Record<string, HealthCheck> {
    return {
      ...super.healthChecks(),
      registryConsumer: () => this.consumer.check(),
      registryFacts: async () => void (await this.consumerState.facts.networksOf('health-check')),
    };
  }
}
