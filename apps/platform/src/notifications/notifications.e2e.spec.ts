import { NotificationDoc, NOTIFICATIONS } from '@tadamon/notifications';
import { DocumentStore } from '@tadamon/read-store';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_STORE } from '../embedded/embedded.module';
import { FundingScenario, MD } from '../funding/testing/funding-scenario';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';

// Seeding the demo users hashes thirteen passwords with scrypt; the spec restarts the platform once.
jest.setTimeout(120_000);

const N = '/api/notifications';

describe('Notifications on the embedded platform: an award told once, in the reader’s language, with proof', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  beforeAll(async () => {
    client = await PlatformClient.start('notifications');
    scenario = new FundingScenario(client);
    await scenario.ready();
  }, 90_000);
  afterAll(async () => {
    await client?.close();
  });

  const outbox = () => join(client.dataDir, 'outbox');
  const emlFiles = () =>
    existsSync(outbox()) ? readdirSync(outbox()).filter((f) => f.endsWith('.eml')) : [];
  const docs = (filter: Record<string, unknown>) =>
    client.app.get<DocumentStore>(DOCUMENT_STORE).collection<NotificationDoc>(NOTIFICATIONS).find(filter);
  const proof = async (subjectId: string): Promise<Json[]> =>
    (await client.get('officer', `${N}/proof?subjectId=${encodeURIComponent(subjectId)}&pageSize=100`)).body
      .items;
  const ended = (items: Json[]) =>
    items.every((n: Json) => ['delivered', 'skipped', 'failed'].includes(n.status));

  it('tells the association of its award by email (the outbox) and in its users’ inbox, and proves it', async () => {
    const { callId } = await scenario.publishedCall();
    const applicationId = await scenario.awarded('association', callId);

    const told = await eventually(
      () => proof(applicationId),
      (items) => items.some((n: Json) => n.trigger === 'grant-awarded') && ended(items),
      `the notices of ${applicationId}`,
      20_000,
    );
    const awarded = told.filter((n: Json) => n.trigger === 'grant-awarded');
    const email = awarded.find((n: Json) => n.channel === 'email');
    const inApp = awarded.find((n: Json) => n.channel === 'in-app');
    expect(email).toMatchObject({
      status: 'delivered',
      organisationId: MD,
      recipient: { kind: 'contact-person', organisationId: MD },
      language: 'fr',
      fallbackFrom: null,
      templateId: 'grant-awarded',
      templateVersion: expect.any(Number),
      attempts: 1,
    });
    expect(inApp).toMatchObject({ status: 'delivered', recipient: { kind: 'user' } });
    // Received, eligible and awarded: every step of the application, each told once per channel.
    expect(new Set(told.map((n: Json) => n.trigger))).toEqual(
      new Set(['application-received', 'application-eligible', 'grant-awarded']),
    );
    expect(new Set(told.map((n: Json) => n.notificationId)).size).toBe(told.length);

    const eml = readFileSync(join(outbox(), `${email.notificationId}.eml`), 'utf8');
    expect(eml).toMatch(new RegExp(`^Message-ID: <${email.notificationId}@tadamon\\.local>`, 'mi'));
    expect(eml).toMatch(/^To: .*president@md\.example\.org/im);
    expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);

    const log = await client.get('officer', `${N}/${email.notificationId}`);
    expect(log.status).toBe(200);
    expect(log.body.log.map((e: Json) => e.type)).toEqual([
      'NotificationRequested',
      'NotificationRendered',
      'DeliveryAttemptStarted',
      'NotificationDelivered',
    ]);
    expect(log.body.log[0].data.source).toMatchObject({ context: 'funding', eventType: 'GrantAwarded' });
    // No personal data in the log: the person is named by their id, never their address.
    expect(JSON.stringify(log.body.log)).not.toContain('md.example.org');
  });

  it('tells the associations a new call is for (its regions, sectors, host countries), and only them', async () => {
    const { callId } = await scenario.publishedCall();
    const told = await eventually(
      () => proof(callId),
      (items) => items.length > 0 && ended(items),
      `the call-matching notices of ${callId}`,
      20_000,
    );
    expect(new Set(told.map((n: Json) => n.trigger))).toEqual(new Set(['call-matching']));
    const organisations = new Set(told.map((n: Json) => n.organisationId));
    // M&D (FR, Souss-Massa, water supply) is one; every one told is a public association the call fits.
    expect(organisations).toContain(MD);
    const registry = client.app.get<DocumentStore>(DOCUMENT_STORE).collection('association_directory');
    for (const id of organisations) {
      const association = await registry.get(id as string);
      expect(association).toMatchObject({ public: true });
      expect((association?.sectors as string[]).some((s) => ['14030', '31120', '31194'].includes(s))).toBe(
        true,
      );
      expect((association?.hostCountries as string[]).some((c) => ['FR', 'BE', 'ES'].includes(c))).toBe(true);
    }
    const email = told.find((n: Json) => n.organisationId === MD && n.channel === 'email');
    const eml = readFileSync(join(outbox(), `${email.notificationId}.eml`), 'utf8');
    expect(eml).toMatch(/^Content-Language: fr$/m);
  });

  it('names a matched regional need by the title it was published with', async () => {
    const matched = await eventually(
      () => docs({ trigger: 'need-matching', status: 'delivered' }),
      (found) => found.length > 0,
      'a delivered need-matching notice of the demo',
      15_000,
    );
    for (const notice of matched) expect(notice.subject).toMatch(/« \S.*\S »|“\S.*\S”|«\S.*\S»/);
  });

  it('keeps each association’s proof and inbox to itself', async () => {
    const mine = await client.get('association', `${N}/proof?pageSize=100`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((n: Json) => n.organisationId === MD)).toBe(true);
    const other = await client.get('association', `${N}/proof?organisationId=assoc-other`);
    expect(other.body).toMatchObject({ items: [], total: 0 });
    const someone = (await docs({ organisationId: { $ne: MD } }))[0];
    expect(someone).toBeDefined();
    expect((await client.get('association', `${N}/${someone.notificationId}`)).status).toBe(404);
    expect((await client.get('anonymous', `${N}/proof`)).status).toBe(401);
  });

  it('counts the unread in-app notices and marks one read for its recipient only', async () => {
    const inbox = await client.get('association', `${N}/inbox`);
    expect(inbox.status).toBe(200);
    expect(inbox.body.unread).toBeGreaterThan(0);
    const first = inbox.body.items[0];
    expect((await client.post('officer', `${N}/${first.notificationId}/read`, {})).status).toBe(404);
    const read = await client.post('association', `${N}/${first.notificationId}/read`, {});
    expect(read.status).toBe(200);
    const after = await eventually(
      () => client.get('association', `${N}/inbox`),
      (reply) => reply.body.unread === inbox.body.unread - 1,
      'one fewer unread',
    );
    expect(after.body.items.find((n: Json) => n.notificationId === first.notificationId).readAt).toEqual(
      expect.any(String),
    );
  });

  it('tells a trainee nothing of its association’s news, and lets it reach only its own and its person’s preferences', async () => {
    const toldInApp = await docs({ organisationId: MD, channel: 'in-app' });
    expect(toldInApp.length).toBeGreaterThan(0);
    expect(toldInApp.map((n) => n.recipient.id)).not.toContain('user-trainee');
    const inbox = await client.get('trainee', `${N}/inbox`);
    expect(inbox).toMatchObject({ status: 200, body: { total: 0, unread: 0 } });
    for (const own of ['user-trainee', 'person-demo-md-president'])
      expect((await client.get('trainee', `${N}/preferences/${own}`)).status).toBe(200);
    for (const theirs of [MD, 'user-association'])
      expect((await client.get('trainee', `${N}/preferences/${theirs}`)).status).toBe(404);
    expect((await client.get('trainee', `${N}/proof`)).status).toBe(403);
  });

  it('skips, with the reason, a contact person who gave no consent to programme communications', async () => {
    const skipped = await docs({ channel: 'email', status: 'skipped' });
    expect(skipped.map((n) => n.skipReason)).toContain('no-consent');
  });

  it('notifies nobody twice after a restart: the same notifications, the same outbox files', async () => {
    const before = (await docs({})).length;
    const files = emlFiles().sort();
    client = await client.restart();
    await client.settled();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await docs({})).length).toBe(before);
    expect(emlFiles().sort()).toEqual(files);
  });
});
