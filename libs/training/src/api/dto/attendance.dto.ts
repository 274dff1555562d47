import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray, BoundedString, IsOptionalNotNull, StableId } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { MAX_NOTE } from '../../domain/session/decide-attendance';
import { ATTENDANCE_STATUSES } from '../../domain/session/session-commands';

/** At most one mark per confirmed seat of the largest session. */
export const MAX_BATCH_MARKS = 1000;
const MAX_FEEDBACK_COMMENT = 2000;
const MAX_REMARK = 5000;
/** A code is `<keyId>.<payload>.<tag>`: a few hundred characters for any real ids. */
const MAX_CODE = 1000;

export class AttendanceMarkDto {
  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES as unknown as string[])
  status!: string;

  @ApiPropertyOptional({ maxLength: MAX_NOTE, description: 'Why (an excused absence, a late arrival)' })
  @IsOptionalNotNull()
  @BoundedString(MAX_NOTE)
  note?: string;
}

export class TraineeMarkDto extends AttendanceMarkDto {
  @ApiProperty({ description: 'The Registry contact person id of a confirmed trainee' })
  @StableId()
  traineeId!: string;
}

export class AttendanceSheetDto {
  @ApiProperty({ type: [TraineeMarkDto], description: 'One mark per trainee, each decided on its own' })
  @BoundedArray(MAX_BATCH_MARKS, { minItems: 1 })
  @ValidateNested({ each: true })
  @Type(() => TraineeMarkDto)
  marks!: TraineeMarkDto[];
}

export class CheckInDto {
  @ApiProperty({ description: 'The code shown by the sitting’s screen (QR), as scanned' })
  @BoundedString(MAX_CODE, { minLength: 1 })
  code!: string;

  @ApiPropertyOptional({
    description:
      'The session the trainee’s screen checks into, when it knows (with sittingId): a code of another session or sitting is then CHECK_IN_WRONG_SITTING. Left out: the code’s own',
  })
  @IsOptionalNotNull()
  @StableId()
  sessionId?: string;

  @ApiPropertyOptional({ description: 'The sitting the trainee’s screen checks into (with sessionId)' })
  @ValidateIf((o: CheckInDto) => o.sessionId !== undefined || o.sittingId !== undefined)
  @StableId()
  sittingId?: string;
}

export class FeedbackDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional({ maxLength: MAX_FEEDBACK_COMMENT })
  @IsOptionalNotNull()
  @BoundedString(MAX_FEEDBACK_COMMENT, { multiline: true })
  comment?: string;
}

export class RemarkDto {
  @ApiProperty({ description: 'The trainee the remark is about' })
  @StableId()
  traineeId!: string;

  @ApiProperty({ maxLength: MAX_REMARK })
  @BoundedString(MAX_REMARK, { minLength: 1, multiline: true })
  remark!: string;
}
