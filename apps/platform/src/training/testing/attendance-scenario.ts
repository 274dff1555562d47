import { randomUUID } from 'node:crypto';
import { CommandActor } from '@tadamon/nest-kit';
import { REGISTRY_DEMO_IDS } from '@tadamon/registry';
import {
  checkInCodes,
  checkInKeysFromSecrets,
  Sitting,
  TRAINING_TRAINEES,
  TraineeDirectory,
  TrainingCommands,
} from '@tadamon/training';
import { loadEmbeddedConfig } from '../../embedded/embedded-config';
import { eventually, PlatformClient } from '../../registry/testing/platform-client';

export const SESSIONS = '/api/training/sessions';
export const CHECK_IN = '/api/training/check-in';
/** The demo trainees' persons: `trainee` (M&D's president), `trainee2` (Figuig's project manager). */
export const TRAINEE = REGISTRY_DEMO_IDS.contacts.migrationsEtDeveloppement;
export const TRAINEE2 = REGISTRY_DEMO_IDS.contacts.cooperativesFiguig;
/** A contact person of another association than the demo `association` account's. */
export const OTHER_TRAINEE = REGISTRY_DEMO_IDS.contacts.amdam;
export const TRAINER_ID = 'user-trainer';

const OFFICER: CommandActor = { id: 'user-officer', roles: ['officer'] };
const MINUTE = 60_000;
const at = (offsetMinutes: number) => new Date(Date.now() + offsetMinutes * MINUTE).toISOString();

export const newSessionId = (label: string) => `session-${label}-${randomUUID().slice(0, 8)}`;

/**
 * `running`: a sitting yesterday (`past`), one that started 10 minutes ago (`now`, a check-in is late)
 * and one starting in 25 minutes (`next`, its window open: a check-in is present). `ended`: two
 * sittings in the past, for closing.
 */
export type SessionShape = 'running' | 'ended';

export interface ScenarioSession {
  sessionId: string;
  sittings: Record<string, Sitting>;
}

/**
 * Sessions with confirmed trainees, set up through the running platform's TrainingCommands (the
 * schedule and enrolment endpoints are another slice's), around the real clock.
 */
export class AttendanceScenario {
  readonly commands: TrainingCommands;
  private readonly trainees: TraineeDirectory;

  constructor(private readonly client: PlatformClient) {
    this.commands = client.app.get(TrainingCommands);
    this.trainees = client.app.get<symbol, TraineeDirectory>(TRAINING_TRAINEES);
  }

  async session(
    shape: SessionShape,
    trainees: readonly string[] = [TRAINEE],
    options: { trainers?: string[]; minAttendancePercent?: number } = {},
  ): Promise<ScenarioSession> {
    const sessionId = newSessionId(shape);
    const sittings: Record<string, Sitting> =
      shape === 'running'
        ? {
            past: { sittingId: 'past', startsAt: at(-26 * 60), endsAt: at(-24 * 60) },
            now: { sittingId: 'now', startsAt: at(-10), endsAt: at(20) },
            next: { sittingId: 'next', startsAt: at(25), endsAt: at(85) },
          }
        : {
            first: { sittingId: 'first', startsAt: at(-50 * 60), endsAt: at(-48 * 60) },
            second: { sittingId: 'second', startsAt: at(-26 * 60), endsAt: at(-24 * 60) },
          };
    await this.commands.execute(
      'session',
      sessionId,
      {
        type: 'ScheduleSession',
        data: {
          sessionId,
          moduleId: 'module-gp-101',
          language: 'fr',
          timezone: 'Africa/Casablanca',
          place: { mode: 'in-person', city: 'Agadir', country: 'MA' },
          sittings: Object.values(sittings),
          trainers: options.trainers ?? [TRAINER_ID],
          capacity: 20,
          completionRule: {
            minAttendancePercent: options.minAttendancePercent ?? 50,
            feedbackRequired: true,
          },
        },
      },
      OFFICER,
    );
    await this.commands.execute(
      'session',
      sessionId,
      { type: 'OpenEnrolment', data: { sessionId } },
      OFFICER,
    );
    for (const traineeId of trainees) await this.enrol(sessionId, traineeId);
    return { sessionId, sittings };
  }

  /** A confirmed seat, on the Registry's facts (an unverified association is refused: the test says so). */
  async enrol(sessionId: string, traineeId: string): Promise<void> {
    const standing = await this.trainees.standing(traineeId);
    if (!standing) throw new Error(`${traineeId} is no contact person of the Registry demo`);
    const outcome = await this.commands.execute(
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
      OFFICER,
    );
    if (!outcome.events.includes('EnrolmentConfirmed')) throw new Error(`${traineeId} got no seat`);
  }

  async associationOf(traineeId: string): Promise<string> {
    const standing = await this.trainees.standing(traineeId);
    if (!standing) throw new Error(`${traineeId} is unknown`);
    return standing.associationId;
  }

  /** A code signed with the platform's own keys as its screen would show it at `now` (a past step: expired). */
  codeAt(sessionId: string, sitting: Sitting, now: string, stepSeconds = 60): string {
    const { checkInSecret } = loadEmbeddedConfig(process.env, this.client.dataDir);
    return checkInCodes(checkInKeysFromSecrets(checkInSecret), { stepSeconds }).issueCheckInCode(
      {
        sessionId,
        sittingId: sitting.sittingId,
        sittingStartsAt: sitting.startsAt,
        sittingEndsAt: sitting.endsAt,
      },
      now,
    ).code;
  }

  /** The session's stream length: a refused request appends nothing. */
  async revision(sessionId: string): Promise<number> {
    return (await this.commands.load('session', sessionId))?.revision ?? -1;
  }
}

export const sittingPath = (sessionId: string, sittingId: string) =>
  `${SESSIONS}/${encodeURIComponent(sessionId)}/sittings/${encodeURIComponent(sittingId)}`;

/**
 * For the API contract: a running session whose sitting `now` has its check-in window open, with the
 * demo trainee confirmed and on the roster, as {sessionId} and {sittingId}.
 */
export async function seedAttendanceExamples(
  client: PlatformClient,
  parameters: Record<string, string>,
): Promise<void> {
  const { sessionId } = await new AttendanceScenario(client).session('running', [TRAINEE]);
  await eventually(
    () => client.get('trainee', `${SESSIONS}/${sessionId}/attendance/mine`),
    (reply) => reply.status === 200,
    'the demo trainee on the roster',
  );
  parameters.sessionId = sessionId;
  parameters.sittingId = 'now';
}
