import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { REGISTRY_CONTACTS_TOPIC, registryPublication } from '@tadamon/contracts';
import { generateSealKeyPair, PostgresEventStore } from '@tadamon/event-store';
import { expectAuditorFindsAllSealed, expectSealedUpTo } from '@tadamon/event-store/testing';
import { verifyStreamChain } from '@tadamon/eventsourcing';
import { MongooseDocumentStore } from '@tadamon/read-store';
import {
  ASSOCIATION_DIRECTORY,
  CONTACT_PERSONS,
  contactPersonStreamName,
  registryProjections,
  SealedPersonalData,
} from '@tadamon/registry';
import {
  TopicReader,
  callJson,
  createTestDatabase,
  dropTestDatabase,
  requireServer,
  signTestToken,
  until,
} from '@tadamon/testing';
import { Client } from 'pg';
import { createRegistryApp } from './create-registry-app';
import { DistributedInfrastructure } from './infrastructure/distributed-infrastructure';

// The Registry service against the real local Kafka, PostgreSQL and FerretDB: a database of its own
// per run (PostgreSQL and MongoDB); the topic is shared, so messages are told apart by this run's ids.

const run = randomBytes(4).toString('hex');
const database = `registry_e2e_${run}`;
const secret = randomBytes(32).toString('base64url');
const TOPIC = registryPublication.topic;
const sealKeys = generateSealKeyPair();
const sign = (roles: string[], key = secret) => signTestToken(key, roles);

