import { ApiProperty } from '@nestjs/swagger';
import { BoundedArray, BoundedString, NestedObjects } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { MAX_LIST, MAX_LONG_TEXT, MAX_TEXT } from '../../domain/field-validation';
import { MAX_POINTS } from '../../domain/scoring/award-criteria';
import { StableId } from './common.dto';

export class AssignEvaluatorDto {
  @ApiProperty({ description: 'The evaluator’s user id', example: 'user-evaluator1' })
  @StableId()
  evaluatorId!: string;
}

export class DetectedConflictDto {
  @ApiProperty({ example: 'user-evaluator2' })
  @StableId()
  evaluatorId!: string;

  @ApiProperty({
    type: [String],
    description: 'What links the evaluator to the applicant (e.g. network:<id>, organisation:<id>)',
  })
  @BoundedArray(MAX_LIST, { minItems: 1 })
  @BoundedString(MAX_TEXT, { each: true, minLength: 1 })
  links!: string[];
}

export class DeclarationDto {
  @ApiProperty({ description: 'true: the evaluator has a conflict and leaves the evaluation' })
  @IsBoolean()
  hasConflict!: boolean;

  @ApiProperty({ example: 'I have no link with the applicant or its members.' })
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  statement!: string;
}

export class CriterionScoreDto {
  @ApiProperty({ example: 'relevance' })
  @StableId()
  criterionId!: string;

  @ApiProperty({ minimum: 0, maximum: MAX_POINTS })
  @IsInt()
  @Min(0)
  @Max(MAX_POINTS)
  points!: number;

  @ApiProperty({ description: 'Why these points' })
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  comment!: string;
}

export class ScoresDto {
  @ApiProperty({ type: [CriterionScoreDto], description: 'One score per criterion of the call' })
  @BoundedArray(20, { minItems: 1 })
  @NestedObjects()
  @Type(() => CriterionScoreDto)
  scores!: CriterionScoreDto[];
}
