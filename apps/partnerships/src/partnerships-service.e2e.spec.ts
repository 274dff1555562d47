import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { partnershipsPublication } from '@tadamon/contracts';
import { generateSealKeyPair, PostgresEventStore } from '@tadamon/event-store';
import { expectSealedUpTo } from '@tadamon/event-store/testing';
import {
  AgreementDoc,
  PARTNERSHIPS_AGREEMENTS,
  PARTNERSHIPS_PROJECTS,
  PartnershipsCommands,
  partnershipsProjections,
  ProjectDoc,
} from '@tadamon/partnerships';
import { MongooseDocumentStore } from '@tadamon/read-store';
import {
  APP_START_TIMEOUT_MS,
  APP_STOP_TIMEOUT_MS,
  TopicReader,
  callJson,
  createTestDatabase,
  dropTestDatabase,
  requireServer,
  signTestToken,
  until,
} from '@tadamon/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { createPartnershipsApp } from './create-partnerships-app';
import { PartnershipsInfrastructure } from './infrastructure/partnerships-infrastructure';
import { FundingTopic } from './testing/funding-topic';
import { RegistryTopic } from './testing/registry-topic';

// The Partnerships service against the real local Kafka, PostgreSQL, FerretDB and S3 server: a
// database, a bucket and a consumer group of its own per run; the topics are shared, so messages
// are told apart by this run's ids.

