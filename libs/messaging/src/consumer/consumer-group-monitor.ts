import { Admin, Kafka, logLevel } from 'kafkajs';
import { kafkaLogCreator } from '../kafka/kafka-logging';

/** Kafka's answer for a partition without a committed offset. */
const NO_OFFSET = -1n;

/**
 * What readiness and /metrics need to know of a consumer group, asked of the broker: it answers,
 * the group has members, and how many messages of its topics it has not committed yet.
 */
export class ConsumerGroupMonitor {
  private readonly admin: Admin;
  private connected = false;

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

  async connect(): Promise<void> {
    await this.admin.connect();
    this.connected = true;
  }

  /** Throws when the broker does not answer or no consumer is in the group. */
  async check(): Promise<void> {
    if (!this.connected) throw new Error('not connected to Kafka');
    const { groups } = await this.admin.describeGroups([this.group]);
    const group = groups.find((g) => g.groupId === this.group);
    if (!group || group.members.length === 0)
      throw new Error(`no consumer in group ${this.group} (${group?.state ?? 'unknown'})`);
  }

  /**
   * Messages after the group's committed offsets, summed over its topics' partitions. A partition
   * the group never committed counts from its low watermark (the group starts from the beginning).
   */
  async lag(): Promise<number> {
    const committed = await this.admin.fetchOffsets({ groupId: this.group, topics: this.topics });
    let lag = 0n;
    for (const topic of this.topics) {
      const offsets = new Map(
        (committed.find((c) => c.topic === topic)?.partitions ?? []).map((p) => [
          p.partition,
          BigInt(p.offset),
        ]),
      );
      for (const { partition, high, low } of await this.admin.fetchTopicOffsets(topic)) {
        const at = offsets.get(partition) ?? NO_OFFSET;
        const from = at === NO_OFFSET ? BigInt(low) : at;
        if (BigInt(high) > from) lag += BigInt(high) - from;
      }
    }
    return Number(lag);
  }

  async disconnect(): Promise<void> {
    this.connected = false;
    await this.admin.disconnect().catch(() => undefined);
  }
}
