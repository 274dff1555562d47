import { Body, Controller, Logger, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision, RecordedEvent } from '@tadamon/eventsourcing';
import {
  Actor,
  CommandEndpoint,
  commandResponse,
  CurrentActor,
  EmptyBody,
  ExpectedRevisionHeader,
  plainJson,
} from '@tadamon/nest-kit';
import { CertificateIssuance, IssuanceReport } from '../application/certificate-issuance';
import { TrainingCommands } from '../application/training-commands';
import { TraineeCompleted, TraineeNotCompleted } from '../domain/session/session-events';
import { SESSIONS_PATH } from './training-paths';
import { FeedbackDto, RemarkDto } from './dto/attendance.dto';
import { assertTrainerOrOfficer, loadSession } from './session-access';
import { traineeActor } from './training-actors';

const PROBLEMS = [400, 401, 403, 404, 409, 412, 429] as const;

export type TraineeOutcome =
  | ({ traineeId: string; completed: true } & Omit<TraineeCompleted['data'], 'sessionId' | 'traineeId'>)
  | ({ traineeId: string; completed: false } & Omit<TraineeNotCompleted['data'], 'sessionId' | 'traineeId'>);

/** Each confirmed trainee's outcome, as the closing recorded it (the same on a repeated close). */
const outcomesOf = (events: readonly RecordedEvent[]): TraineeOutcome[] =>
  events.flatMap((event): TraineeOutcome[] => {
    if (event.type === 'TraineeCompleted') {
      const { sessionId: _s, traineeId, ...figures } = event.data as TraineeCompleted['data'];
      return [{ traineeId, completed: true, ...figures }];
    }
    if (event.type === 'TraineeNotCompleted') {
      const { sessionId: _s, traineeId, ...rest } = event.data as TraineeNotCompleted['data'];
      return [{ traineeId, completed: false, ...rest }];
    }
    return [];
  });

/** What follows the sittings: the trainee's feedback, the trainer's remarks, held and closed. */
@ApiTags('training: completion')
@ApiBearerAuth()
@Controller(SESSIONS_PATH)
export class SessionCompletionController {
  private readonly logger = new Logger('SessionCompletion');

  constructor(
    private readonly commands: TrainingCommands,
    private readonly issuance: CertificateIssuance,
  ) {}

  @Post(':sessionId/feedback')
  @CommandEndpoint({
    roles: ['trainee'],
    summary:
      'Give feedback on a session, once, from the start of its first sitting: a rating 1 to 5 and an optional comment (the trainee, for themselves)',
    problems: [...PROBLEMS],
  })
  async feedback(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @Body() body: FeedbackDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const trainee = traineeActor(actor);
    await loadSession(this.commands, sessionId);
    const { rating, comment } = plainJson(body);
    const data = { sessionId, traineeId: trainee.id, rating, comment };
    return commandResponse(
      await this.commands.execute('session', sessionId, { type: 'GiveFeedback', data }, trainee, {
        expectedRevision,
      }),
    );
  }

  @Post(':sessionId/remarks')
  @CommandEndpoint({
    roles: ['trainer', 'officer'],
    summary: 'Record a remark on a confirmed trainee (a trainer of the session, or an officer)',
    problems: [...PROBLEMS],
  })
  async remark(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @Body() body: RemarkDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await loadSession(this.commands, sessionId);
    const { traineeId, remark } = plainJson(body);
    return commandResponse(
      await this.commands.execute(
        'session',
        sessionId,
        { type: 'RecordRemark', data: { sessionId, traineeId, remark } },
        actor,
        { expectedRevision },
      ),
    );
  }

  @Post(':sessionId/held')
  @CommandEndpoint({
    roles: ['trainer', 'officer'],
    summary:
      'Record that the session was held, once its last sitting ended (409 SESSION_NOT_ENDED before) (a trainer of the session, or an officer)',
    problems: [...PROBLEMS],
  })
  async held(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await loadSession(this.commands, sessionId);
    return commandResponse(
      await this.commands.execute(
        'session',
        sessionId,
        { type: 'MarkSessionHeld', data: { sessionId } },
        actor,
        {
          expectedRevision,
        },
      ),
    );
  }

  @Post(':sessionId/close')
  @CommandEndpoint({
    roles: ['trainer', 'officer'],
    summary:
      'Close the session after its last sitting: each confirmed trainee completed (with the attendance figures) or not (with the reasons and figures); a repeated close answers the same outcomes; the certificates of those who completed are issued at once (`certificates`: the issuance report, null when the next pass issues them) (a trainer of the session, or an officer)',
    problems: [...PROBLEMS],
  })
  async close(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    // A repeated close decides nothing and checks no one: the outcomes are for the session's own.
    assertTrainerOrOfficer(actor, await loadSession(this.commands, sessionId));
    const outcome = await this.commands.execute(
      'session',
      sessionId,
      { type: 'CloseSession', data: { sessionId } },
      actor,
      { expectedRevision },
    );
    const events = outcome.events.length
      ? outcome.recorded
      : ((await this.commands.load('session', sessionId))?.events ?? []);
    return commandResponse(outcome, {
      outcomes: outcomesOf(events),
      certificates: await this.certificatesFor(sessionId),
    });
  }

  /**
   * The certificates the closing owes, issued at once; if that fails the session is closed all the
   * same, and the issuance pass (at start and every minute) issues them: `null` says so.
   */
  private async certificatesFor(sessionId: string): Promise<IssuanceReport | null> {
    try {
      return await this.issuance.issueFor(sessionId);
    } catch (error) {
      this.logger.error(
        `certificates of ${sessionId}: ${(error as Error).message}; the next pass issues them`,
      );
      return null;
    }
  }
}
