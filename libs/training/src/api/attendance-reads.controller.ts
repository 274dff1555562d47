import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ApiProblems,
  ApiRecordResponse,
  CurrentActor,
  ProblemException,
  Roles,
} from '@tadamon/nest-kit';
import { Filter } from '@tadamon/read-store';
import { TrainingCommands } from '../application/training-commands';
import {
  TRAINING_READ_MODELS,
  TRAINING_TRAINEES,
  TraineeDirectory,
  TrainingReadModels,
} from '../application/training-ports';
import { Session } from '../domain/session/session-state';
import {
  AttendanceMarkDoc,
  FeedbackDoc,
  RosterLineDoc,
  TRAINING_ATTENDANCE_MARKS,
  TRAINING_FEEDBACK,
  TRAINING_ROSTER,
} from '../projections/session-roster';
import { feedbackSummary, rosterLineView, TraineeName } from '../projections/session-roster-view';
import { SESSIONS_PATH } from './training-paths';
import { assertTrainerOrOfficer, loadSession } from './session-access';
import { isTrainingOfficer, traineeActor } from './training-actors';

/** Beyond the largest session's seats and waiting list, and its 50 sittings of marks. */
const MAX_LINES = 5_000;
const MAX_MARKS = 50 * MAX_LINES;

/** Who attended a session and how it went: its trainers and officers, an association for its people. */
@ApiTags('training: attendance')
@ApiBearerAuth()
@Controller(SESSIONS_PATH)
export class AttendanceReadsController {
  constructor(
    private readonly commands: TrainingCommands,
    @Inject(TRAINING_READ_MODELS) private readonly readModels: TrainingReadModels,
    @Inject(TRAINING_TRAINEES) private readonly trainees: TraineeDirectory,
  ) {}

  @Get(':sessionId/roster')
  @Roles('trainer', 'officer', 'association')
  @ApiRecordResponse(
    'The sittings and, per trainee, their association, name (from the Registry; erased shown as such), enrolment, status and source of each sitting’s mark, whether feedback was given, and the completion outcome',
  )
  @ApiOperation({
    summary:
      'The roster and attendance sheet of a session (its trainers and officers: every line; an association: its own people’s lines)',
  })
  @ApiProblems(401, 403, 404, 429)
  async roster(@CurrentActor() actor: Actor, @Param('sessionId') sessionId: string) {
    const session = await loadSession(this.commands, sessionId);
    const filter: Filter = { sessionId };
    if (
      actor.roles.includes('association') &&
      !isTrainingOfficer(actor) &&
      !session.trainers.includes(actor.id)
    ) {
      if (!actor.organisationId)
        throw new ProblemException('forbidden', 'this account acts for no association');
      filter['associationId'] = actor.organisationId;
    } else assertTrainerOrOfficer(actor, session);
    const lines = await this.readModels
      .collection<RosterLineDoc>(TRAINING_ROSTER)
      .find(filter, { sort: { _id: 1 }, limit: MAX_LINES });
    const marks = await this.marksOf(sessionId, lines);
    const names = await Promise.all(lines.map((line) => this.nameOf(line.traineeId)));
    return {
      ...this.sessionHeader(session),
      trainees: lines.map((line, i) => rosterLineView(line, this.sittingIds(session), marks, names[i])),
    };
  }

  @Get(':sessionId/attendance/mine')
  @Roles('trainee')
  @ApiRecordResponse(
    'The trainee’s own line: enrolment, each sitting’s mark, whether feedback was given, the completion outcome',
  )
  @ApiOperation({
    summary: 'My attendance at a session (the trainee, for themselves; 404 when never enrolled)',
  })
  @ApiProblems(401, 403, 404, 429)
  async mine(@CurrentActor() actor: Actor, @Param('sessionId') sessionId: string) {
    const { id: traineeId } = traineeActor(actor);
    const session = await loadSession(this.commands, sessionId);
    const line = await this.readModels
      .collection<RosterLineDoc>(TRAINING_ROSTER)
      .get(`${sessionId}|${traineeId}`);
    if (!line) throw new ProblemException('not-found');
    const marks = await this.marksOf(sessionId, [line]);
    const {
      fullName: _n,
      erased: _e,
      ...own
    } = rosterLineView(line, this.sittingIds(session), marks, 'unknown');
    return { ...this.sessionHeader(session), ...own };
  }

  @Get(':sessionId/feedback')
  @Roles('trainer', 'officer')
  @ApiRecordResponse(
    'How many gave feedback, the average rating, how many gave each rating, and the comments (unsigned)',
  )
  @ApiOperation({ summary: 'The feedback summary of a session (its trainers and officers)' })
  @ApiProblems(401, 403, 404, 429)
  async feedback(@CurrentActor() actor: Actor, @Param('sessionId') sessionId: string) {
    const session = await loadSession(this.commands, sessionId);
    assertTrainerOrOfficer(actor, session);
    const docs = await this.readModels
      .collection<FeedbackDoc>(TRAINING_FEEDBACK)
      .find({ sessionId }, { sort: { givenAt: 1, _id: 1 }, limit: MAX_LINES });
    return { sessionId, ...feedbackSummary(docs) };
  }

  private sessionHeader(session: Session) {
    return {
      sessionId: session.sessionId,
      status: session.status,
      sittings: session.sittings.map(({ sittingId, startsAt, endsAt }) => ({ sittingId, startsAt, endsAt })),
    };
  }

  private sittingIds(session: Session): string[] {
    return session.sittings.map((s) => s.sittingId);
  }

  private marksOf(sessionId: string, lines: readonly RosterLineDoc[]): Promise<AttendanceMarkDoc[]> {
    return this.readModels
      .collection<AttendanceMarkDoc>(TRAINING_ATTENDANCE_MARKS)
      .find({ sessionId, traineeId: { $in: lines.map((l) => l.traineeId) } }, { limit: MAX_MARKS });
  }

  private async nameOf(traineeId: string): Promise<TraineeName> {
    const card = await this.trainees.openCard(traineeId);
    if (card === 'erased') return 'erased';
    return card ? { fullName: card.fullName } : 'unknown';
  }
}
