import 'reflect-metadata';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  deadLetterTopic,
  IntegrationEvent,
  REGISTRY_CONTACTS_TOPIC,
  trainingPublication,
} from '@tadamon/contracts';
import { PostgresEventStore } from '@tadamon/event-store';
import { PersonalDataCipher, PostgresKeyStore } from '@tadamon/personal-data';
import { MongooseDocumentStore } from '@tadamon/read-store';
import {
  APP_START_TIMEOUT_MS,
  APP_STOP_TIMEOUT_MS,
  callJson,
  createTestDatabase,
  dropTestDatabase,
  requireServer,
  TopicReader,
  until,
} from '@tadamon/testing';
import { TrainingCommands, TrainingError } from '@tadamon/training';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { createTrainingApp } from './create-training-app';
import { TrainingInfrastructure } from './infrastructure/training-infrastructure';
import { RegistryTopics } from './testing/registry-topics';

// The Training service against the real local Kafka, PostgreSQL and FerretDB: a database and a
// consumer group of its own per run; the topics are shared, so messages are told apart by this run's ids.

const run = randomBytes(4).toString('hex');
const database = `training_e2e_${run}`;
const group = `tadamon.training.e2e-${run}`;
const secret = randomBytes(32).toString('base64url');
const masterKey = randomBytes(32).toString('base64');
const officer = { id: 'officer-e2e', roles: ['officer'] };
const verifiedAssociation = `assoc-verified-${run}`;
const pendingAssociation = `assoc-pending-${run}`;
const verifiedContact = `person-verified-${run}`;
const pendingContact = `person-pending-${run}`;
const moduleId = `module-${run}`;
const sessionId = `session-${run}`;
const inDays = (days: number, hour: number) => {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

describe('the Training service (distributed profile) on Kafka, PostgreSQL and FerretDB', () => {
  const postgresUrl = new URL(requireServer('postgres'));
  const mongoUrl = requireServer('mongo');
  const brokers = requireServer('kafka').split(',');
  const kafka = new Kafka({ clientId: `training-e2e-${run}`, brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  const registry = new RegistryTopics(producer);
  let app: NestFastifyApplication;
  let closed = false;
  let base: string;
  let topic: TopicReader;
  let sql: Client;
  let databaseUrl: string;
  let registryKeys: PostgresKeyStore;
  let registryCipher: PersonalDataCipher;
  let docs: MongooseDocumentStore;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase(postgresUrl.href, database);
    app = await createTrainingApp({
      logger: process.env.TADAMON_TEST_LOGS === '1',
      env: {
        TADAMON_EVENT_STORE: 'postgres',
        DATABASE_URL: databaseUrl,
        MONGODB_URL: mongoUrl,
        MONGODB_DB: database,
        KAFKA_BROKERS: brokers.join(','),
        TADAMON_KAFKA_GROUP: group,
        TADAMON_JWT_SECRET: secret,
        TADAMON_MASTER_KEY: masterKey,
        TADAMON_CHECK_IN_SECRET: randomBytes(32).toString('base64'),
        TADAMON_CREDENTIAL_ISSUER_KEY: generateKeyPairSync('ed25519')
          .privateKey.export({ format: 'pem', type: 'pkcs8' })
          .toString(),
        TADAMON_PUBLIC_URL: 'http://127.0.0.1:3005',
      },
    });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    await app.get(TrainingInfrastructure).consumer.whenJoined();
    await producer.connect();
    // The Registry's key store: the same tables and master key as the service opens cards with.
    registryKeys = await PostgresKeyStore.connect(databaseUrl);
    registryCipher = new PersonalDataCipher(registryKeys, masterKey);
    topic = await TopicReader.start(brokers, trainingPublication.topic, `${group}-reader`);
    docs = await MongooseDocumentStore.connect(mongoUrl, database);
    sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    if (!closed) await app?.close();
    await topic?.stop();
    await producer.disconnect();
    await registryKeys?.close();
    await sql?.end();
    await docs?.dropDatabase();
    await docs?.close();
    await dropTestDatabase(postgresUrl.href, database);
  }, APP_STOP_TIMEOUT_MS);

  const trainees = () => app.get(TrainingInfrastructure).trainees;
  const registryEvents: IntegrationEvent[] = [];

  it('knows a verified association’s contact person and an unverified one’s from the Registry’s topics, cards sealed', async () => {
    const card = (subjectId: string, fullName: string) =>
      registryCipher.seal(subjectId, {
        fullName,
        email: `${subjectId}@e2e.example.org`,
        preferredLanguage: 'fr',
      });
    registryEvents.push(
      registry.associationRegistered(verifiedAssociation, {
        fr: `Association vérifiée ${run}`,
        ar: `جمعية ${run}`,
      }),
      registry.associationVerified(verifiedAssociation),
      registry.associationRegistered(pendingAssociation, { fr: `Association en attente ${run}` }),
      registry.contactPersonAdded(verifiedAssociation, await card(verifiedContact, 'Amina Berrada')),
      registry.contactPersonAdded(pendingAssociation, await card(pendingContact, 'Karim Ouali')),
    );
    // A new group reads the shared topics from their beginning (earlier runs' and other suites'
    // events): caught up first, so the figure below is this run's events alone.
    const catchingUp = Date.now();
    const { consumerGroup } = app.get(TrainingInfrastructure);
    await until(async () => (await consumerGroup.lag()) === 0, 'the group caught up', 60_000);
    console.log(`the group caught up with the shared topics in ${Date.now() - catchingUp} ms`);
    const started = Date.now();
    await registry.send(...registryEvents);
    // Two topics, each read from its beginning: the standing and the people arrive in no set order.
    await until(
      async () =>
        (await trainees().standing(verifiedContact))?.associationVerified === true &&
        (await trainees().standing(pendingContact)) !== undefined &&
        (await trainees().associationNames(pendingAssociation)) !== undefined,
      'both contact persons and their associations in the directory',
    );
    console.log(`Registry events produced -> in the directory: ${Date.now() - started} ms`);
    expect(await trainees().standing(verifiedContact)).toEqual({
      traineeId: verifiedContact,
      associationId: verifiedAssociation,
      associationVerified: true,
      contactActive: true,
    });
    expect(await trainees().standing(pendingContact)).toMatchObject({
      associationId: pendingAssociation,
      associationVerified: false,
      contactActive: true,
    });
    expect(await trainees().associationNames(verifiedAssociation)).toEqual({
      fr: `Association vérifiée ${run}`,
      ar: `جمعية ${run}`,
    });
    // Opened only on demand (a certificate's name); the directory's rows hold the card sealed.
    expect(await trainees().openCard(verifiedContact)).toEqual({
      fullName: 'Amina Berrada',
      email: `${verifiedContact}@e2e.example.org`,
      language: 'fr',
    });
    const rows = JSON.stringify((await sql.query('SELECT * FROM tadamon_training.contact_persons')).rows);
    expect(rows).toContain(verifiedContact);
    expect(rows).not.toContain('Amina Berrada');
    expect(rows).not.toContain(`${verifiedContact}@e2e.example.org`);
  }, 90_000);

  // No Training routes on this branch: commands go through the context's command handler inside the
  // running service, with the eligibility the API reads from the directory (TRAINING_TRAINEES).
  const commands = () => app.get(TrainingCommands);
  const requestEnrolment = async (traineeId: string) => {
    const standing = await trainees().standing(traineeId);
    if (!standing) throw new Error(`${traineeId} unknown to the directory`);
    return commands().execute(
      'session',
      sessionId,
      {
        type: 'RequestEnrolment',
        data: {
          sessionId,
          traineeId,
          associationId: standing.associationId,
          eligibility: {
            associationVerified: standing.associationVerified,
            contactOfAssociation: standing.contactActive,
          },
        },
      },
      { id: traineeId, roles: ['trainee'] },
    );
  };

  it('enrols the verified association’s contact person and refuses the unverified one’s', async () => {
    await commands().execute(
      'module',
      moduleId,
      {
        type: 'DefineModule',
        data: {
          moduleId,
          code: `GOV-${run.toUpperCase()}`,
          title: { fr: 'Gouvernance associative', ar: 'حكامة الجمعيات' },
          description: { fr: 'Statuts, assemblée générale, conseil.', ar: 'القانون الأساسي والجمع العام.' },
          durationMinutes: 360,
          competences: ['GOV-STATUTES'],
          languages: ['fr', 'ar'],
          theme: 'governance',
        },
      },
      officer,
    );
    await commands().execute(
      'session',
      sessionId,
      {
        type: 'ScheduleSession',
        data: {
          sessionId,
          moduleId,
          language: 'fr',
          timezone: 'Africa/Casablanca',
          place: { mode: 'in-person', city: 'Oujda', country: 'MA' },
          sittings: [{ sittingId: 'day-1', startsAt: inDays(30, 9), endsAt: inDays(30, 15) }],
          trainers: ['trainer-e2e'],
          capacity: 10,
        },
      },
      officer,
    );
    await commands().execute('session', sessionId, { type: 'OpenEnrolment', data: { sessionId } }, officer);

    const accepted = await requestEnrolment(verifiedContact);
    expect(accepted.recorded.map((event) => event.type)).toContain('EnrolmentConfirmed');
    const refused = await requestEnrolment(pendingContact).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(TrainingError);
    expect(refused).toMatchObject({ code: 'ASSOCIATION_NOT_VERIFIED' });
    const store = await PostgresEventStore.connect({ connectionString: databaseUrl, readOnly: true });
    const stream = await store.readStream(`trainingSession-${sessionId}`).finally(() => store.close());
    const confirmed = stream.filter((event) => event.type === 'EnrolmentConfirmed');
    expect(confirmed.map((event) => (event.data as { traineeId: string }).traineeId)).toEqual([
      verifiedContact,
    ]);
  }, 30_000);

  it('publishes EnrolmentConfirmed on tadamon.training.events.v1 with the trainee and the association', async () => {
    const message = await topic.find('EnrolmentConfirmed', 'sessionId', sessionId);
    expect(message.key).toBe(`trainingSession-${sessionId}`);
    expect(message.headers).toMatchObject({
      'tadamon-context': 'training',
      'tadamon-type': 'EnrolmentConfirmed',
    });
    expect(JSON.parse(message.value).data).toMatchObject({
      sessionId,
      traineeId: verifiedContact,
      associationId: verifiedAssociation,
      promotedFromWaitingList: false,
    });
    await topic.readToTheEnd();
    await topic.find('SessionScheduled', 'sessionId', sessionId);
  }, 30_000);

  it('takes the Registry’s messages again as duplicates: the directory and the inbox unchanged', async () => {
    const consumer = app.get(TrainingInfrastructure).consumer;
    const snapshot = async () => ({
      people: (
        await sql.query(
          'SELECT * FROM tadamon_training.contact_persons WHERE association_id = ANY($1) ORDER BY subject_id',
          [[verifiedAssociation, pendingAssociation]],
        )
      ).rows,
      associations: (
        await sql.query('SELECT * FROM tadamon_training.associations WHERE id = ANY($1) ORDER BY id', [
          [verifiedAssociation, pendingAssociation],
        ])
      ).rows,
      organisations: (
        await sql.query('SELECT * FROM tadamon_training.organisations WHERE id = ANY($1) ORDER BY id', [
          [verifiedAssociation, pendingAssociation],
        ])
      ).rows,
    });
    const before = await snapshot();
    const duplicates = consumer.metrics().duplicates;
    await registry.send(...registryEvents);
    await until(
      () => consumer.metrics().duplicates >= duplicates + registryEvents.length,
      'every redelivery counted a duplicate',
    );
    expect(consumer.metrics().duplicates).toBe(duplicates + registryEvents.length);
    expect(await snapshot()).toEqual(before);
    const inbox = await sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tadamon_messaging.inbox WHERE consumer = $1 AND event_id = ANY($2)',
      [group, registryEvents.map((event) => event.eventId)],
    );
    expect(inbox.rows).toEqual([{ n: registryEvents.length }]);
    expect(await trainees().standing(pendingContact)).toMatchObject({ associationVerified: false });
  }, 30_000);

  it('dead-letters a contacts event it cannot apply, with the directory’s own error, and keeps consuming', async () => {
    const dlt = await TopicReader.start(brokers, deadLetterTopic(REGISTRY_CONTACTS_TOPIC), `${group}-dlt`);
    try {
      // No association id: the person cannot be stored (a NOT NULL column), on every attempt.
      const poisonCard = await registryCipher.seal(`person-poison-${run}`, { fullName: 'Poison' });
      const valid = registry.contactPersonAdded(verifiedAssociation, poisonCard);
      const poison: IntegrationEvent = { ...valid, data: { ...(valid.data as object), associationId: null } };
      const laterContact = `person-after-poison-${run}`;
      await registry.send(
        poison,
        registry.contactPersonAdded(
          verifiedAssociation,
          await registryCipher.seal(laterContact, { fullName: 'Later' }),
        ),
      );
      await until(
        () => dlt.messages.some((m) => m.headers['tadamon-event-id'] === poison.eventId),
        'the dead letter',
      );
      expect(
        dlt.messages.find((m) => m.headers['tadamon-event-id'] === poison.eventId)?.headers,
      ).toMatchObject({
        'tadamon-dlt-attempts': '3',
        'tadamon-dlt-consumer-group': group,
        'tadamon-dlt-original-topic': REGISTRY_CONTACTS_TOPIC,
        'tadamon-dlt-error-message': expect.stringContaining('association_id'),
      });
      await until(
        async () => (await trainees().standing(laterContact))?.associationVerified === true,
        'the contact person after the poison',
      );
      expect(await trainees().standing(`person-poison-${run}`)).toBeUndefined();
    } finally {
      await dlt.stop();
    }
  }, 30_000);

  it('reports its dependencies in readiness and its lags in /metrics, and stops within 5 s', async () => {
    const ready = await callJson(base, 'GET', '/health/ready', undefined, null);
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual([
      { name: 'eventStore', status: 'up' },
      { name: 'readModels', status: 'up' },
      { name: 'kafkaRelay', status: 'up' },
      { name: 'registryConsumer', status: 'up' },
      { name: 'keyStore', status: 'up' },
    ]);
    await app.get(TrainingInfrastructure).refreshLagMetrics();
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^relay_lag_events\{relay="relay:training",app="training"\} \d+$/m);
    expect(metrics).toContain(`consumer_lag_messages{consumer="${group}"`);

    const stopping = Date.now();
    closed = true;
    await app.close();
    const stopMs = Date.now() - stopping;
    console.log(`shutdown: ${stopMs} ms`);
    expect(stopMs).toBeLessThan(5_000);
  }, 30_000);
});