describe('the Registry service (distributed profile) on Kafka, PostgreSQL and FerretDB', () => {
  const postgresUrl = new URL(requireServer('postgres'));
  const mongoUrl = requireServer('mongo');
  const brokers = requireServer('kafka').split(',');
  let app: NestFastifyApplication;
  let closed = false;
  let base: string;
  let officer: string;
  let topic: TopicReader;
  let contactsTopic: TopicReader;
  let docs: MongooseDocumentStore;
  let sql: Client;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase(postgresUrl.href, database);
    app = await createRegistryApp({
      logger: false,
      env: {
        TADAMON_EVENT_STORE: 'postgres',
        DATABASE_URL: databaseUrl,
        MONGODB_URL: mongoUrl,
        MONGODB_DB: database,
        KAFKA_BROKERS: brokers.join(','),
        TADAMON_MASTER_KEY: randomBytes(32).toString('base64'),
        TADAMON_JWT_SECRET: secret,
        TADAMON_SEAL_PRIVATE_KEY: sealKeys.privateKeyPem,
        TADAMON_SEAL_INTERVAL_MS: '200',
      },
    });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    officer = await sign(['officer']);
    [topic, contactsTopic, docs] = await Promise.all([
      TopicReader.start(brokers, TOPIC, `registry-e2e-${run}`),
      TopicReader.start(brokers, REGISTRY_CONTACTS_TOPIC, `registry-e2e-contacts-${run}`),
      MongooseDocumentStore.connect(mongoUrl, database),
    ]);
    sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
  }, 60_000);

  afterAll(async () => {
    if (!closed) await app?.close();
    await topic?.stop();
    await contactsTopic?.stop();
    await sql?.end();
    await docs?.dropDatabase();
    await docs?.close();
    await dropTestDatabase(postgresUrl.href, database);
  }, 30_000);

  const call = (method: string, path: string, body?: unknown, token: string | null = officer) =>
    callJson(base, method, path, body, token);

  const register = async (associationId: string) => {
    const registered = await call('POST', '/api/registry/associations', {
      associationId,
      profile: { names: { fr: `Association e2e ${run}` }, hostCountries: ['FR'], sectors: ['14030'] },
    });
    expect(registered).toMatchObject({
      status: 201,
      body: { associationId, events: ['AssociationRegistered'] },
    });
  };

  const directoryEntry = (associationId: string) =>
    docs.collection<{ _id: string; status: string }>(ASSOCIATION_DIRECTORY).get(associationId);

  it('turns a command over HTTP into a read-model document in MongoDB and a message on Kafka', async () => {
    const associationId = `assoc-e2e-${run}`;
    await register(associationId);

    await until(
      async () => (await directoryEntry(associationId))?.status === 'submitted',
      'the directory entry',
    );
    const registered = await topic.find('AssociationRegistered', 'associationId', associationId);
    expect(registered.key).toBe(`association-${associationId}`);
    expect(JSON.parse(registered.value)).toMatchObject({
      type: 'AssociationRegistered',
      schemaVersion: 1,
      context: 'registry',
      streamId: `association-${associationId}`,
      data: { associationId, names: { fr: `Association e2e ${run}` }, hostCountries: ['FR'] },
    });

    expect(await call('POST', `/api/registry/associations/${associationId}/verify`)).toMatchObject({
      status: 200,
      body: { events: ['AssociationVerified'] },
    });
    const verified = await topic.find('AssociationVerified', 'associationId', associationId);
    expect(verified.headers).toMatchObject({ 'tadamon-context': 'registry', 'tadamon-schema-version': '1' });
    await until(
      async () => (await directoryEntry(associationId))?.status === 'verified',
      'the verified entry',
    );
  }, 30_000);

  it('seals its log after a command, and the seals verify with the public key', async () => {
    const associationId = `assoc-e2e-sealed-${run}`;
    await register(associationId);
    const store = await PostgresEventStore.connect({ connectionString: databaseUrl, readOnly: true });
    const [registered] = await store.readStream(`association-${associationId}`).finally(() => store.close());
    await expectSealedUpTo(databaseUrl, registered.globalPosition, sealKeys);
    // The latest seal is public, for witnesses outside the log (verify --known-seals).
    const witness = await call('GET', '/api/audit/witness', undefined, null);
    expect(witness.status).toBe(200);
    expect(witness.body).toMatchObject({
      latest: { keyId: sealKeys.keyId, digest: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  }, 30_000);

  it('accepts only tokens signed with the configured secret, and checks roles', async () => {
    const associationId = `assoc-e2e-denied-${run}`;
    const body = { associationId, profile: { names: { fr: 'Refusée' }, hostCountries: ['FR'] } };
    expect((await call('POST', '/api/registry/associations', body, null)).status).toBe(401);
    const forged = await sign(['officer'], randomBytes(32).toString('base64url'));
    expect((await call('POST', '/api/registry/associations', body, forged)).status).toBe(401);
    expect((await call('POST', '/api/registry/associations', body, await sign(['evaluator']))).status).toBe(
      403,
    );
    expect((await call('GET', `/api/registry/associations/${associationId}`)).status).toBe(404);
  });

  it('erases a contact person: the plaintext is nowhere in PostgreSQL, MongoDB or Kafka, and the chain still verifies', async () => {
    const associationId = `assoc-e2e-contacts-${run}`;
    await register(associationId);
    const fullName = `Nour Effacement ${run}`;
    const email = `nour.${run}@erasure.example.org`;
    const added = await call('POST', `/api/registry/associations/${associationId}/contacts`, {
      role: 'president',
      card: { fullName, email, phone: '+33 6 12 34 56 78' },
      consents: [{ purpose: 'registry-contact', legalBasis: 'gdpr' }],
    });
    expect(added.status).toBe(201);
    const subjectId = added.body.subjectId as string;
    const streamId = contactPersonStreamName(subjectId);

    // Control: before the erasure the plaintext is readable, from the stream and from the read model.
    expect(await call('GET', `/api/registry/contacts/${subjectId}`)).toMatchObject({
      status: 200,
      body: { status: 'active', card: { fullName, email } },
    });
    const listed = async () =>
      (
        (await call('GET', `/api/registry/associations/${associationId}/contacts`)).body as unknown as {
          subjectId: string;
          card: Record<string, unknown>;
        }[]
      ).find((contact) => contact.subjectId === subjectId);
    await until(async () => (await listed())?.card.fullName === fullName, 'the contact in the read model');
    const [addedRow] = (
      await sql.query<{ data: string }>(
        `SELECT data FROM tadamon_events.events WHERE stream_id = $1 AND type = 'ContactPersonAdded'`,
        [streamId],
      )
    ).rows;
    const sealed = (JSON.parse(addedRow.data) as { personalData: SealedPersonalData }).personalData;
    expect(addedRow.data).not.toContain(fullName); // sealed before it reached the log

    expect(await call('POST', `/api/registry/contacts/${subjectId}/erase`)).toMatchObject({
      status: 200,
      body: { events: ['PersonalDataErased'] },
    });
    expect(await call('GET', `/api/registry/contacts/${subjectId}`)).toMatchObject({
      status: 200,
      body: { status: 'erased', card: { erased: true } },
    });
    expect((await call('GET', `/api/registry/contacts/${subjectId}`)).body.card).toEqual({ erased: true });
    await until(
      async () =>
        (await docs.collection<{ _id: string; status: string }>(CONTACT_PERSONS).get(subjectId))?.status ===
        'erased',
      'the erasure in the read model',
    );
    expect((await listed())?.card).toEqual({ erased: true });

    // Everything the service wrote, wherever it went.
    const infrastructure = app.get(DistributedInfrastructure);
    await until(async () => (await infrastructure.relay.lag()) === 0, 'the relay to catch up');
    await until(
      async () => (await infrastructure.contactsRelay.lag()) === 0,
      'the contacts relay to catch up',
    );
    await topic.readToTheEnd();
    await contactsTopic.readToTheEnd();
    const tables = (
      await sql.query<{ table_schema: string; table_name: string }>(
        `SELECT table_schema, table_name FROM information_schema.tables
         WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
      )
    ).rows;
    let postgresText = '';
    for (const t of tables)
      postgresText += JSON.stringify(
        (await sql.query(`SELECT * FROM "${t.table_schema}"."${t.table_name}"`)).rows,
      );
    const mongoText = (
      await Promise.all((await docs.collections()).map(async (name) => docs.collection(name).find({})))
    )
      .map((found) => JSON.stringify(found))
      .join('\n');
    // The contacts topic (for Notifications only) carries the card as sealed in the log, and its erasure.
    const addedMessage = await contactsTopic.find('ContactPersonAdded', 'subjectId', subjectId);
    expect(addedMessage.key).toBe(streamId);
    expect((JSON.parse(addedMessage.value) as { data: { personalData: unknown } }).data.personalData).toEqual(
      sealed,
    );
    await contactsTopic.find('PersonalDataErased', 'subjectId', subjectId);
    expect(topic.messages.some((m) => m.value.includes(subjectId))).toBe(false);
    const kafkaText = [...topic.messages, ...contactsTopic.messages]
      .map((m) => `${m.key} ${m.value} ${JSON.stringify(m.headers)}`)
      .join('\n');

    // The scans see what is there (ids, the sealed copy), so an absence below means something.
    expect(tables.map((t) => `${t.table_schema}.${t.table_name}`)).toEqual(
      expect.arrayContaining([
        'tadamon_events.events',
        'tadamon_keys.subject_keys',
        'tadamon_messaging.checkpoints',
      ]),
    );
    expect(postgresText).toContain(streamId);
    expect(postgresText).toContain(sealed.ciphertext);
    expect(mongoText).toContain(subjectId);
    expect(mongoText).toContain(associationId);
    expect(kafkaText).toContain(associationId);
    for (const plaintext of [fullName, email, `Effacement ${run}`]) {
      expect(postgresText).not.toContain(plaintext);
      expect(mongoText).not.toContain(plaintext);
      expect(kafkaText).not.toContain(plaintext);
    }

    // The sealed copy is still in the log and still chained, but nothing can open it any more.
    expect(await infrastructure.personalData.open(sealed)).toEqual({ erased: true, subjectId });
    const store = await PostgresEventStore.connect({ connectionString: databaseUrl });
    try {
      const rows = await store.readStoredStream(streamId);
      expect(rows.map((r) => r.type)).toEqual([
        'ContactPersonAdded',
        'ConsentRecorded',
        'PersonalDataErased',
      ]);
      expect(verifyStreamChain(rows)).toMatchObject({ ok: true, count: 3 });
    } finally {
      await store.close();
    }
  }, 40_000);

  it('reports each dependency in readiness, and the relay and projection lags in /metrics', async () => {
    const ready = await call('GET', '/health/ready', undefined, null);
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual([
      { name: 'eventStore', status: 'up' },
      { name: 'readModels', status: 'up' },
      { name: 'kafkaRelay', status: 'up' },
      { name: 'kafkaContactsRelay', status: 'up' },
      { name: 'keyStore', status: 'up' },
    ]);

    const lagLines = [
      /^relay_lag_events\{relay="relay:registry",app="registry"\} 0$/m,
      /^relay_lag_events\{relay="relay:registry-contacts",app="registry"\} 0$/m,
      ...registryProjections.map(
        ({ name }) => new RegExp(`^projection_lag_events\\{projection="${name}",app="registry"\\} 0$`, 'm'),
      ),
    ];
    // The sealer appends a seal after each command, which the runners see at their next poll.
    let metrics = '';
    await until(async () => {
      await app.get(DistributedInfrastructure).refreshLagMetrics();
      metrics = await (await fetch(`${base}/metrics`)).text();
      return lagLines.every((line) => line.test(metrics));
    }, 'every lag at 0 in /metrics');
    for (const line of lagLines) expect(metrics).toMatch(line);
    // The relay's counters, the pools' clients (the key store's just answered readiness) and the process series.
    const published = metrics.match(
      /^relay_events_published_total\{relay="relay:registry",app="registry"\} (\d+)$/m,
    );
    expect(Number(published?.[1])).toBeGreaterThanOrEqual(3);
    for (const pool of ['service', 'key-store'])
      expect(metrics).toMatch(
        new RegExp(`^db_pool_connections\\{pool="${pool}",state="total",app="registry"\\} [1-9]\\d*$`, 'm'),
      );
    expect(metrics).toMatch(/^db_pool_max\{pool="key-store",app="registry"\} 5$/m);
    expect(metrics).toMatch(/^nodejs_eventloop_lag_seconds\{app="registry"\} [\d.e-]+$/m);
  });

  it('stops the relay and the runners and closes its connections on shutdown', async () => {
    const infrastructure = app.get(DistributedInfrastructure);
    const started = Date.now();
    await app.close();
    closed = true;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(infrastructure.relay.relay.metrics().published).toBeGreaterThanOrEqual(3);
    const others = async () =>
      Number(
        (
          await sql.query<{ n: string }>(
            'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
            [database],
          )
        ).rows[0].n,
      );
    await until(async () => (await others()) === 0, 'the service to close its PostgreSQL connections', 5_000);

    // Sealed up to the head at stop: the auditor's command finds nothing left unsealed.
    await expectAuditorFindsAllSealed(databaseUrl, sealKeys.publicKeyPem);
  }, 30_000);
});
