import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import {
  APP_START_TIMEOUT_MS,
  APP_STOP_TIMEOUT_MS,
  createTestDatabase,
  dropTestDatabase,
  present,
  PrivateServer,
  recordRecoveryFigures,
  requireServer,
  until,
} from '@tadamon/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { FundingServiceUnderTest } from '../testing/funding-service-under-test';
import { RegistryTopic } from '../testing/registry-topic';
import { joinThenKill } from '../testing/dead-group-member';
import { registryPublication } from '@tadamon/contracts';

// Funding on a Kafka broker of the test's own (PrivateServer), which the test stops, kills and
// starts again; PostgreSQL and FerretDB are the shared ones.

const run = `kr${randomBytes(4).toString('hex')}`;
const database = `funding_${run}`;

describe('Funding across Kafka outages: it starts without Kafka, readiness tells the truth, consumption resumes', () => {
  const postgresUrl = requireServer('postgres');
  const mongoUrl = requireServer('mongo');
  let kafka: PrivateServer | undefined;
  let service: FundingServiceUnderTest | undefined;
  let producer: Producer | undefined;
  const figures: Record<string, number> = {};
  const kafkaNow = () => present(kafka, 'kafka');
  const serviceNow = () => present(service, 'service');

  beforeAll(async () => {
    kafka = await PrivateServer.start('kafka');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await producer?.disconnect().catch(() => undefined);
    await service?.infrastructure.documents.dropDatabase().catch(() => undefined);
    await service?.close();
    await kafka?.dispose();
    await dropTestDatabase(postgresUrl, database).catch(() => undefined);
    recordRecoveryFigures('kafka-restart', figures);
  }, APP_STOP_TIMEOUT_MS);

  const registry = async () => {
    producer ??= new Kafka({
      brokers: [kafkaNow().url],
      clientId: `registry-${run}`,
      logLevel: logLevel.NOTHING,
    }).producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    return new RegistryTopic(producer, run);
  };

  it(
    'starts while Kafka is down: HTTP serves at once, readiness names the consumer and the relay',
    async () => {
      await kafkaNow().down();
      const databaseUrl = await createTestDatabase(postgresUrl, database);
      service = await FundingServiceUnderTest.start({ databaseUrl, mongoUrl, brokers: kafkaNow().url }, run);
      figures.httpStartWithoutKafkaMs = service.startedInMs;
      expect((await service.call('GET', '/health/live')).status).toBe(200);
      // A read of Funding's own facts is answered (nothing known yet) while Kafka is away.
      expect((await service.call('GET', `/api/funding/applicants/assoc-${run}`)).status).toBe(404);
      const readiness = await service.readiness();
      expect(readiness.ready).toBe(false);
      expect(readiness.failing).toEqual(expect.arrayContaining(['registryConsumer', 'kafkaRelay']));
    },
    APP_START_TIMEOUT_MS,
  );

  it(
    'joins its group once Kafka is up, turns ready, and applies what the Registry publishes',
    async () => {
      await kafkaNow().up();
      const up = Date.now();
      await until(
        async () => (await serviceNow().readiness()).ready,
        'readiness after Kafka came up',
        60_000,
      );
      figures.readyAfterKafkaUpMs = Date.now() - up;
      // Not held by the relay's failures while Kafka was away (they once kept it not ready 30 s).
      expect(figures.readyAfterKafkaUpMs).toBeLessThan(15_000);
      const association = `assoc-a-${run}`;
      const published = Date.now();
      await (await registry()).verified(association);
      await until(
        async () => (await serviceNow().applicantStatus(association)) === 'verified',
        'the fact',
        30_000,
      );
      figures.firstFactMs = Date.now() - published;
    },
    APP_START_TIMEOUT_MS,
  );

  it(
    'after Kafka is killed: readiness is false until the consumer runs again, then consumption resumes within seconds',
    async () => {
      kafkaNow().kill();
      const killed = Date.now();
      await until(
        async () => !(await serviceNow().readiness()).ready,
        'readiness to fail after the kill',
        30_000,
      );
      figures.notReadyAfterKillMs = Date.now() - killed;
      expect((await serviceNow().call('GET', '/health/live')).status).toBe(200);

      // The consumer itself is reported, not only the broker: it stops counting as running once it
      // crashes or has not heard from Kafka for a session timeout.
      await until(
        async () => (await serviceNow().readiness()).failing.includes('registryConsumer'),
        'the consumer to be reported not running',
        30_000,
      );
      figures.consumerNotReadyAfterKillMs = Date.now() - killed;

      // While Kafka is down readiness stays false: sampled for 3 s.
      for (const end = Date.now() + 3_000; Date.now() < end;) {
        expect((await serviceNow().readiness()).ready).toBe(false);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }

      await kafkaNow().up();
      const up = Date.now();
      const association = `assoc-b-${run}`;
      // Published as soon as the broker takes it; consumed once the consumer is back.
      await until(
        async () => {
          try {
            await (await registry()).verified(association);
            return true;
          } catch {
            return false;
          }
        },
        'the producer to publish again',
        30_000,
      );
      let readyAt: number | undefined;
      await until(
        async () => {
          if (readyAt === undefined && (await serviceNow().readiness()).ready) readyAt = Date.now();
          return (await serviceNow().applicantStatus(association)) === 'verified';
        },
        'consumption to resume',
        60_000,
      );
      figures.consumedAfterKafkaUpMs = Date.now() - up;
      await until(async () => (await serviceNow().readiness()).ready, 'readiness after the restart', 30_000);
      figures.readyAfterKafkaRestartMs = (readyAt ?? Date.now()) - up;
      // The bound a user can count on with the default settings (session 10 s, retries at most 2 s).
      expect(figures.consumedAfterKafkaUpMs).toBeLessThan(30_000);
    },
    APP_START_TIMEOUT_MS,
  );

  it(
    'after an instance is killed (kill -9), the next one serves HTTP at once and consumes once the dead member times out',
    async () => {
      const group = `tadamon.funding.${run}-next`;
      const sessionTimeoutMs = 10_000;
      await joinThenKill(kafkaNow().url, group, registryPublication.topic, sessionTimeoutMs);
      const killed = Date.now();
      const databaseUrl = await createTestDatabase(postgresUrl, `${database}b`);
      const next = await FundingServiceUnderTest.start(
        { databaseUrl, mongoUrl, brokers: kafkaNow().url },
        `${run}b`,
        group,
      );
      try {
        figures.httpStartWhileDeadMemberMs = next.startedInMs;
        // Listening while the dead member still holds the partitions: the join has not happened yet.
        expect(next.infrastructure.consumer.state().state).not.toBe('joined');
        expect((await next.call('GET', '/health/live')).status).toBe(200);
        expect((await next.readiness()).failing).toContain('registryConsumer');

        const association = `assoc-c-${run}`;
        await (await registry()).verified(association);
        await until(async () => (await next.applicantStatus(association)) === 'verified', 'the fact', 60_000);
        figures.consumedAfterMemberKilledMs = Date.now() - killed;
        expect(figures.consumedAfterMemberKilledMs).toBeLessThan(sessionTimeoutMs + 20_000);
      } finally {
        await next.infrastructure.documents.dropDatabase().catch(() => undefined);
        await next.close();
        await dropTestDatabase(postgresUrl, `${database}b`).catch(() => undefined);
      }
    },
    APP_START_TIMEOUT_MS,
  );
});
