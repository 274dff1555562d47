import { Admin, Kafka, logLevel } from 'kafkajs';
import { kafkaLogCreator } from '../kafka/kafka-logging';

/** Kafka's answer for a partition without a committed offset. */
const NO_OFFSET = -1n;

/**
 * What /metrics needs to know of a consumer group, asked of the broker: how many messages of its
 * topics it has not committed yet. (Readiness asks the consumer itself, KafkaEventConsumer.check:
 * after a crash the broker lists a dead member until its session times out.) Connects when first
 * asked, and again after Kafka was away, so a service starts without Kafka.
 */
export class ConsumerGroupMonitor {
  private readonly admin: Admin;
  private isConnected = false;

  constructor(
    brokers: string[],
    readonly group: string,
    private readonly topics: string[],
  ) {
    this.admin = new Kafka({
      brokers,
      clientId: `${group}-monitor`,
      logLevel: logLevel.NOTHING,
      logCreator: kafkaLogCreator,
      retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 500 },
    }).admin();
  }

  private async connected(): Promise<Admin> {
    if (!this.isConnected) {
      await this.admin.connect();
      this.isConnected = true;
    }
    return this.admin;
  }

  /**
   * Messages after the group's committed offsets, summed over its topics' partitions. A partition
   * the group never committed counts from its low watermark (the group starts from the beginning).
   */
  async lag(): Promise<number> {
    try {
      return await this.measureLag(await this.connected());
    } catch (error) {
      // A connection Kafka dropped is made again at the next measure.
      this.isConnected = false;
      await this.admin.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private async measureLag(admin: Admin): Promise<number> {
    const committed = await admin.fetchOffsets({ groupId: this.group, topics: this.topics });
    let lag = 0n;
    for (const topic of this.topics) {
      const offsets = new Map(
        (committed.find((c) => c.topic === topic)?.partitions ?? []).map((p) => [
          p.partition,
          BigInt(p.offset),
        ]),
      );
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        const at = offsets.get(partition) ?? NO_OFFSET;
        const from = at === NO_OFFSET ? BigInt(low) : at;
        if (BigInt(high) > from) lag += BigInt(high) - from;
      }
    }
    return Number(lag);
  }

  async disconnect(): Promise<void> {
    this.isConnected = false;
    await this.admin.disconnect().catch(() => undefined);
  }
}
