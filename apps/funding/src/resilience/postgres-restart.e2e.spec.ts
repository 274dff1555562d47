import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import {
  APP_START_TIMEOUT_MS,
  APP_STOP_TIMEOUT_MS,
  present,
  PrivateServer,
  recordRecoveryFigures,
  requireServer,
  until,
} from '@tadamon/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { Answer, FundingServiceUnderTest } from '../testing/funding-service-under-test';
import { RegistryTopic } from '../testing/registry-topic';

// Funding on a PostgreSQL cluster and a Kafka broker of the test's own. The cluster is killed
// (SIGKILL: connections cut mid-transaction) while the consumer delivers Registry facts and HTTP
// commands and reads arrive, then started again.

const run = `pr${randomBytes(4).toString('hex')}`;
const ASSOCIATIONS = 40;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Funding across a PostgreSQL restart, mid-consumption and mid-load', () => {
  const mongoUrl = requireServer('mongo');
  let postgres: PrivateServer | undefined;
  let kafka: PrivateServer | undefined;
  let service: FundingServiceUnderTest | undefined;
  let producer: Producer | undefined;
  const figures: Record<string, number> = {};
  const serviceNow = () => present(service, 'service');

  beforeAll(async () => {
    [postgres, kafka] = await Promise.all([PrivateServer.start('postgres'), PrivateServer.start('kafka')]);
    service = await FundingServiceUnderTest.start(
      { databaseUrl: postgres.url, mongoUrl, brokers: kafka.url },
      run,
    );
    producer = new Kafka({
      brokers: [kafka.url],
      clientId: `registry-${run}`,
      logLevel: logLevel.NOTHING,
    }).producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await producer?.disconnect().catch(() => undefined);
    await service?.infrastructure.documents.dropDatabase().catch(() => undefined);
    await service?.close();
    await Promise.all([postgres?.dispose(), kafka?.dispose()]);
    recordRecoveryFigures('postgres-restart', figures);
  }, APP_STOP_TIMEOUT_MS);

  it('answers 503 with Retry-After while the database is down, loses no delivery, dead-letters none, and recovers by itself', async () => {
    if (!postgres || !producer) throw new Error('the servers did not start');
    const funding = serviceNow();
    const registry = new RegistryTopic(producer, run);
    await until(async () => (await funding.readiness()).ready, 'readiness', 60_000);
    await registry.actor('actor-iom', 'funder');
    const openEnvelope = (envelopeId: string) =>
      funding.call('POST', '/api/funding/envelopes', {
        envelopeId,
        programmeId: `programme-${run}`,
        name: { fr: `Enveloppe ${envelopeId}` },
        funderId: 'actor-iom',
        amount: { amountMinor: 100_000_00, currency: 'USD' },
        period: { start: '2025-01-01', end: '2030-12-31' },
      });
    await until(
      async () => (await openEnvelope(`env-first-${run}`)).status === 201,
      'the funder to be known',
    );

    // The load: the Registry's facts keep coming, and HTTP reads and commands keep arriving.
    const answers: (Answer & { what: string })[] = [];
    const accepted: string[] = [];
    let loading = true;
    const publisher = (async () => {
      for (let n = 0; n < ASSOCIATIONS; n++) {
        await registry.verified(`assoc-${n}-${run}`);
        await sleep(100);
      }
    })();
    const client = async (worker: number) => {
      for (let n = 0; loading; n++) {
        const envelopeId = `env-${worker}-${n}-${run}`;
        try {
          const command = await openEnvelope(envelopeId);
          answers.push({ ...command, what: 'command' });
          if (command.status === 201) accepted.push(envelopeId);
          const read = await funding.call('GET', `/api/funding/applicants/assoc-${n % ASSOCIATIONS}-${run}`);
          answers.push({ ...read, what: 'read' });
        } catch (error) {
          answers.push({ status: 0, retryAfter: null, body: { error: String(error) }, what: 'no answer' });
        }
        await sleep(50);
      }
    };
    const clients = Promise.all([client(1), client(2), client(3)]);

    await until(
      async () => (await funding.applicantStatus(`assoc-10-${run}`)) === 'verified',
      'deliveries to be under way',
      60_000,
    );
    postgres.kill();
    const killedAt = Date.now();
    await until(async () => !(await funding.readiness()).ready, 'readiness to fail', 30_000);
    figures.notReadyAfterKillMs = Date.now() - killedAt;
    await sleep(4_000);
    await postgres.up();
    const upAt = Date.now();
    figures.downForMs = upAt - killedAt;

    await publisher;
    await until(async () => (await funding.readiness()).ready, 'readiness after the restart', 60_000);
    figures.readyAfterPostgresUpMs = Date.now() - upAt;
    await until(
      async () => {
        for (let n = 0; n < ASSOCIATIONS; n++)
          if ((await funding.applicantStatus(`assoc-${n}-${run}`)) !== 'verified') return false;
        return true;
      },
      'every fact delivered',
      60_000,
    );
    figures.allFactsAfterPostgresUpMs = Date.now() - upAt;
    const commandAfter = await openEnvelope(`env-after-${run}`);
    loading = false;
    await clients;

    // Commands and reads: served, or 503 with Retry-After; never a 500, never left unanswered.
    const unavailable = answers.filter((a) => a.status === 503);
    figures.answers = answers.length;
    figures.answered503 = unavailable.length;
    expect(answers.filter((a) => a.status === 0 || (a.status >= 500 && a.status !== 503))).toEqual([]);
    expect(new Set(unavailable.map((a) => a.what))).toEqual(new Set(['command', 'read']));
    expect(unavailable.filter((a) => a.retryAfter === null)).toEqual([]);
    expect(commandAfter.status).toBe(201);
    expect((await funding.call('GET', '/health/live')).status).toBe(200);

    // Deliveries waited the outage out: none dead-lettered.
    const consumed = funding.infrastructure.consumer.metrics();
    figures.deliveryRetries = consumed.retries;
    expect(consumed.deadLettered).toBe(0);

    // Every command answered 201 was recorded: its envelope is there after the restart.
    for (const envelopeId of accepted)
      await until(
        async () => (await funding.call('GET', `/api/funding/envelopes/${envelopeId}`)).status === 200,
        `envelope ${envelopeId}`,
        30_000,
      );
    figures.commandsAccepted = accepted.length;
  }, 240_000);
});
