import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IntegrationEvent, notificationsPublication } from '@tadamon/contracts';
import { PersonalDataCipher, PostgresKeyStore } from '@tadamon/personal-data';
import {
  APP_START_TIMEOUT_MS,
  APP_STOP_TIMEOUT_MS,
  MailpitClient,
  TopicReader,
  callJson,
  createTestDatabase,
  dropTestDatabase,
  requireMailpit,
  requireServer,
  signTestToken,
  smtpUrl,
  until,
} from '@tadamon/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { createNotificationsApp } from './create-notifications-app';
import { NotificationsInfrastructure } from './infrastructure/notifications-infrastructure';
import { ContextTopics } from './testing/context-topics';

// The Notifications service against the real local Kafka, PostgreSQL, FerretDB and Mailpit: a
// database and consumer groups of its own per run; the topics and Mailpit are shared, so messages
// are told apart by this run's ids and recipient domain (nothing of others' mail is deleted).

const run = randomBytes(4).toString('hex');
const database = `notifications_e2e_${run}`;
const group = `tadamon.notifications.e2e-${run}`;
const secret = randomBytes(32).toString('base64url');
const masterKey = randomBytes(32).toString('base64');
const recipientDomain = `ntf-${run}.example.org`;
const mailDomain = `mail.ntf-${run}.example.org`;
const associationId = `assoc-ntf-${run}`;
const applicationId = `app-ntf-${run}`;
const people = [
  { subjectId: `person-fr-${run}`, fullName: 'Yasmine Alaoui', language: 'fr' },
  { subjectId: `person-ar-${run}`, fullName: 'يوسف بنعلي', language: 'ar' },
].map((p) => ({ ...p, email: `${p.language}.${run}@${recipientDomain}` }));

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

