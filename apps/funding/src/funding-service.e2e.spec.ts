import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { deadLetterTopic, fundingPublication, registryPublication } from '@tadamon/contracts';
import {
  ApplicationDoc,
  EnvelopeDoc,
  FUNDING_APPLICATIONS,
  FUNDING_ENVELOPES,
  fundingProjections,
} from '@tadamon/funding';
import { generateSealKeyPair, PostgresEventStore } from '@tadamon/event-store';
import { expectAuditorFindsAllSealed, expectSealedUpTo } from '@tadamon/event-store/testing';
import { MongooseDocumentStore } from '@tadamon/read-store';
import {
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
import { createFundingApp } from './create-funding-app';
import { FundingInfrastructure } from './infrastructure/funding-infrastructure';
import { RegistryTopic } from './testing/registry-topic';

// The Funding service against the real local Kafka, PostgreSQL and FerretDB: a database of its own
// per run (PostgreSQL and MongoDB) and a consumer group of its own; the topics are shared, so
// messages are told apart by this run's ids.

const run = randomBytes(4).toString('hex');
// A funder only this run announces: the Registry topic outlives runs, and another run's actor-iom
// would already be known to a fresh consumer group reading it from the start.
const funderId = `actor-funder-${run}`;
const database = `funding_e2e_${run}`;
const group = `tadamon.funding.e2e-${run}`;
const secret = randomBytes(32).toString('base64url');
const sealKeys = generateSealKeyPair();

const sign = (roles: string[], claims: Record<string, unknown> = {}) =>
  signTestToken(secret, roles, claims, `e2e-${roles.join('-')}-${String(claims.org ?? '')}`);

const usd = (major: number) => ({ amountMinor: major * 100, currency: 'USD' });
const region = { scheme: 'iso3166-2:2015', code: 'MA-09' };

describe('the Funding service (distributed profile) on Kafka, PostgreSQL and FerretDB', () => {
  const postgresUrl = new URL(requireServer('postgres'));
  const mongoUrl = requireServer('mongo');
  const brokers = requireServer('kafka').split(',');
  const kafka = new Kafka({ clientId: `funding-e2e-${run}`, brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  const registry = new RegistryTopic(producer, run);
  const associationA = `assoc-fa-${run}`;
  const associationB = `assoc-fb-${run}`;
  let app: NestFastifyApplication;
  let closed = false;
  let base: string;
  let officer: string;
  let topic: TopicReader;
  let docs: MongooseDocumentStore;
  let sql: Client;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase(postgresUrl.href, database);
    app = await createFundingApp({
      logger: false,
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
        TADAMON_COMMITTEE_MEMBERS: 'user-committee',
      },
    });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    officer = await sign(['officer']);
    await app.get(FundingInfrastructure).consumer.whenJoined();
    await producer.connect();
    [topic, docs] = await Promise.all([
      TopicReader.start(brokers, fundingPublication.topic, `${group}-reader`),
      MongooseDocumentStore.connect(mongoUrl, database),
    ]);
    sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
  }, 60_000);

  afterAll(async () => {
    if (!closed) await app?.close();
    await topic?.stop();
    await producer.disconnect();
    await sql?.end();
    await docs?.dropDatabase();
    await docs?.close();
    await dropTestDatabase(postgresUrl.href, database);
  }, 30_000);

  const call = (method: string, path: string, body?: unknown, token: string | null = officer) =>
    callJson(base, method, path, body, token);

  const envelopeId = `env-${run}`;
  const callId = `call-${run}`;
  const applicationId = `app-${run}`;

  const applicantStatus = async (associationId: string) =>
    (await call('GET', `/api/funding/applicants/${associationId}`)).body?.status as string | undefined;

  it('turns a command over HTTP into a MongoDB read-model document and a message on Funding topic', async () => {
    const open = () =>
      call('POST', '/api/funding/envelopes', {
        envelopeId,
        programmeId: `programme-${run}`,
        name: { fr: `Enveloppe e2e ${run}` },
        funderId,
        amount: usd(500_000),
        period: { start: '2025-01-01', end: '2030-12-31' },
      });
    // The funder must be a Registry actor Funding has heard of: refused (and nothing recorded) until then.
    expect(await open()).toMatchObject({ status: 400, body: { code: 'UNKNOWN_FUNDER' } });
    await registry.actor(funderId, 'funder');
    let opened: Awaited<ReturnType<typeof open>> | undefined;
    await until(async () => (opened = await open()).status !== 400, 'Funding to learn of the funder');
    expect(opened).toMatchObject({ status: 201, body: { events: ['BudgetEnvelopeOpened'] } });

    await until(
      async () => (await docs.collection<EnvelopeDoc>(FUNDING_ENVELOPES).get(envelopeId)) !== null,
      'the envelope read model',
    );
    expect(await docs.collection<EnvelopeDoc>(FUNDING_ENVELOPES).get(envelopeId)).toMatchObject({
      envelopeId,
      programmeId: `programme-${run}`,
    });
    const published = await topic.find('EnvelopeOpened', 'envelopeId', envelopeId);
    expect(published.key).toBe(`budgetEnvelope-${envelopeId}`);
    expect(published.headers).toMatchObject({ 'tadamon-context': 'funding', 'tadamon-schema-version': '1' });
    expect(JSON.parse(published.value)).toMatchObject({
      type: 'EnvelopeOpened',
      context: 'funding',
      data: { envelopeId, funderId, amount: usd(500_000) },
    });
  }, 30_000);

  it('learns from the Registry topic that an association is verified: its application can be submitted', async () => {
    expect(
      await call('POST', '/api/funding/calls', {
        callId,
        terms: {
          programmeId: `programme-${run}`,
          envelopeId,
          title: { fr: `Appel e2e ${run}` },
          summary: { fr: 'Projets de codéveloppement.' },
          budget: usd(500_000),
          eligibility: {
            hostCountries: ['FR'],
            originRegions: [region],
            sectors: ['14030'],
            minCoFinancingPercent: 10,
          },
          awardCriteria: {
            criteria: [
              { criterionId: 'relevance', name: { fr: 'Pertinence' }, weight: 60, threshold: 50 },
              { criterionId: 'feasibility', name: { fr: 'Faisabilité' }, weight: 40, threshold: 40 },
            ],
            overallThreshold: 60,
          },
          internationalSelection: false,
          evaluatorsPerProposal: 1,
          deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      }),
    ).toMatchObject({ status: 201 });
    expect((await call('POST', `/api/funding/calls/${callId}/publish`)).status).toBe(200);

    const asA = await sign(['association'], { org: associationA });
    const draft = (id: string, token: string) =>
      call(
        'POST',
        '/api/funding/applications',
        {
          applicationId: id,
          callId,
          proposal: {
            title: { fr: `Adduction d'eau ${run}` },
            summary: { fr: 'Raccordement de six douars au réseau.' },
            sectors: ['14030'],
            region,
            amountRequested: usd(250_000),
            coFinancing: usd(50_000),
            documents: [
              {
                documentId: 'doc-1',
                kind: 'project-description',
                name: 'projet.pdf',
                sha256: 'a'.repeat(64),
              },
            ],
          },
        },
        token,
      );

    // Control: before the Registry said anything, Funding refuses the submission.
    expect((await draft(`${applicationId}-early`, asA)).status).toBe(201);
    expect(
      await call('POST', `/api/funding/applications/${applicationId}-early/submit`, undefined, asA),
    ).toMatchObject({
      status: 409,
      body: { code: 'ASSOCIATION_NOT_VERIFIED' },
    });

    await registry.verified(associationA);
    await registry.verified(associationB);
    await until(async () => (await applicantStatus(associationA)) === 'verified', `${associationA} verified`);
    await until(async () => (await applicantStatus(associationB)) === 'verified', `${associationB} verified`);

    expect((await draft(applicationId, asA)).status).toBe(201);
    expect(
      await call('POST', `/api/funding/applications/${applicationId}/submit`, undefined, asA),
    ).toMatchObject({
      status: 200,
      body: { events: expect.arrayContaining(['GrantApplicationSubmitted']) },
    });
    await until(
      async () =>
        (await docs.collection<ApplicationDoc>(FUNDING_APPLICATIONS).get(applicationId))?.status ===
        'submitted',
      'the submitted application in the read model',
    );
    const submitted = await topic.find('ApplicationSubmitted', 'applicationId', applicationId);
    expect(JSON.parse(submitted.value)).toMatchObject({
      data: { applicationId, callId, associationId: associationA },
    });
  }, 40_000);

  it('flags the open application of an association the Registry suspends, while 15 clients read its applicant', async () => {
    // Issue 13, item 1: reads of the applicant during the suspension's delivery starved the pool
    // the delivery needed, for ever. Now every read is answered and the delivery finishes.
    let reading = true;
    const statuses: number[] = [];
    const reader = async () => {
      while (reading) {
        const answer = await fetch(`${base}/api/funding/applicants/${associationA}`, {
          headers: { authorization: `Bearer ${officer}` },
          signal: AbortSignal.timeout(10_000),
        });
        await answer.arrayBuffer();
        statuses.push(answer.status);
      }
    };
    const readers = Promise.all(Array.from({ length: 15 }, reader));
    try {
      await registry.publish('AssociationSuspended', associationA, { reason: 'audit en cours' });
      await until(
        async () => (await applicantStatus(associationA)) === 'suspended',
        `${associationA} suspended`,
      );
      await until(
        async () => Boolean((await call('GET', `/api/funding/applications/${applicationId}`)).body?.flag),
        'the flag on the application',
      );
    } finally {
      reading = false;
      await readers;
    }
    expect(statuses.length).toBeGreaterThan(15);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect((await call('GET', `/api/funding/applications/${applicationId}`)).body).toMatchObject({
      status: 'submitted',
      flag: { reason: 'association suspended by the registry: audit en cours' },
    });
    const flagged = await topic.find('ApplicationFlagged', 'applicationId', applicationId);
    expect(JSON.parse(flagged.value)).toMatchObject({ data: { applicationId, associationId: associationA } });
    // The inbox and the facts are in PostgreSQL, in one transaction per delivery.
    const inbox = await sql.query(
      'SELECT count(*)::int AS n FROM tadamon_messaging.inbox WHERE consumer = $1',
      [group],
    );
    expect(inbox.rows[0].n).toBeGreaterThanOrEqual(5);
    const fact = await sql.query('SELECT status FROM tadamon_funding.applicants WHERE association_id = $1', [
      associationA,
    ]);
    expect(fact.rows).toEqual([{ status: 'suspended' }]);
  }, 30_000);

  it("hides an association's application from another association (404), not from its own", async () => {
    const asA = await sign(['association'], { org: associationA });
    const asB = await sign(['association'], { org: associationB });
    expect((await call('GET', `/api/funding/applications/${applicationId}`, undefined, asA)).status).toBe(
      200,
    );
    expect(await call('GET', `/api/funding/applications/${applicationId}`, undefined, asB)).toMatchObject({
      status: 404,
    });
    expect(
      (await call('POST', `/api/funding/applications/${applicationId}/withdraw`, { reason: 'x' }, asB))
        .status,
    ).toBe(404);
    const listed = await call('GET', '/api/funding/applications', undefined, asB);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(applicationId);
    expect((await call('GET', `/api/funding/applicants/${associationA}`, undefined, asB)).status).toBe(404);
  });

  it("dead-letters a Registry event it cannot apply, with the policy's own error, and keeps consuming", async () => {
    const dlt = await TopicReader.start(brokers, deadLetterTopic(registryPublication.topic), `${group}-dlt`);
    const dead = dlt.messages;
    try {
      // No association id: the fact cannot be stored (a NOT NULL column), on every attempt.
      const poison = await registry.publish('AssociationVerified', `poison-${run}`, { associationId: null });
      const after = `assoc-after-poison-${run}`;
      await registry.verified(after);
      await until(() => dead.some((m) => m.headers['tadamon-event-id'] === poison), 'the dead letter');
      expect(dead.find((m) => m.headers['tadamon-event-id'] === poison)?.headers).toMatchObject({
        'tadamon-dlt-attempts': '3',
        'tadamon-dlt-consumer-group': group,
        'tadamon-dlt-original-topic': registryPublication.topic,
        'tadamon-dlt-error-message': expect.stringContaining('association_id'),
      });
      await until(
        async () => (await applicantStatus(after)) === 'verified',
        `${after} verified after the poison`,
      );
    } finally {
      await dlt.stop();
    }
  }, 30_000);

  it('keeps Idempotency-Key claims in PostgreSQL: a retry is answered from there, the command runs once', async () => {
    const retried = `env-idem-${run}`;
    const open = () =>
      fetch(`${base}/api/funding/envelopes`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${officer}`,
          'content-type': 'application/json',
          'idempotency-key': `open-${retried}`,
        },
        body: JSON.stringify({
          envelopeId: retried,
          programmeId: `programme-${run}`,
          name: { fr: `Enveloppe rejouée ${run}` },
          funderId,
          amount: usd(100_000),
          period: { start: '2025-01-01', end: '2030-12-31' },
        }),
      });
    const first = await open();
    const second = await open();
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    const stored = await sql.query<{ response: { status: number } }>(
      'SELECT response FROM tadamon_http.idempotency_keys WHERE position($1::bytea in key) > 0',
      [Buffer.from(`open-${retried}`)],
    );
    expect(stored.rows.map((row) => row.response.status)).toEqual([201]);
    const store = await PostgresEventStore.connect({ connectionString: databaseUrl, readOnly: true });
    const events = await store.readStream(`budgetEnvelope-${retried}`).finally(() => store.close());
    expect(events.map((event) => event.type)).toEqual(['BudgetEnvelopeOpened']);
  }, 30_000);

  it('seals its log (the grant decisions auditors replay), and the seals verify with the public key', async () => {
    const store = await PostgresEventStore.connect({ connectionString: databaseUrl, readOnly: true });
    const [opened] = await store.readStream(`budgetEnvelope-${envelopeId}`).finally(() => store.close());
    await expectSealedUpTo(databaseUrl, opened.globalPosition, sealKeys);
    // The latest seal is public, for witnesses outside the log (verify --known-seals).
    const witness = await call('GET', '/api/audit/witness', undefined, null);
    expect(witness.status).toBe(200);
    expect(witness.body).toMatchObject({
      latest: { keyId: sealKeys.keyId, digest: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  }, 30_000);

  it('reports each dependency in readiness, and the relay, consumer and projection lags in /metrics', async () => {
    const ready = await call('GET', '/health/ready', undefined, null);
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual([
      { name: 'eventStore', status: 'up' },
      { name: 'readModels', status: 'up' },
      { name: 'kafkaRelay', status: 'up' },
      { name: 'registryConsumer', status: 'up' },
      { name: 'registryFacts', status: 'up' },
    ]);

    const infrastructure = app.get(FundingInfrastructure);
    await until(async () => (await infrastructure.relay.lag()) === 0, 'the relay to catch up');
    await until(async () => (await infrastructure.consumerGroup.lag()) === 0, 'the consumer to commit');
    await infrastructure.refreshLagMetrics();
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^relay_lag_events\{relay="relay:funding",app="funding"\} 0$/m);
    expect(metrics).toContain(`consumer_lag_messages{consumer="${group}",app="funding"} 0`);
    for (const { name } of fundingProjections)
      expect(metrics).toMatch(
        new RegExp(`^projection_lag_events\\{projection="${name}",app="funding"\\} \\d+$`, 'm'),
      );
  }, 30_000);

  it("counts in /metrics what the relay published and the consumer did, its pools' clients and the event-loop lag", async () => {
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const value = (series: string) => {
      const line = metrics.split('\n').find((candidate) => candidate.startsWith(`${series} `));
      if (line === undefined) throw new Error(`${series} is not in /metrics`);
      return Number(line.slice(series.length + 1));
    };
    const app = 'app="funding"';
    expect(value(`relay_events_published_total{relay="relay:funding",${app}}`)).toBeGreaterThanOrEqual(3);
    expect(value(`relay_batches_total{relay="relay:funding",${app}}`)).toBeGreaterThanOrEqual(1);
    expect(value(`relay_send_failures_total{relay="relay:funding",${app}}`)).toBeGreaterThanOrEqual(0);
    const consumed = (outcome: string) =>
      value(`consumer_messages_total{consumer="${group}",outcome="${outcome}",${app}}`);
    expect(consumed('processed')).toBeGreaterThanOrEqual(7);
    expect(consumed('dead_lettered')).toBeGreaterThanOrEqual(1);
    expect(consumed('retried')).toBeGreaterThanOrEqual(consumed('dead_lettered'));
    expect(consumed('duplicate')).toBeGreaterThanOrEqual(0);
    for (const [pool, max] of [
      ['service', 10],
      ['registry-facts-readers', 4],
    ] as const) {
      const total = value(`db_pool_connections{pool="${pool}",state="total",${app}}`);
      // The relay keeps the service's pool busy; a pool's idle clients close after 10 s.
      expect(total).toBeGreaterThanOrEqual(pool === 'service' ? 1 : 0);
      expect(total).toBeLessThanOrEqual(max);
      expect(value(`db_pool_connections{pool="${pool}",state="idle",${app}}`)).toBeLessThanOrEqual(total);
      expect(value(`db_pool_connections{pool="${pool}",state="waiting",${app}}`)).toBe(0);
      expect(value(`db_pool_max{pool="${pool}",${app}}`)).toBe(max);
    }
    expect(value(`nodejs_eventloop_lag_seconds{${app}}`)).toBeLessThan(1);
    // Over the interval since the previous scrape (which may hold no sample yet).
    expect(value(`nodejs_eventloop_lag_p99_seconds{${app}}`)).toBeGreaterThanOrEqual(0);
    expect(value(`lag_measured_timestamp_seconds{source="consumer-group",${app}}`)).toBeGreaterThan(
      Date.now() / 1000 - 30,
    );
    // (A measure may have failed at start: on a new broker the consumer, which starts in the
    // background, may not have made the Registry's topic yet. That is what the counter is for.)
  });

  it('stops the consumer, the relay and the runners and closes its connections on shutdown', async () => {
    const infrastructure = app.get(FundingInfrastructure);
    const started = Date.now();
    await app.close();
    closed = true;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(infrastructure.relay.relay.metrics().published).toBeGreaterThanOrEqual(3);
    // The shared topic holds the poison messages of earlier runs too: a new group meets them all.
    expect(infrastructure.consumer.metrics().deadLettered).toBeGreaterThanOrEqual(1);
    expect(infrastructure.consumer.metrics().processed).toBeGreaterThanOrEqual(7);
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
  }, 40_000);
});
