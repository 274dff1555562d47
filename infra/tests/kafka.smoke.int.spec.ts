import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { requireServer, serverSource } from '@tadamon/testing';

describe('Kafka smoke test (real broker)', () => {
  const kafka = new Kafka({
    clientId: 'tadamon-smoke',
    brokers: requireServer('kafka').split(','),
    logLevel: logLevel.ERROR,
  });
  const admin = kafka.admin();

  beforeAll(() => admin.connect());
  afterAll(() => admin.disconnect());

  it('reports the broker it talks to', async () => {
    const cluster = await admin.describeCluster();
    const version = process.env.TADAMON_KAFKA_SERVER_VERSION ?? 'not exposed by the Kafka protocol';
    console.log(
      `Kafka (${serverSource()}): version ${version}, cluster ${cluster.clusterId}, ` +
        `${cluster.brokers.length} broker(s) at ${cluster.brokers.map((b) => `${b.host}:${b.port}`).join(',')}`,
    );
    expect(cluster.brokers.length).toBeGreaterThan(0);
  });

  it('produces and consumes through a consumer group', async () => {
    const topic = `smoke-${randomUUID()}`;
    await admin.createTopics({
      topics: [{ topic, numPartitions: 2, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const sent = ['بيانات عربية', 'données françaises', 'english data'];
    await producer.send({ topic, acks: -1, messages: sent.map((value, i) => ({ key: `k${i}`, value })) });
    await producer.disconnect();

    const groupId = `smoke-group-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`received only ${received.length} of 3 messages`)),
        15000,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          received.push(message.value?.toString() ?? '');
          if (received.length === sent.length) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();

    expect(received.sort()).toEqual([...sent].sort());
    const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committed = offsets[0].partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    expect(committed).toBe(sent.length);
    await admin.deleteTopics({ topics: [topic] });
  }, 60000);
});