describe('the Notifications service (distributed profile) on Kafka, PostgreSQL, FerretDB and Mailpit', () => {
  const postgresUrl = new URL(requireServer('postgres'));
  const mongoUrl = requireServer('mongo');
  const brokers = requireServer('kafka').split(',');
  const kafka = new Kafka({ clientId: `notifications-e2e-${run}`, brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  const topics = new ContextTopics(producer);
  const received: Received[] = [];
  let receiver: Server | undefined;
  let receiverUrl: string;
  let app: NestFastifyApplication;
  let closed = false;
  let base: string;
  let mailpit: MailpitClient;
  let topic: TopicReader;
  let registryKeys: PostgresKeyStore;
  let registryCipher: PersonalDataCipher;
  let sql: Client;
  let databaseUrl: string;

  beforeAll(async () => {
    mailpit = await requireMailpit();
    databaseUrl = await createTestDatabase(postgresUrl.href, database);
    // The partner's receiver: keeps the raw body and headers, answers 204.
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver?.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tadamon/webhooks`;
    app = await createNotificationsApp({
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
        SMTP_URL: smtpUrl(),
        TADAMON_MAIL_DOMAIN: mailDomain,
        TADAMON_PUBLIC_URL: 'https://tadamon.example.org',
        // The partner's receiver listens on this machine, which a deployed service refuses.
        TADAMON_WEBHOOK_ALLOW_PRIVATE: 'true',
      },
    });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    const infrastructure = app.get(NotificationsInfrastructure);
    await Promise.all([infrastructure.consumer.whenJoined(), infrastructure.directoryConsumer.whenJoined()]);
    await producer.connect();
    // The Registry's key store: the same database tables and master key as the service reads.
    registryKeys = await PostgresKeyStore.connect(databaseUrl);
    registryCipher = new PersonalDataCipher(registryKeys, masterKey);
    topic = await TopicReader.start(brokers, notificationsPublication.topic, `${group}-reader`);
    sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    if (!closed) await app?.close();
    await topic?.stop();
    await producer.disconnect();
    await registryKeys?.close();
    await sql?.end();
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
    await dropTestDatabase(postgresUrl.href, database);
  }, APP_STOP_TIMEOUT_MS);

  const officer = () => signTestToken(secret, ['officer'], {}, 'officer-e2e');
  const partner = () => signTestToken(secret, ['partner'], { org: associationId }, `partner-${run}`);
  const call = async (method: string, path: string, body?: unknown, token?: string) =>
    callJson(base, method, path, body, token ?? (await officer()));
  const ourMail = () => mailpit.search(`to:"@${recipientDomain}"`);
  type ProofItem = {
    notificationId: string;
    channel: string;
    status: string;
    recipient: { kind: string; id: string };
  };
  const proof = async (): Promise<ProofItem[]> =>
    (await call('GET', `/api/notifications/proof?organisationId=${associationId}&pageSize=100`)).body
      .items as ProofItem[];

  let webhookSecret: string;
  let award: IntegrationEvent;

  it('knows the association and its contact persons from the Registry’s topics, cards sealed', async () => {
    const events: IntegrationEvent[] = [
      topics.associationRegistered(associationId, { fr: `Association e2e ${run}`, ar: `جمعية ${run}` }),
    ];
    for (const person of people) {
      const card = await registryCipher.seal(person.subjectId, {
        fullName: person.fullName,
        email: person.email,
        preferredLanguage: person.language,
      });
      events.push(topics.contactPersonAdded(associationId, card), topics.consentGiven(person.subjectId));
    }
    await topics.send(...events);
    const directory = app.get(NotificationsInfrastructure).recipients;
    // Two topics, each read from its beginning: the names and the people arrive in no set order.
    await until(
      async () =>
        (await directory.contactsOf(associationId)).filter((c) => c.consented).length === 2 &&
        (await directory.organisationNames(associationId)) !== undefined,
      'both contact persons, consenting, and the association’s names in the directory',
    );
    expect(await directory.organisationNames(associationId)).toEqual({
      fr: `Association e2e ${run}`,
      ar: `جمعية ${run}`,
    });
    // The directory keeps the card sealed: no plaintext in the service's database.
    const rows = JSON.stringify(
      (await sql.query('SELECT * FROM tadamon_notifications.contact_persons')).rows,
    );
    expect(rows).toContain(people[0].subjectId);
    for (const person of people) expect(rows).not.toContain(person.email);
  }, 30_000);

  it('registers a partner’s webhook endpoint over HTTP, the secret shown once', async () => {
    const registered = await call(
      'POST',
      '/api/notifications/webhook-endpoints',
      { url: receiverUrl, description: `e2e ${run}`, triggers: ['grant-awarded'] },
      await partner(),
    );
    expect(registered.status).toBe(201);
    webhookSecret = registered.body.secret as string;
    expect(webhookSecret).toMatch(/^whsec_/);
    await until(
      async () =>
        (
          (await call('GET', '/api/notifications/webhook-endpoints', undefined, await partner())).body
            .items as unknown[]
        ).length === 1,
      'the endpoint in the read model',
    );
  });

  it('tells each contact person of the award once by email in their language, and the endpoint once, signed', async () => {
    // A new group reads the shared topics from their beginning (earlier runs' awards, others'
    // events): caught up first, so the figure below is this award's alone.
    const catchingUp = Date.now();
    const { policyGroup } = app.get(NotificationsInfrastructure);
    await until(async () => (await policyGroup.lag()) === 0, 'the policy’s group caught up', 60_000);
    console.log(`the policy's group caught up with the shared topics in ${Date.now() - catchingUp} ms`);
    award = topics.grantAwarded(applicationId, associationId);
    const producedAt = Date.now();
    await topics.send(award);
    await until(async () => (await ourMail()).length >= 2, 'two emails in Mailpit', 30_000);
    const emailMs = Date.now() - producedAt;
    await until(() => received.length >= 1, 'the webhook at the receiver', 30_000);
    const webhookMs = Date.now() - producedAt;
    console.log(
      `GrantAwarded produced -> 2 emails in Mailpit: ${emailMs} ms; -> webhook received: ${webhookMs} ms`,
    );

    const mail = await ourMail();
    expect(mail).toHaveLength(2);
    for (const person of people) {
      const [summary] = mail.filter((m) => m.To.some((to) => to.Address === person.email));
      expect(summary).toBeDefined();
      expect(summary.MessageID).toMatch(new RegExp(`^ntf-[0-9a-f]{40}@${mailDomain.replace(/\./g, '\\.')}$`));
      const message = await mailpit.byMessageId(summary.MessageID);
      if (person.language === 'fr') {
        expect(message.Subject).toBe(`Subvention accordée, candidature ${applicationId}`);
        expect(message.HTML).not.toContain('dir="rtl"');
      } else {
        expect(message.Subject).toBe(`منح الدعم، الترشيح ${applicationId}`);
        expect(message.HTML).toContain('dir="rtl"');
      }
    }

    expect(received).toHaveLength(1);
    const [hook] = received;
    const payload = new Webhook(webhookSecret).verify(hook.body, {
      'webhook-id': String(hook.headers['webhook-id']),
      'webhook-timestamp': String(hook.headers['webhook-timestamp']),
      'webhook-signature': String(hook.headers['webhook-signature']),
    }) as { type: string; data: { organisationId: string; subjectId: string } };
    expect(payload).toMatchObject({
      type: 'grant-awarded',
      data: { organisationId: associationId, subjectId: applicationId },
    });
    expect(() =>
      new Webhook(`whsec_${randomBytes(32).toString('base64')}`).verify(hook.body, {
        'webhook-id': String(hook.headers['webhook-id']),
        'webhook-timestamp': String(hook.headers['webhook-timestamp']),
        'webhook-signature': String(hook.headers['webhook-signature']),
      }),
    ).toThrow();
  }, 120_000);

  it('proves the notices delivered, and publishes NotificationDelivered with public facts only', async () => {
    let items: ProofItem[] = [];
    await until(async () => {
      items = await proof();
      return items.length === 3 && items.every((n) => n.status === 'delivered');
    }, 'three notices delivered in the proof of notice');
    expect(items.map((n) => n.channel).sort()).toEqual(['email', 'email', 'webhook']);
    expect(
      items
        .filter((n) => n.channel === 'email')
        .map((n) => n.recipient.id)
        .sort(),
    ).toEqual(people.map((p) => p.subjectId).sort());

    const email = items.find((n) => n.channel === 'email') as ProofItem;
    const delivered = await topic.find('NotificationDelivered', 'notificationId', email.notificationId);
    expect(JSON.parse(delivered.value).data).toEqual({
      notificationId: email.notificationId,
      trigger: 'grant-awarded',
      channel: 'email',
      source: { context: 'funding', eventType: 'GrantAwarded', subjectId: applicationId },
      organisationId: associationId,
      at: expect.any(String),
      attempt: 1,
    });
    expect(delivered.key).toBe(`notification-${email.notificationId}`);
    const webhook = items.find((n) => n.channel === 'webhook') as ProofItem;
    await topic.find('NotificationDelivered', 'notificationId', webhook.notificationId);
    const published = topic.messages.map((m) => m.value).join('\n');
    for (const person of people) {
      expect(published).not.toContain(person.email);
      expect(published).not.toContain(person.fullName);
      expect(published).not.toContain(person.subjectId);
    }
  }, 30_000);

  it('takes the same Kafka message again as a duplicate: no new notification, no new email, no new webhook', async () => {
    const consumer = app.get(NotificationsInfrastructure).consumer;
    const before = consumer.metrics().duplicates;
    await topics.send(award);
    await until(() => consumer.metrics().duplicates > before, 'the redelivery counted a duplicate');
    // The dispatcher polls every second: give it two polls to do anything it would.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await ourMail()).toHaveLength(2);
    expect(received).toHaveLength(1);
    expect(await proof()).toHaveLength(3);
    // The topics are shared: earlier runs' awards are in them too, so count this association's.
    const { rows } = await sql.query<{ n: string }>(
      `SELECT count(*) AS n FROM tadamon_events.events
       WHERE type = 'NotificationRequested' AND data::jsonb -> 'recipient' ->> 'organisationId' = $1`,
      [associationId],
    );
    expect(Number(rows[0].n)).toBe(3);
  }, 30_000);

  it('tells a trainee their confirmed seat from Training’s topic, by email in their language, with the session’s facts', async () => {
    const [trainee] = people;
    const moduleId = `module-ntf-${run}`;
    const sessionId = `session-ntf-${run}`;
    // Training's events of one session share its stream (one partition): they arrive in order.
    await topics.send(
      topics.moduleDefined(moduleId, { fr: `Gouvernance associative ${run}` }),
      topics.sessionScheduled(sessionId, moduleId, '2027-04-12T08:30:00.000Z'),
      topics.enrolmentConfirmed(sessionId, trainee.subjectId, associationId),
    );
    const subject = `Inscription confirmée à la formation « Gouvernance associative ${run} »`;
    await until(
      async () => (await ourMail()).some((m) => m.Subject === subject),
      'the enrolment confirmed in Mailpit',
      60_000,
    );
    const mail = (await ourMail()).filter((m) => m.Subject === subject);
    expect(mail).toHaveLength(1);
    expect(mail[0].To.map((to) => to.Address)).toEqual([trainee.email]);
    const message = await mailpit.byMessageId(mail[0].MessageID);
    expect(message.Text.replace(/\s+/g, ' ')).toContain('12 avril 2027');
    expect(message.Text).toContain('à Oujda (Maroc)');
  }, 90_000);

  it('reports its dependencies in readiness and its consumers’ lags in /metrics, and stops within 5 s', async () => {
    const ready = await call('GET', '/health/ready', undefined, '');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual([
      { name: 'eventStore', status: 'up' },
      { name: 'readModels', status: 'up' },
      { name: 'kafkaRelay', status: 'up' },
      { name: 'consumer', status: 'up' },
      { name: 'directoryConsumer', status: 'up' },
      { name: 'keyStore', status: 'up' },
    ]);
    await app.get(NotificationsInfrastructure).refreshLagMetrics();
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^relay_lag_events\{relay="relay:notifications",app="notifications"\} \d+$/m);
    expect(metrics).toContain(`consumer_lag_messages{consumer="${group}"`);
    expect(metrics).toContain(`consumer_lag_messages{consumer="${group}.directory"`);

    const stopping = Date.now();
    closed = true;
    await app.close();
    const stopMs = Date.now() - stopping;
    console.log(`shutdown: ${stopMs} ms`);
    expect(stopMs).toBeLessThan(5_000);
  }, 30_000);
});
