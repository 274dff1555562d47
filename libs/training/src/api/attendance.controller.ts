import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  ApiProblems,
  ApiRecordResponse,
  CommandEndpoint,
  commandResponse,
  CurrentActor,
  ExpectedRevisionHeader,
  plainJson,
  Roles,
} from '@tadamon/nest-kit';
import { CheckInCodes } from '../application/check-in-codes';
import { TRAINING_CHECK_IN_CODES } from '../application/check-in';
import { TrainingCommands } from '../application/training-commands';
import { TrainingError } from '../domain/errors';
import { AttendanceStatus } from '../domain/session/session-commands';
import { sittingOf } from '../domain/session/session-guards';
import { AttendanceMarkDto, AttendanceSheetDto } from './dto/attendance.dto';
import { assertTrainerOrOfficer, loadSession } from './session-access';
import { SESSIONS_PATH } from './training-paths';

/** Where the trainee's phone lands when it scans the QR; the code rides in the fragment, kept out of server logs. */
export const CHECK_IN_PAGE = '/training/check-in';
const PROBLEMS = [400, 401, 403, 404, 409, 412, 429] as const;

type MarkResult =
  | { traineeId: string; outcome: 'accepted'; events: string[] }
  | {
      traineeId: string;
      outcome: 'refused';
      code: string;
      kind: string;
      extensions: Record<string, unknown>;
    };

/** The trainer's marks and the sitting's check-in code: a trainer of the session, or an officer. */
@ApiTags('training: attendance')
@ApiBearerAuth()
@Controller(SESSIONS_PATH)
export class AttendanceController {
  constructor(
    private readonly commands: TrainingCommands,
    @Inject(TRAINING_CHECK_IN_CODES) private readonly codes: CheckInCodes,
  ) {}

  @Put(':sessionId/sittings/:sittingId/attendance/:traineeId')
  @CommandEndpoint({
    roles: ['trainer', 'officer'],
    summary:
      'Mark a confirmed trainee present, late, absent or excused at a sitting; over an earlier mark (theirs or a self check-in) it is a correction (a trainer of the session, or an officer)',
    problems: [...PROBLEMS],
  })
  async mark(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @Param('sittingId') sittingId: string,
    @Param('traineeId') traineeId: string,
    @Body() body: AttendanceMarkDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await loadSession(this.commands, sessionId);
    const { status, note } = plainJson(body);
    const data = { sessionId, sittingId, traineeId, status: status as AttendanceStatus, note };
    return commandResponse(
      await this.commands.execute('session', sessionId, { type: 'MarkAttendance', data }, actor, {
        expectedRevision,
      }),
    );
  }

  @Post(':sessionId/sittings/:sittingId/attendance')
  @HttpCode(200)
  @Roles('trainer', 'officer')
  @ApiRecordResponse(
    'Each mark’s answer in the order given: accepted with the events it recorded (none when it repeated the mark), or refused with its code',
  )
  @ApiOperation({
    summary:
      'The attendance sheet of a sitting: one MarkAttendance per trainee, each decided on its own, so one refused mark (a trainee without a seat) does not undo the others (a trainer of the session, or an officer)',
  })
  @ApiProblems(400, 401, 403, 404, 429)
  async sheet(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @Param('sittingId') sittingId: string,
    @Body() body: AttendanceSheetDto,
  ): Promise<{ accepted: number; refused: number; marks: MarkResult[] }> {
    // Who and which sitting are checked once for the sheet; the rest is each mark's own answer.
    const session = await loadSession(this.commands, sessionId);
    assertTrainerOrOfficer(actor, session);
    sittingOf(session, sittingId);
    const marks: MarkResult[] = [];
    for (const { traineeId, status, note } of plainJson(body).marks) {
      const data = { sessionId, sittingId, traineeId, status: status as AttendanceStatus, note };
      try {
        const outcome = await this.commands.execute(
          'session',
          sessionId,
          { type: 'MarkAttendance', data },
          actor,
        );
        marks.push({ traineeId, outcome: 'accepted', events: outcome.events });
      } catch (error) {
        if (!(error instanceof TrainingError)) throw error;
        marks.push({
          traineeId,
          outcome: 'refused',
          code: error.code,
          kind: error.kind,
          extensions: error.extensions(),
        });
      }
    }
    const accepted = marks.filter((m) => m.outcome === 'accepted').length;
    return { accepted, refused: marks.length - accepted, marks };
  }

  @Get(':sessionId/sittings/:sittingId/check-in-code')
  @Roles('trainer', 'officer')
  @ApiRecordResponse(
    'The code of the current step, its validity and the URL the QR carries; show the next one at validUntil',
  )
  @ApiOperation({
    summary:
      'The sitting’s self check-in code now (QR), from 30 minutes before it starts until it ends; 409 CHECK_IN_WINDOW_CLOSED outside (a trainer of the session, or an officer)',
  })
  @ApiProblems(401, 403, 404, 409, 429)
  async checkInCode(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @Param('sittingId') sittingId: string,
  ) {
    const session = await loadSession(this.commands, sessionId);
    assertTrainerOrOfficer(actor, session);
    const sitting = sittingOf(session, sittingId);
    const issued = this.codes.issueCheckInCode(
      { sessionId, sittingId, sittingStartsAt: sitting.startsAt, sittingEndsAt: sitting.endsAt },
      new Date().toISOString(),
    );
    return { ...issued, sessionId, sittingId, checkInUrl: `${CHECK_IN_PAGE}#code=${issued.code}` };
  }
}
