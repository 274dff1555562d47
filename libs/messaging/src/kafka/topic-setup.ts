import { ITopicConfig } from 'kafkajs';
import { deadLetterTopic } from '@tadamon/contracts';

export interface TopicSettings {
  /** Partitions of each created topic. Default 3. */
  partitions?: number;
  /** Default 1 (single-broker machines); 3 in a production cluster. */
  replicationFactor?: number;
}

/** The two admin calls it needs (kafkajs's Admin, or the copy of its types NestJS ships). */
export interface TopicAdmin {
  listTopics(): Promise<string[]>;
  createTopics(options: { topics: ITopicConfig[]; waitForLeaders?: boolean }): Promise<boolean>;
}

/**
 * Creates the topics and their `.dlt` twins when missing: the brokers run with auto-creation off
 * (it misbehaves under KRaft), so nothing may rely on a topic appearing on first use.
 */
export async function ensureTopics(
  admin: TopicAdmin,
  topics: string[],
  settings: TopicSettings = {},
): Promise<void> {
  const wanted = [...new Set(topics.flatMap((topic) => [topic, deadLetterTopic(topic)]))];
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({
      topic,
      numPartitions: settings.partitions ?? 3,
      replicationFactor: settings.replicationFactor ?? 1,
    })),
  });
}
