import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BoundedArray,
  BoundedString,
  IsOptionalNotNull,
  NestedObjects,
  PageQueryDto,
  StableId,
} from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { TRAINING_LANGUAGES, TrainingLanguage } from '../../domain/module/module-details';
import { MAX_CAPACITY, MAX_SITTINGS, MAX_TRAINERS } from '../../domain/session/session-plan';
import { SessionStatus } from '../../domain/session/session-state';

const SESSION_STATUSES: SessionStatus[] = [
  'scheduled',
  'enrolment-open',
  'enrolment-closed',
  'held',
  'closed',
  'cancelled',
];
const COUNTRY = /^[A-Z]{2}$/;
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** In person: city and country; online: an https URL (shown only to the session's people). */
export class SessionPlaceDto {
  @ApiProperty({ enum: ['in-person', 'online'] })
  @IsIn(['in-person', 'online'])
  mode!: 'in-person' | 'online';

  @ApiPropertyOptional({ example: 'Agadir', description: 'In person' })
  @IsOptionalNotNull()
  @BoundedString(200, { minLength: 1 })
  city?: string;

  @ApiPropertyOptional({ example: 'MA', description: 'In person: ISO 3166-1 alpha-2' })
  @IsOptionalNotNull()
  @BoundedString(2, { minLength: 2 })
  @Matches(COUNTRY)
  country?: string;

  @ApiPropertyOptional({ example: 'https://meet.example.org/gp-101', description: 'Online: https' })
  @IsOptionalNotNull()
  @BoundedString(2000, { minLength: 1 })
  url?: string;
}

export class SittingDto {
  @ApiProperty({ example: 'day-1' })
  @StableId()
  sittingId!: string;

  @ApiProperty({ example: '2026-03-10T08:00:00.000Z' })
  @BoundedString(40, { minLength: 1 })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ example: '2026-03-10T12:00:00.000Z' })
  @BoundedString(40, { minLength: 1 })
  @IsISO8601({ strict: true })
  endsAt!: string;
}

export class CompletionRuleDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 80 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100)
  minAttendancePercent?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNotNull()
  @IsBoolean()
  feedbackRequired?: boolean;
}

/** What a reschedule may change, each whole (new sittings replace the old ones). */
export class SessionArrangementsDto {
  @ApiPropertyOptional({ enum: TRAINING_LANGUAGES })
  @IsOptionalNotNull()
  @IsIn(TRAINING_LANGUAGES)
  language?: TrainingLanguage;

  @ApiPropertyOptional({ example: 'Africa/Casablanca', description: 'An IANA time zone' })
  @IsOptionalNotNull()
  @BoundedString(64, { minLength: 1 })
  timezone?: string;

  @ApiPropertyOptional({ type: SessionPlaceDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => SessionPlaceDto)
  place?: SessionPlaceDto;

  @ApiPropertyOptional({ type: [SittingDto], description: `1 to ${MAX_SITTINGS}, in time order` })
  @IsOptionalNotNull()
  @BoundedArray(MAX_SITTINGS, { minItems: 1 })
  @NestedObjects()
  @Type(() => SittingDto)
  sittings?: SittingDto[];

  @ApiPropertyOptional({ type: [String], description: `1 to ${MAX_TRAINERS} trainers' user ids` })
  @IsOptionalNotNull()
  @BoundedArray(MAX_TRAINERS, { minItems: 1 })
  @StableId({ each: true })
  trainers?: string[];
}

export class ScheduleSessionDto {
  @ApiPropertyOptional({ description: 'Default: a new session-<uuid>', example: 'gp-101-agadir-2026-03' })
  @IsOptionalNotNull()
  @StableId()
  sessionId?: string;

  @ApiProperty({ example: 'gp-101', description: 'An active module of the catalogue' })
  @StableId()
  moduleId!: string;

  @ApiProperty({ enum: TRAINING_LANGUAGES })
  @IsIn(TRAINING_LANGUAGES)
  language!: TrainingLanguage;

  @ApiProperty({ example: 'Africa/Casablanca', description: 'An IANA time zone' })
  @BoundedString(64, { minLength: 1 })
  timezone!: string;

  @ApiProperty({ type: SessionPlaceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SessionPlaceDto)
  place!: SessionPlaceDto;

  @ApiProperty({ type: [SittingDto], description: `1 to ${MAX_SITTINGS}, in time order, not overlapping` })
  @BoundedArray(MAX_SITTINGS, { minItems: 1 })
  @NestedObjects()
  @Type(() => SittingDto)
  sittings!: SittingDto[];

  @ApiProperty({ type: [String], description: `1 to ${MAX_TRAINERS} trainers' user ids` })
  @BoundedArray(MAX_TRAINERS, { minItems: 1 })
  @StableId({ each: true })
  trainers!: string[];

  @ApiProperty({ minimum: 1, maximum: MAX_CAPACITY, example: 20 })
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity!: number;

  @ApiPropertyOptional({ type: CompletionRuleDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => CompletionRuleDto)
  completionRule?: CompletionRuleDto;
}

export class RescheduleSessionDto {
  @ApiProperty({ type: SessionArrangementsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SessionArrangementsDto)
  changes!: SessionArrangementsDto;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @BoundedString(5000, { minLength: 1, multiline: true })
  reason?: string;
}

export class SessionCapacityDto {
  @ApiProperty({ minimum: 1, maximum: MAX_CAPACITY, example: 25 })
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity!: number;
}

export class CancelSessionDto {
  @ApiProperty()
  @BoundedString(5000, { minLength: 1, multiline: true })
  reason!: string;
}

export class SessionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @StableId()
  moduleId?: string;

  @ApiPropertyOptional({ example: 'MA' })
  @IsOptionalNotNull()
  @BoundedString(2, { minLength: 2 })
  @Matches(COUNTRY)
  country?: string;

  @ApiPropertyOptional({ example: 'Agadir' })
  @IsOptionalNotNull()
  @BoundedString(200, { minLength: 1 })
  city?: string;

  @ApiPropertyOptional({ enum: TRAINING_LANGUAGES })
  @IsOptionalNotNull()
  @IsIn(TRAINING_LANGUAGES)
  language?: TrainingLanguage;

  @ApiPropertyOptional({
    example: '2026-03-01',
    description: 'Sessions ending on or after this date or instant',
  })
  @IsOptionalNotNull()
  @BoundedString(40, { minLength: 10 })
  @Matches(DATE_OR_INSTANT)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-06-30',
    description: 'Sessions starting on or before this date (or before this instant)',
  })
  @IsOptionalNotNull()
  @BoundedString(40, { minLength: 10 })
  @Matches(DATE_OR_INSTANT)
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptionalNotNull()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;
}

export class EnrolDto {
  @ApiPropertyOptional({
    example: 'person-demo-md-president',
    description: "The Registry contact person to enrol; a trainee's own person by default",
  })
  @IsOptionalNotNull()
  @StableId()
  traineeId?: string;
}

export class CancelEnrolmentDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @BoundedString(5000, { minLength: 1, multiline: true })
  reason?: string;
}

export class EnrolmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['confirmed', 'waiting', 'cancelled'] })
  @IsOptionalNotNull()
  @IsIn(['confirmed', 'waiting', 'cancelled'])
  status?: 'confirmed' | 'waiting' | 'cancelled';
}
