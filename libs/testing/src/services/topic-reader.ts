import { Admin, Consumer, IHeaders, Kafka, logLevel } from 'kafkajs';
import { until } from './until';

export interface TopicMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
  partition: number;
  offset: bigint;
}

const headerText = (headers: IHeaders | undefined) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));

/**
 * Every message of a topic from its beginning, read by a consumer group of its own (`group`, also
 * the client id). Topics are shared between runs: a test finds its messages by its own ids.
 */
export class TopicReader {
  readonly messages: TopicMessage[] = [];
  private readonly highestOffset = new Map<number, bigint>();

  private constructor(
    readonly topic: string,
    private readonly consumer: Consumer,
    private readonly admin: Admin,
  ) {}

  static async start(brokers: string[], topic: string, group: string): Promise<TopicReader> {
    const kafka = new Kafka({ clientId: group, brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: group, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
    const reader = new TopicReader(topic, consumer, kafka.admin());
    try {
      await Promise.all([consumer.connect(), reader.admin.connect()]);
      // A relay makes its topic when it starts, or once Kafka answers: wait for it to exist.
      await until(
        async () => (await reader.admin.listTopics()).includes(topic),
        `topic ${topic} to exist`,
        30_000,
      );
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
    } catch (error) {
      // A topic not there yet, a broker away: nothing left connected behind the error.
      await reader.stop().catch(() => undefined);
      throw error;
    }
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        reader.messages.push({
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          headers: headerText(message.headers),
          partition,
          offset: BigInt(message.offset),
        });
        reader.highestOffset.set(partition, BigInt(message.offset));
      },
    });
    return reader;
  }

  /** The first integration event of this type whose data has this field's value (waits for it). */
  async find(type: string, field: string, value: string): Promise<TopicMessage> {
    const match = () =>
      this.messages.find(
        (m) =>
          m.headers['tadamon-type'] === type &&
          (JSON.parse(m.value) as { data: Record<string, unknown> }).data[field] === value,
      );
    await until(() => match() !== undefined, `${type} of ${value} on ${this.topic}`);
    return match() as TopicMessage;
  }

  /** Waits until every message on the topic now has been read: a scan then covers the whole topic. */
  async readToTheEnd(): Promise<void> {
    const ends = await this.admin.fetchTopicOffsets(this.topic);
    await until(
      () =>
        ends.every(
          ({ partition, high, low }) =>
            BigInt(high) === BigInt(low) || (this.highestOffset.get(partition) ?? -1n) >= BigInt(high) - 1n,
        ),
      `the end of ${this.topic}`,
    );
  }

  async stop(): Promise<void> {
    await Promise.all([this.consumer.disconnect(), this.admin.disconnect()]);
  }
}
