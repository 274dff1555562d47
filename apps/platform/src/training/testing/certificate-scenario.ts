import { REGISTRY_DEMO_IDS, REGISTRY_DEMO_CONTACTS } from '@tadamon/registry';
import { CertificateIssuanceProcess, certificateIdFor, TrainingCommands } from '@tadamon/training';
import { CommandActor } from '@tadamon/nest-kit';
import { PlatformClient } from '../../registry/testing/platform-client';

const OFFICER: CommandActor = { id: 'user-officer', roles: ['officer'] };
const DAY = 86_400_000;

/** The demo trainees (Registry contact persons) and their associations. */
export const MD = REGISTRY_DEMO_IDS.associations.migrationsEtDeveloppement;
export const FIGUIG = REGISTRY_DEMO_IDS.associations.cooperativesFiguig;
export const TRAINEE = { traineeId: REGISTRY_DEMO_IDS.contacts.migrationsEtDeveloppement, associationId: MD };
export const TRAINEE2 = { traineeId: REGISTRY_DEMO_IDS.contacts.cooperativesFiguig, associationId: FIGUIG };

/**
 * Sessions held last week and closed, through TrainingCommands got from the running platform (the
 * catalogue and session endpoints are another part's): a module, one four-hour sitting, the
 * trainees enrolled and present, then CloseSession. Issuance is left to the caller: the close
 * endpoint's `issueFor`, or the pass.
 */
export class CertificateScenario {
  private count = 0;
  readonly commands: TrainingCommands;
  readonly issuance: CertificateIssuanceProcess;

  constructor(private readonly client: PlatformClient) {
    this.commands = client.app.get(TrainingCommands);
    this.issuance = client.app.get(CertificateIssuanceProcess);
  }

  /** A closed session whose trainees all completed; returns its id and their certificate ids. */
  async closedSession(trainees: { traineeId: string; associationId: string }[]) {
    const n = ++this.count;
    const moduleId = `gp-cert-${n}-${Date.now().toString(36)}`;
    const sessionId = `${moduleId}-agadir`;
    const start = new Date(Date.now() - 8 * DAY);
    start.setUTCHours(8, 0, 0, 0);
    const at = (ms: number) => new Date(start.getTime() + ms).toISOString();
    const run = (aggregate: 'module' | 'session', id: string, type: string, data: object, now: string) =>
      this.commands.execute(aggregate, id, { type, data } as never, OFFICER, { now });

    await run(
      'module',
      moduleId,
      'DefineModule',
      {
        moduleId,
        code: `GP-${100 + n}`,
        title: {
          fr: 'Gestion de projet associatif',
          ar: 'تدبير المشاريع الجمعوية',
          en: 'Managing an association’s project',
        },
        description: {
          fr: 'Du besoin au rapport final',
          ar: 'من الحاجة إلى التقرير النهائي',
          en: 'From the need to the final report',
        },
        durationMinutes: 240,
        competences: ['PM-PLAN'],
        languages: ['fr', 'ar'],
        theme: 'project-management',
      },
      at(-3 * DAY),
    );
    await run(
      'session',
      sessionId,
      'ScheduleSession',
      {
        sessionId,
        moduleId,
        language: 'fr',
        timezone: 'Africa/Casablanca',
        place: { mode: 'in-person', city: 'Agadir', country: 'MA' },
        sittings: [{ sittingId: 'day-1', startsAt: at(0), endsAt: at(4 * 3_600_000) }],
        trainers: ['user-trainer'],
        capacity: 10,
        completionRule: { minAttendancePercent: 80, feedbackRequired: false },
      },
      at(-3 * DAY),
    );
    await run('session', sessionId, 'OpenEnrolment', { sessionId }, at(-2 * DAY));
    for (const { traineeId, associationId } of trainees)
      await run(
        'session',
        sessionId,
        'RequestEnrolment',
        {
          sessionId,
          traineeId,
          associationId,
          eligibility: { associationVerified: true, contactOfAssociation: true },
        },
        at(-2 * DAY),
      );
    for (const { traineeId } of trainees)
      await run(
        'session',
        sessionId,
        'MarkAttendance',
        { sessionId, sittingId: 'day-1', traineeId, status: 'present' },
        at(3_600_000),
      );
    await run('session', sessionId, 'CloseSession', { sessionId }, at(5 * 3_600_000));
    return {
      sessionId,
      moduleId,
      closedAt: at(5 * 3_600_000),
      certificateIds: trainees.map((t) => certificateIdFor(sessionId, t.traineeId)),
    };
  }

  /** The trainee's name as the Registry's demo data holds it. */
  static nameOf(traineeId: string): string {
    const contact = REGISTRY_DEMO_CONTACTS.find((c) => c.subjectId === traineeId);
    return contact?.card.fullName ?? '';
  }
}

/** A certificate of the demo trainee and its status list, for the API contract's path parameters. */
export async function seedCertificateExamples(
  client: PlatformClient,
  parameters: Record<string, string>,
): Promise<void> {
  const scenario = new CertificateScenario(client);
  const { sessionId, certificateIds } = await scenario.closedSession([TRAINEE]);
  await scenario.issuance.issueFor(sessionId);
  const loaded = await scenario.commands.load('certificate', certificateIds[0]);
  if (!loaded || loaded.state.status === 'none') throw new Error('the example certificate was not issued');
  parameters.certificateId = certificateIds[0];
  parameters.statusListId = loaded.state.issuance.statusListId;
  parameters.purpose = 'revocation';
}
