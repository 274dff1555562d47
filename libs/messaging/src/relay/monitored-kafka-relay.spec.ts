import { Logger } from '@nestjs/common';
import { RecordedEvent } from '@tadamon/eventsourcing';
import { InMemoryCheckpointStore } from '../checkpoints/checkpoint-store';
import { counterPublication } from '../testing/event-log-fixture';
import { MonitoredKafkaRelay } from './monitored-kafka-relay';

describe('MonitoredKafkaRelay liveness', () => {
  // The refused connections are expected here: their kafkajs error lines would only be noise.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']));

  it('reports a batch that has hung past two minutes, and nothing once it returns', async () => {
    let release: (events: RecordedEvent[]) => void = () => undefined;
    let reads = 0;
    const log = {
      readAll: () => {
        reads += 1;
        return reads === 1
          ? new Promise<RecordedEvent[]>((resolve) => (release = resolve))
          : Promise.resolve([]);
      },
    };
    const relay = new MonitoredKafkaRelay({
      publication: counterPublication('livenessspec'),
      log,
      checkpoints: new InMemoryCheckpointStore(),
      // Nothing listens on port 1; no batch gets as far as Kafka here.
      kafka: { brokers: ['127.0.0.1:1'], partitions: 1, replicationFactor: 1 },
    });
    await relay.start();
    try {
      expect(reads).toBe(1);
      expect(relay.stuck()).toBeUndefined();
      expect(relay.stuck(Date.now() + 121_000)).toMatch(
        /a batch of relay:livenessspec has been running for \d+ ms/,
      );
      release([]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(relay.stuck(Date.now() + 121_000)).toBeUndefined();
    } finally {
      await relay.stop();
    }
  });
});