const run = randomBytes(4).toString('hex');
const database = `partnerships_e2e_${run}`;
const group = `tadamon.partnerships.e2e-${run}`;
const bucket = `tadamon-partnerships-e2e-${run}`;
const prefix = 'partnerships/';
/** The service's largest document (TADAMON_CONTENT_MAX_BYTES), under the default to show it is read. */
const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
const sealKeys = generateSealKeyPair();
const secret = randomBytes(32).toString('base64url');
const officer = { id: 'officer-e2e', roles: ['officer'] };

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' as const });
const mad = (amountMinor: number) => ({ amountMinor, currency: 'MAD' as const });
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('the Partnerships service (distributed profile) on Kafka, PostgreSQL, FerretDB and S3', () => {
  const postgresUrl = new URL(requireServer('postgres'));
  const mongoUrl = requireServer('mongo');
  const brokers = requireServer('kafka').split(',');
  const s3Url = new URL(requireServer('s3'));
  const s3 = new S3Client({
    endpoint: `${s3Url.protocol}//${s3Url.host}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: {
      accessKeyId: decodeURIComponent(s3Url.username),
      secretAccessKey: decodeURIComponent(s3Url.password),
    },
  });
  const kafka = new Kafka({ clientId: `partnerships-e2e-${run}`, brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  const funding = new FundingTopic(producer);
  const registry = new RegistryTopic(producer);
  let app: NestFastifyApplication;
  let closed = false;
  let base: string;
  let topic: TopicReader;
  let docs: MongooseDocumentStore;
  let sql: Client;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase(postgresUrl.href, database);
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    app = await createPartnershipsApp({
      logger: process.env.TADAMON_TEST_LOGS === '1',
      env: {
        TADAMON_EVENT_STORE: 'postgres',
        DATABASE_URL: databaseUrl,
        MONGODB_URL: mongoUrl,
        MONGODB_DB: database,
        KAFKA_BROKERS: brokers.join(','),
        TADAMON_KAFKA_GROUP: group,
        TADAMON_JWT_SECRET: secret,
        TADAMON_SEAL_PRIVATE_KEY: sealKeys.privateKeyPem,
        TADAMON_SEAL_INTERVAL_MS: '200',
        TADAMON_CONTENT_STORE: 's3',
        TADAMON_CONTENT_S3_ENDPOINT: `${s3Url.protocol}//${s3Url.host}`,
        TADAMON_CONTENT_S3_BUCKET: bucket,
        TADAMON_CONTENT_S3_ACCESS_KEY_ID: decodeURIComponent(s3Url.username),
        TADAMON_CONTENT_S3_SECRET_ACCESS_KEY: decodeURIComponent(s3Url.password),
        TADAMON_CONTENT_S3_PREFIX: prefix,
        TADAMON_CONTENT_MAX_BYTES: String(MAX_DOCUMENT_BYTES),
      },
    });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    await app.get(PartnershipsInfrastructure).consumer.whenJoined();
    await producer.connect();
    [topic, docs] = await Promise.all([
      TopicReader.start(brokers, partnershipsPublication.topic, `${group}-reader`),
      MongooseDocumentStore.connect(mongoUrl, database),
    ]);
    sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    if (!closed) await app?.close();
    await topic?.stop();
    await producer.disconnect();
    await sql?.end();
    await docs?.dropDatabase();
    await docs?.close();
    await dropTestDatabase(postgresUrl.href, database);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    const keys = (listed.Contents ?? []).map((o) => ({ Key: String(o.Key) }));
    if (keys.length) await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
    await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    s3.destroy();
  }, APP_STOP_TIMEOUT_MS);

  const agreementId = `conv-${run}`;
  const applicationId = `app-${run}`;
  const projectId = `award-${applicationId}`;
  const parties = ['md-0001', 'mre-ministry'];

  const officerToken = () => signTestToken(secret, ['officer'], {}, officer.id);
  const call = async (method: string, path: string, body?: unknown) =>
    callJson(base, method, path, body, await officerToken());

  // Agreements have no HTTP routes in this branch yet: their commands go through the context's
  // command handler inside the running service, as a controller would send them.
  const agreement = (command: Parameters<PartnershipsCommands['execute']>[2], actor = officer) =>
    app.get(PartnershipsCommands).execute('agreement', agreementId, command, actor);

  it('turns a drafted and signed agreement into a read-model document and messages on its topic', async () => {
    await agreement({
      type: 'DraftAgreement',
      data: {
        agreementId,
        object: { fr: `Convention e2e ${run}` },
        parties: [
          {
            partyId: 'md-0001',
            partyKind: 'association',
            roles: ['implementing'],
            commitments: [{ kind: 'money', amount: mad(30_000_000) }],
          },
          {
            partyId: 'mre-ministry',
            partyKind: 'ministry',
            roles: ['funding', 'accountable'],
            commitments: [{ kind: 'money', amount: usd(50_000_000) }],
          },
        ],
        startDate: yesterday,
        endDate: '2030-12-31',
        sectors: ['14030'],
        regions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
      },
    });
    await agreement({ type: 'SubmitAgreementForSignature', data: { agreementId } });
    for (const partyId of parties)
      await agreement(
        { type: 'SignAgreement', data: { agreementId, partyId, signedOn: yesterday } },
        { id: `${partyId}-signatory`, roles: ['partner'] },
      );

    await until(
      async () =>
        (await docs.collection<AgreementDoc>(PARTNERSHIPS_AGREEMENTS).get(agreementId))?.status ===
        'in-force',
      'the agreement in force in the read model',
    );
    const stored = await docs.collection<AgreementDoc>(PARTNERSHIPS_AGREEMENTS).get(agreementId);
    expect(stored).toMatchObject({ agreementId, status: 'in-force', currentVersion: 1, partyIds: parties });
    const signed = await topic.find('AgreementSigned', 'agreementId', agreementId);
    expect(signed.key).toBe(`partnershipAgreement-${agreementId}`);
    expect(signed.headers).toMatchObject({
      'tadamon-context': 'partnerships',
      'tadamon-schema-version': '1',
    });
    const inForce = await topic.find('AgreementVersionInForce', 'agreementId', agreementId);
    expect(JSON.parse(inForce.value)).toMatchObject({ data: { agreementId, version: 1 } });
  }, 40_000);

  it("opens the award's project from Funding's GrantAwarded, once however often it is delivered", async () => {
    const award = funding.grantAwarded(applicationId, 'md-0042');
    await funding.send(award);
    await until(
      async () => (await docs.collection<ProjectDoc>(PARTNERSHIPS_PROJECTS).get(projectId)) !== null,
      `the project ${projectId} in the read model`,
    );
    expect(await docs.collection<ProjectDoc>(PARTNERSHIPS_PROJECTS).get(projectId)).toMatchObject({
      projectId,
      carrierId: 'md-0042',
      origin: { kind: 'award', applicationId },
    });
    expect(await call('GET', `/api/partnerships/projects/${projectId}`)).toMatchObject({
      status: 200,
      body: { projectId, carrierId: 'md-0042' },
    });
    const opened = await topic.find('ProjectOpened', 'projectId', projectId);
    expect(JSON.parse(opened.value)).toMatchObject({ data: { projectId, origin: 'award', applicationId } });

    // The same message again (a redelivery), then another award to know the first was consumed.
    const consumer = app.get(PartnershipsInfrastructure).consumer;
    const duplicates = consumer.metrics().duplicates;
    await funding.send(award);
    const next = funding.grantAwarded(`${applicationId}-next`, 'md-0043');
    await funding.send(next);
    await until(
      async () =>
        (await docs.collection<ProjectDoc>(PARTNERSHIPS_PROJECTS).get(`award-${applicationId}-next`)) !==
        null,
      'the next award consumed',
    );
    expect(consumer.metrics().duplicates).toBe(duplicates + 1);
    const store = await PostgresEventStore.connect({ connectionString: databaseUrl, readOnly: true });
    const events = await store.readStream(`project-${projectId}`).finally(() => store.close());
    expect(events.map((event) => event.type)).toEqual(['ProjectOpened']);
    const inbox = await sql.query(
      'SELECT count(*)::int AS n FROM tadamon_messaging.inbox WHERE consumer = $1 AND event_id = $2',
      [group, award.eventId],
    );
    expect(inbox.rows).toEqual([{ n: 1 }]);
    expect(await docs.collection<ProjectDoc>(PARTNERSHIPS_PROJECTS).count({ projectId })).toBe(1);
  }, 40_000);

  it("names in its IATI file an association the Registry's topic says is verified, by its id before", async () => {
    const associationId = `assoc-e2e-${run}`;
    const iatiProjectId = `prj-iati-${run}`;
    const commands = app.get(PartnershipsCommands);
    const project = (type: string, data: Record<string, unknown>) =>
      commands.execute(
        'project',
        iatiProjectId,
        { type, data: { projectId: iatiProjectId, ...data } } as never,
        officer,
      );
    await project('OpenProject', {
      carrierId: associationId,
      title: { fr: `Adduction d'eau ${run}` },
      description: { fr: 'Raccordement de six douars au réseau.' },
      participants: [{ partyId: associationId, role: '4' }],
      agreementId: agreementId,
      programmeId: 'icmd2',
      locations: [{ area: { scheme: 'iso3166-2:2015', code: 'MA-TIZ' }, commune: 'Tafraout' }],
      sectors: [{ code: '14030', percentageHundredths: 10000 }],
      budgetLines: [
        {
          lineId: 'l1',
          label: { fr: 'Forage' },
          amount: mad(200_000_00),
          periodStart: null,
          periodEnd: null,
        },
      ],
      cofinancing: [],
      milestones: [],
      plannedStart: '2025-07-01',
      plannedEnd: '2027-06-30',
    });
    await project('PublishProject', {});
    const file = async () => {
      const reply = await fetch(`${base}/api/partnerships/iati/activities.xml`);
      return reply.text();
    };
    const unnamed = `<participating-org type="90" role="4"><narrative xml:lang="fr">${associationId}</narrative>`;
    await until(
      async () => (await file()).includes(unnamed),
      `${iatiProjectId} in the file, its carrier unnamed`,
    );

    await registry.registered(associationId, { fr: `Tiwizi ${run}`, ar: 'تويزة' });
    await registry.verified(associationId);
    const named =
      '<participating-org type="21" role="4"><narrative xml:lang="ar">تويزة</narrative>' +
      `<narrative xml:lang="fr">Tiwizi ${run}</narrative>`;
    await until(async () => (await file()).includes(named), 'the association named from the Registry topic');
    const directory = await sql.query(
      'SELECT status, names FROM tadamon_partnerships.registry_organisations WHERE id = $1',
      [associationId],
    );
    expect(directory.rows).toEqual([{ status: 'verified', names: { fr: `Tiwizi ${run}`, ar: 'تويزة' } }]);
  }, 40_000);

  it('streams a document uploaded over HTTP to the S3 bucket under its SHA-256, up to TADAMON_CONTENT_MAX_BYTES', async () => {
    // Over the API's 1 MiB JSON body limit: the upload is the file itself, streamed.
    const bytes = Buffer.concat([
      Buffer.from(`%PDF-1.7 convention de financement ${run}\n`),
      randomBytes(1536 * 1024),
    ]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = `/api/partnerships/projects/${projectId}/documents`;
    const upload = async (file: Buffer) =>
      fetch(`${base}${path}?name=convention.pdf&kind=agreement`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await officerToken()}`, 'content-type': 'application/pdf' },
        body: file,
      });
    const uploaded = await upload(bytes);
    expect(uploaded.status).toBe(201);
    expect(await uploaded.json()).toMatchObject({ sha256, size: bytes.length });

    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: `${prefix}${sha256}` }));
    expect(head.ContentLength).toBe(bytes.length);
    const download = await fetch(`${base}${path}/${sha256}`, {
      headers: { authorization: `Bearer ${await officerToken()}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    const tooLarge = await upload(randomBytes(MAX_DOCUMENT_BYTES + 1));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ maxBytes: MAX_DOCUMENT_BYTES });
    expect((await call('GET', path)).body).toHaveLength(1);
  }, 30_000);

  it('seals its log, and reports each dependency in readiness and the consumer lag in /metrics', async () => {
    const store = await PostgresEventStore.connect({ connectionString: databaseUrl, readOnly: true });
    const [drafted] = await store
      .readStream(`partnershipAgreement-${agreementId}`)
      .finally(() => store.close());
    await expectSealedUpTo(databaseUrl, drafted.globalPosition, sealKeys);

    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: unknown[] }).checks).toEqual([
      { name: 'eventStore', status: 'up' },
      { name: 'readModels', status: 'up' },
      { name: 'kafkaRelay', status: 'up' },
      { name: 'fundingConsumer', status: 'up' },
      { name: 'contentStore', status: 'up' },
    ]);
    const infrastructure = app.get(PartnershipsInfrastructure);
    await until(async () => (await infrastructure.relay.lag()) === 0, 'the relay to catch up');
    await until(async () => (await infrastructure.consumerGroup.lag()) === 0, 'the consumer to commit');
    await infrastructure.refreshLagMetrics();
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^relay_lag_events\{relay="relay:partnerships",app="partnerships"\} 0$/m);
    expect(metrics).toContain(`consumer_lag_messages{consumer="${group}",app="partnerships"} 0`);
    for (const { name } of partnershipsProjections)
      expect(metrics).toMatch(
        new RegExp(`^projection_lag_events\\{projection="${name}",app="partnerships"\\} \\d+$`, 'm'),
      );
  }, 30_000);

  it('stops the consumer, the relay and the runners and closes its connections on shutdown', async () => {
    const infrastructure = app.get(PartnershipsInfrastructure);
    const started = Date.now();
    await app.close();
    closed = true;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(infrastructure.relay.relay.metrics().published).toBeGreaterThanOrEqual(5);
    expect(infrastructure.consumer.metrics().processed).toBeGreaterThanOrEqual(2);
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
  }, 40_000);
});
