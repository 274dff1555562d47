import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { registryPublication } from '@tadamon/contracts';
import { generateSealKeyPair } from '@tadamon/event-store';
import {
  APP_START_TIMEOUT_MS,
  APP_STOP_TIMEOUT_MS,
  callJson,
  createTestDatabase,
  dropTestDatabase,
  present,
  PrivateServer,
  recordRecoveryFigures,
  requireServer,
  signTestToken,
  TopicReader,
  until,
} from '@tadamon/testing';
import { createRegistryApp } from '../create-registry-app';
import { DistributedInfrastructure } from '../infrastructure/distributed-infrastructure';

// The log, not Kafka, is the record: the Registry starts and takes commands with its broker (one of
// the test's own) down, and its relay publishes them, once each, when the broker comes up.

const run = `sk${randomBytes(4).toString('hex')}`;
const database = `registry_${run}`;
const secret = randomBytes(32).toString('base64url');

describe('the Registry started while Kafka is down', () => {
  const postgresUrl = requireServer('postgres');
  const mongoUrl = requireServer('mongo');
  let kafka: PrivateServer | undefined;
  let app: NestFastifyApplication | undefined;
  let topic: TopicReader | undefined;
  const kafkaNow = () => present(kafka, 'kafka');

  beforeAll(async () => {
    kafka = await PrivateServer.start('kafka');
    await kafka.down();
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await topic?.stop();
    await app
      ?.get(DistributedInfrastructure)
      .documents.dropDatabase()
      .catch(() => undefined);
    await app?.close();
    await kafka?.dispose();
    await dropTestDatabase(postgresUrl, database).catch(() => undefined);
  }, APP_STOP_TIMEOUT_MS);

  it(
    'accepts commands, and publishes each once Kafka is up',
    async () => {
      const begun = Date.now();
      app = await createRegistryApp({
        logger: false,
        env: {
          TADAMON_EVENT_STORE: 'postgres',
          DATABASE_URL: await createTestDatabase(postgresUrl, database),
          MONGODB_URL: mongoUrl,
          MONGODB_DB: database,
          KAFKA_BROKERS: kafkaNow().url,
          TADAMON_MASTER_KEY: randomBytes(32).toString('base64'),
          TADAMON_JWT_SECRET: secret,
          TADAMON_SEAL_PRIVATE_KEY: generateSealKeyPair().privateKeyPem,
        },
      });
      await app.listen(0, '127.0.0.1');
      const startedInMs = Date.now() - begun;
      const base = await app.getUrl();
      const officer = await signTestToken(secret, ['officer']);

      const ids = [1, 2, 3].map((n) => `assoc-${n}-${run}`);
      for (const associationId of ids) {
        const registered = await callJson(
          base,
          'POST',
          '/api/registry/associations',
          {
            associationId,
            profile: { names: { fr: `Association ${run}` }, hostCountries: ['FR'], sectors: ['14030'] },
          },
          officer,
        );
        expect(registered).toMatchObject({ status: 201, body: { events: ['AssociationRegistered'] } });
      }
      const ready = await callJson(base, 'GET', '/health/ready');
      expect(ready.status).toBe(503);
      expect(JSON.stringify(ready.body)).toContain('kafkaRelay');

      await kafkaNow().up();
      const up = Date.now();
      // The relay creates its topic once Kafka answers; the reader waits for it to exist.
      topic = await TopicReader.start([kafkaNow().url], registryPublication.topic, `reader-${run}`);
      const reader = topic;
      for (const associationId of ids)
        await reader.find('AssociationRegistered', 'associationId', associationId);
      const publishedAfterKafkaUpMs = Date.now() - up;
      await until(
        async () => (await callJson(base, 'GET', '/health/ready')).status === 200,
        'readiness',
        30_000,
      );
      // Once each: the relay's checkpoint moved past them, nothing re-sent.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const registered = reader.messages.filter((m) => JSON.parse(m.value).type === 'AssociationRegistered');
      expect(registered.map((m) => JSON.parse(m.value).data.associationId).sort()).toEqual([...ids].sort());
      recordRecoveryFigures('registry-start-without-kafka', { startedInMs, publishedAfterKafkaUpMs });
    },
    APP_START_TIMEOUT_MS,
  );
});
