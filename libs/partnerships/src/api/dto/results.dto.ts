import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BoundedArray,
  BoundedString,
  IsOptionalNotNull,
  LocalizedLongTextDto,
  LocalizedTextDto,
  NestedObjects,
  StableId,
} from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { MAX_LONG_TEXT, MAX_TEXT } from '../../domain/field-validation';
import {
  INDICATOR_AGGREGATIONS,
  INDICATOR_MEASURES,
  RESULT_LEVELS,
} from '../../domain/results/results-commands';
import { Day } from './project.dto';

export const MAX_TARGETS = 40;
export const INDICATOR_UPDATE_STATUSES = ['pending', 'approved', 'returned'] as const;
export const MAX_EVIDENCE = 10;

/** A number (unit, percentage) or a text (qualitative): the domain checks which, by the indicator's measure. */
const NumberOrText = () =>
  ValidateBy({
    name: 'isNumberOrText',
    validator: {
      validate: (value: unknown) =>
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && value.length >= 1 && value.length <= MAX_LONG_TEXT),
      defaultMessage: () => `$property must be a number, or a text of 1 to ${MAX_LONG_TEXT} characters`,
    },
  });

export class DefineResultDto {
  @ApiProperty({ example: 'water-access' })
  @StableId()
  resultId!: string;

  @ApiProperty({ enum: RESULT_LEVELS })
  @IsIn(RESULT_LEVELS as unknown as string[])
  level!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title!: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  description?: LocalizedLongTextDto;
}

export class BaselineDto {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1950)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: '2025-12-31' })
  @IsOptionalNotNull()
  @Day()
  date?: string;

  @ApiProperty({ example: 0, description: 'A number, or a text for a qualitative indicator' })
  @NumberOrText()
  value!: number | string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  comment?: string;
}

export class TargetDto {
  @ApiProperty({ example: '2026-01-01' })
  @Day()
  periodStart!: string;

  @ApiProperty({ example: '2026-12-31' })
  @Day()
  periodEnd!: string;

  @ApiProperty({ example: 120 })
  @NumberOrText()
  value!: number | string;
}

export class DefineIndicatorDto {
  @ApiProperty({ example: 'water-access' })
  @StableId()
  resultId!: string;

  @ApiProperty({ example: 'households-connected' })
  @StableId()
  indicatorId!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title!: LocalizedTextDto;

  @ApiProperty({ enum: INDICATOR_MEASURES })
  @IsIn(INDICATOR_MEASURES as unknown as string[])
  measure!: string;

  @ApiPropertyOptional({ example: 'households', description: 'Required for a unit measure' })
  @IsOptionalNotNull()
  @BoundedString(MAX_TEXT, { minLength: 1 })
  unit?: string;

  @ApiProperty({ description: 'true when more is better' })
  @IsBoolean()
  ascending!: boolean;

  @ApiProperty({ enum: INDICATOR_AGGREGATIONS })
  @IsIn(INDICATOR_AGGREGATIONS as unknown as string[])
  aggregation!: string;

  @ApiProperty({ type: BaselineDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BaselineDto)
  baseline!: BaselineDto;

  @ApiProperty({ type: [TargetDto], description: 'Inside the project’s planned dates, not overlapping' })
  @BoundedArray(MAX_TARGETS, { minItems: 1 })
  @NestedObjects()
  @Type(() => TargetDto)
  targets!: TargetDto[];
}

export class ReviseTargetsDto {
  @ApiProperty({ type: [TargetDto] })
  @BoundedArray(MAX_TARGETS, { minItems: 1 })
  @NestedObjects()
  @Type(() => TargetDto)
  targets!: TargetDto[];
}

export class EvidenceDto {
  @ApiProperty({ description: 'SHA-256 of a document attached to the project (POST …/documents)' })
  @BoundedString(64, { minLength: 64 })
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be a lower-case hex SHA-256' })
  sha256!: string;

  @ApiProperty({ example: 'photos-raccordement.jpg' })
  @BoundedString(MAX_TEXT, { minLength: 1 })
  name!: string;
}

export class SubmitUpdateDto {
  @ApiPropertyOptional({ description: 'Default: generated' })
  @IsOptionalNotNull()
  @StableId()
  updateId?: string;

  @ApiProperty({ example: 'households-connected' })
  @StableId()
  indicatorId!: string;

  @ApiProperty({ example: '2026-01-01', description: 'A target period of the indicator, begun' })
  @Day()
  periodStart!: string;

  @ApiProperty({ example: '2026-12-31' })
  @Day()
  periodEnd!: string;

  @ApiProperty({ example: 45 })
  @NumberOrText()
  value!: number | string;

  @ApiProperty({ type: [EvidenceDto] })
  @BoundedArray(MAX_EVIDENCE, { minItems: 1 })
  @NestedObjects()
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto[];

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  comment?: string;
}

export class ReturnUpdateDto {
  @ApiProperty({ description: 'What to correct' })
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  reason!: string;
}

export class IndicatorUpdatesQueryDto {
  @ApiPropertyOptional({ enum: INDICATOR_UPDATE_STATUSES, default: 'pending' })
  @IsOptionalNotNull()
  @IsIn(INDICATOR_UPDATE_STATUSES as unknown as string[])
  status?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @StableId()
  projectId?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only the updates the caller may decide (not their own)',
  })
  @IsOptionalNotNull()
  @IsIn(['true', 'false'])
  decidable?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
