import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems, ApiRecordResponse, CurrentActor, Roles } from '@tadamon/nest-kit';
import { CheckInCodes } from '../application/check-in-codes';
import { claimsOfCheckInCode, TRAINING_CHECK_IN_CODES } from '../application/check-in';
import { TrainingCommands } from '../application/training-commands';
import { CheckInDto } from './dto/attendance.dto';
import { traineeActor } from './training-actors';

/**
 * A trainee's self check-in: the code says which sitting, the token says who. The body carries no
 * trainee: nobody checks in for someone else here (a trainer marks them instead).
 */
@ApiTags('training: attendance')
@ApiBearerAuth()
@Controller('api/training/check-in')
export class CheckInController {
  constructor(
    private readonly commands: TrainingCommands,
    @Inject(TRAINING_CHECK_IN_CODES) private readonly codes: CheckInCodes,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('trainee')
  @ApiRecordResponse(
    "The check-in accepted: the trainee's status at the sitting (present, or late after 10 minutes)",
  )
  @ApiOperation({
    summary:
      'Check in at a sitting with the code its screen shows (trainee, for themselves). Refusals carry their code: CHECK_IN_CODE_INVALID (400: not a code of ours), CHECK_IN_TOO_EARLY, CHECK_IN_TOO_LATE (an expired code too), CHECK_IN_WRONG_SITTING, CHECK_IN_ALREADY_MARKED (409), CHECK_IN_NOT_ENROLLED (403)',
  })
  @ApiProblems(400, 401, 403, 404, 409, 429)
  async checkIn(@CurrentActor() actor: Actor, @Body() body: CheckInDto) {
    const trainee = traineeActor(actor);
    const now = new Date().toISOString();
    const claims = claimsOfCheckInCode(this.codes, body.code, now);
    // The screen's own sitting when it says which; else the code's. The session compares the two.
    const sessionId = body.sessionId ?? claims.sessionId;
    const sittingId = body.sittingId ?? claims.sittingId;
    const outcome = await this.commands.execute(
      'session',
      sessionId,
      { type: 'CheckIn', data: { sessionId, sittingId, traineeId: trainee.id, code: claims } },
      trainee,
      { now },
    );
    const marked = outcome.recorded.find((e) => e.type === 'AttendanceMarked');
    const status = (marked?.data as { status?: string } | undefined)?.status;
    return { outcome: 'accepted', status, sessionId, sittingId };
  }
}
