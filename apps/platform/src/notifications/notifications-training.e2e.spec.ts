import { OnContextEvents, ReminderProcess, SubjectNotYetKnown } from '@tadamon/notifications';
import { PersonalDataCipher } from '@tadamon/personal-data';
import { TRAINING_SYSTEM_ACTOR, TrainingCommands } from '@tadamon/training';
import { PERSONAL_DATA } from '../embedded/embedded.module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MD } from '../funding/testing/funding-scenario';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';

// Seeding the demo users hashes their passwords with scrypt.
jest.setTimeout(120_000);

const N = '/api/notifications';
const TRAINEE = 'person-demo-md-president';
const OFFICER = { id: 'user-officer', roles: ['officer'] };
const moduleId = 'gov-101-notices';
const sessionId = 'gov-101-oujda-notices';
const certificateId = 'cert-gov-101-notices';
const startsAt = '2027-04-12T08:30:00.000Z';

/** The body of an outbox .eml as read: quoted-printable soft breaks and escapes undone. */
const readEml = (file: string): string =>
  Buffer.from(
    readFileSync(file, 'utf8')
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

describe('Notifications tells trainees about Training on the embedded platform', () => {
  let client: PlatformClient;
  let training: TrainingCommands;
  beforeAll(async () => {
    client = await PlatformClient.start('notifications-training', {
      demoData: 'registry',
      // The reminder's pass is driven by the test, at the instants it chooses.
      notifications: { reminderIntervalMs: 0 },
    });
    training = client.app.get(TrainingCommands);
  }, 90_000);
  afterAll(async () => {
    await client?.close();
  });

  const proof = async (subjectId: string): Promise<Json[]> =>
    (await client.get('officer', `${N}/proof?subjectId=${encodeURIComponent(subjectId)}&pageSize=100`)).body
      .items;
  const told = (subjectId: string, trigger: string, count: number) =>
    eventually(
      () => proof(subjectId),
      (items) =>
        items.filter((n: Json) => n.trigger === trigger).length === count &&
        items.every((n: Json) => ['delivered', 'skipped', 'failed'].includes(n.status)),
      `${count} ${trigger} notice(s) about ${subjectId}`,
      20_000,
    );
  const eml = (notificationId: string): string => {
    const file = join(client.dataDir, 'outbox', `${notificationId}.eml`);
    expect(existsSync(file)).toBe(true);
    return readEml(file);
  };

  it('tells the trainee a confirmed seat by email, in their language, with the session’s date, clock and place', async () => {
    await training.execute(
      'module',
      moduleId,
      {
        type: 'DefineModule',
        data: {
          moduleId,
          code: 'GOV-101',
          title: { fr: 'Gouvernance associative', ar: 'الحكامة الجمعوية', en: 'Association governance' },
          description: { fr: 'Tenir une assemblée générale et ses comptes.' },
          durationMinutes: 240,
          competences: [{ fr: 'Tenir une assemblée générale' }],
          languages: ['fr'],
          theme: 'governance',
        },
      },
      OFFICER,
    );
    await training.execute(
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
          sittings: [{ sittingId: 'day-1', startsAt, endsAt: '2027-04-12T12:30:00.000Z' }],
          trainers: ['user-trainer'],
          capacity: 10,
        },
      },
      OFFICER,
    );
    await training.execute('session', sessionId, { type: 'OpenEnrolment', data: { sessionId } }, OFFICER);
    await training.execute(
      'session',
      sessionId,
      {
        type: 'RequestEnrolment',
        data: {
          sessionId,
          traineeId: TRAINEE,
          associationId: MD,
          eligibility: { associationVerified: true, contactOfAssociation: true },
        },
      },
      OFFICER,
    );

    const items = await told(sessionId, 'enrolment-confirmed', 2);
    const email = items.find((n: Json) => n.channel === 'email');
    expect(email).toMatchObject({
      status: 'delivered',
      organisationId: MD,
      recipient: { kind: 'contact-person', id: TRAINEE, organisationId: MD },
      language: 'fr',
      templateId: 'enrolment-confirmed',
      templateVersion: 2,
    });
    // The association's account is told in-app; none of its other contact persons is told.
    expect(items.filter((n: Json) => n.channel === 'email')).toHaveLength(1);
    expect(items.find((n: Json) => n.channel === 'in-app')).toMatchObject({
      status: 'delivered',
      recipient: { kind: 'user', organisationId: MD },
    });

    const message = eml(email.notificationId);
    expect(message).toMatch(/^To: .*president@md\.example\.org/im);
    expect(message).toContain('Inscription confirmée à la formation « Gouvernance associative »');
    // 08:30 UTC is 09:30 on Morocco's clock (UTC+1), named so nobody mistakes it.
    expect(message.replace(/\s+/g, ' ')).toMatch(/12 avril 2027.*09:30/);
    expect(message).toContain('à Oujda (Maroc)');

    const log = await client.get('officer', `${N}/${email.notificationId}`);
    expect(log.body.log.map((e: Json) => e.type)).toEqual([
      'NotificationRequested',
      'NotificationRendered',
      'DeliveryAttemptStarted',
      'NotificationDelivered',
    ]);
    expect(log.body.log[0].data.source).toMatchObject({
      context: 'training',
      eventType: 'EnrolmentConfirmed',
    });
  });

  it('requests the reminder 24 hours before the first sitting, once, and delivers it', async () => {
    const reminders = client.app.get(ReminderProcess);
    const hoursBefore = (hours: number) => new Date(new Date(startsAt).getTime() - hours * 3_600_000);

    expect(await reminders.pass(hoursBefore(25))).toEqual([]);
    const requested = await reminders.pass(hoursBefore(23));
    expect(requested).toHaveLength(1);
    expect(await reminders.pass(hoursBefore(23))).toEqual([]);
    expect(await reminders.pass(hoursBefore(1))).toEqual([]);

    const items = await told(sessionId, 'session-reminder', 1);
    const [reminder] = items.filter((n: Json) => n.trigger === 'session-reminder');
    expect(reminder).toMatchObject({
      notificationId: requested[0],
      status: 'delivered',
      channel: 'email',
      recipient: { kind: 'contact-person', id: TRAINEE },
      language: 'fr',
    });
    const message = eml(reminder.notificationId);
    expect(message).toContain('Rappel : la formation « Gouvernance associative » commence demain');
    expect(message).toContain('à Oujda (Maroc)');
  });

  it('retries, never sends untitled, a confirmed seat whose session and module it has not learnt yet', async () => {
    const policy = client.app.get(OnContextEvents);
    await expect(
      policy.handle({
        eventId: '0b6f3c1e-7a4d-5e2f-8c9b-000000000017',
        type: 'EnrolmentConfirmed',
        schemaVersion: 1,
        context: 'training',
        streamId: 'trainingSession-session-not-known',
        globalPosition: 1,
        occurredAt: new Date().toISOString(),
        correlationId: 'c',
        causationId: 'c',
        data: {
          sessionId: 'session-not-known',
          traineeId: TRAINEE,
          associationId: MD,
          promotedFromWaitingList: false,
          at: new Date().toISOString(),
        },
      }),
    ).rejects.toThrow(SubjectNotYetKnown);
    expect((await proof('session-not-known')).length).toBe(0);
  });

  it('tells the trainee a certificate issued, with its page and its public verification page', async () => {
    // The credential itself is Training's concern: a stand-in, sealed under the trainee's key as Training seals it.
    const { subjectId: _subject, ...sealedCredential } = await client.app
      .get<PersonalDataCipher>(PERSONAL_DATA)
      .seal(TRAINEE, { stand: 'in' });
    await training.execute(
      'certificate',
      certificateId,
      {
        type: 'IssueCertificate',
        data: {
          certificateId,
          traineeId: TRAINEE,
          associationId: MD,
          sessionId,
          moduleId,
          achievement: { fr: 'Gouvernance associative' },
          // Training refuses a completion in the future: the certificate is issued as of today.
          completedOn: new Date().toISOString().slice(0, 10),
          statusListId: 'status-list-notices',
          statusListIndex: 7,
          credentialSha256: 'ab'.repeat(32),
          formats: ['ldp', 'jwt'],
          validFrom: new Date().toISOString(),
          sealedCredential,
        },
      },
      TRAINING_SYSTEM_ACTOR,
    );
    const items = await told(certificateId, 'certificate-issued', 2);
    const email = items.find((n: Json) => n.channel === 'email');
    expect(email).toMatchObject({
      status: 'delivered',
      recipient: { kind: 'contact-person', id: TRAINEE, organisationId: MD },
      templateId: 'certificate-issued',
      language: 'fr',
    });
    expect(items.find((n: Json) => n.channel === 'in-app')).toMatchObject({ status: 'delivered' });
    const message = eml(email.notificationId);
    expect(message).toContain('Attestation de la formation « Gouvernance associative »');
    expect(message).toMatch(new RegExp(`https?://[^\\s"]+/training/certificates/${certificateId}`));
    expect(message).toMatch(new RegExp(`https?://[^\\s"]+/verify/${certificateId}`));
  });
});
