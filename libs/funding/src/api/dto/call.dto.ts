import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray, BoundedString, IsOptionalNotNull, NestedObjects } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_EVALUATORS } from '../../domain/call-for-proposals/call-terms';
import { MAX_LIST } from '../../domain/field-validation';
import { TIE_BREAK_RULES } from '../../domain/scoring/ranking';
import { MAX_POINTS, TOTAL_WEIGHT } from '../../domain/scoring/award-criteria';
import { SCORING_RULES_VERSIONS } from '../../domain/scoring/scoring-rules';
import {
  LocalizedLongTextDto,
  LocalizedTextDto,
  MoneyDto,
  PageQueryDto,
  RegionDto,
  StableId,
} from './common.dto';
import { COUNTRY_CODES, SECTOR_CODES } from '@tadamon/reference-data';

export class EligibilityRulesDto {
  @ApiPropertyOptional({
    isArray: true,
    enum: COUNTRY_CODES,
    example: ['FR', 'BE'],
    description: 'ISO 3166-1 alpha-2; empty: any',
  })
  @IsOptionalNotNull()
  @BoundedArray(MAX_LIST)
  @BoundedString(2, { each: true, minLength: 2 })
  hostCountries?: string[];

  @ApiPropertyOptional({ type: [RegionDto], description: 'Regions of origin (2015 scheme); empty: any' })
  @IsOptionalNotNull()
  @BoundedArray(MAX_LIST)
  @NestedObjects()
  @Type(() => RegionDto)
  originRegions?: RegionDto[];

  @ApiPropertyOptional({
    isArray: true,
    enum: SECTOR_CODES,
    example: ['14030'],
    description: 'OECD DAC purpose codes; empty: any',
  })
  @IsOptionalNotNull()
  @BoundedArray(MAX_LIST)
  @BoundedString(5, { each: true, minLength: 5 })
  sectors?: string[];

  @ApiPropertyOptional({ type: MoneyDto, nullable: true, description: 'null: up to the call’s budget' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  maxAmountRequested?: MoneyDto | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 99,
    description: 'Least share of the total cost the association brings',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(99)
  minCoFinancingPercent?: number;
}

export class AwardCriterionDto {
  @ApiProperty({ example: 'relevance' })
  @StableId()
  criterionId!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name!: LocalizedTextDto;

  @ApiProperty({ minimum: 1, maximum: TOTAL_WEIGHT, description: 'Whole percent; the weights sum to 100' })
  @IsInt()
  @Min(1)
  @Max(TOTAL_WEIGHT)
  weight!: number;

  @ApiProperty({ minimum: 0, maximum: MAX_POINTS, description: 'Least consensus points; 0: none' })
  @IsInt()
  @Min(0)
  @Max(MAX_POINTS)
  threshold!: number;
}

export class AwardCriteriaDto {
  @ApiProperty({ type: [AwardCriterionDto] })
  @BoundedArray(20, { minItems: 1 })
  @NestedObjects()
  @Type(() => AwardCriterionDto)
  criteria!: AwardCriterionDto[];

  @ApiProperty({
    minimum: 0,
    maximum: MAX_POINTS,
    description: 'Least overall score (points) to be recommended',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_POINTS)
  overallThreshold!: number;
}

/** Every term optional: a revision carries only what changes. */
export class CallTermsChangesDto {
  @ApiPropertyOptional({ example: 'icmd-phase-2' })
  @IsOptionalNotNull()
  @StableId()
  programmeId?: string;

  @ApiPropertyOptional({ description: 'The budget envelope the awards are committed on' })
  @IsOptionalNotNull()
  @StableId()
  envelopeId?: string;

  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title?: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  summary?: LocalizedLongTextDto;

  @ApiPropertyOptional({ type: MoneyDto, description: 'The share of the envelope this call may award' })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  budget?: MoneyDto;

  @ApiPropertyOptional({ type: EligibilityRulesDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => EligibilityRulesDto)
  eligibility?: EligibilityRulesDto;

  @ApiPropertyOptional({ type: AwardCriteriaDto, description: 'A change bumps the criteria version' })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => AwardCriteriaDto)
  awardCriteria?: AwardCriteriaDto;

  @ApiPropertyOptional({ description: 'International selection needs at least 3 evaluators per proposal' })
  @IsOptionalNotNull()
  @IsBoolean()
  internationalSelection?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_EVALUATORS })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_EVALUATORS)
  evaluatorsPerProposal?: number;

  @ApiPropertyOptional({ example: '2026-06-30T23:59:59Z', description: 'ISO 8601 UTC instant' })
  @IsOptionalNotNull()
  @BoundedString(30, { minLength: 1 })
  deadline?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 90, description: 'Days to appeal a rejection (default 30)' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(90)
  appealWindowDays?: number;

  @ApiPropertyOptional({ enum: SCORING_RULES_VERSIONS, description: 'Default: the current version' })
  @IsOptionalNotNull()
  @IsIn(SCORING_RULES_VERSIONS)
  scoringRulesVersion?: string;

  @ApiPropertyOptional({
    enum: TIE_BREAK_RULES,
    isArray: true,
    description: 'Tried in order; the application id ends every order',
  })
  @IsOptionalNotNull()
  @BoundedArray(TIE_BREAK_RULES.length)
  @IsIn(TIE_BREAK_RULES as unknown as string[], { each: true })
  tieBreakRules?: string[];
}

/** A draft's terms: all but the scoring rules, tie-break rules and appeal window are required. */
export class CallTermsDto extends CallTermsChangesDto {
  @ApiProperty({ example: 'icmd-phase-2' })
  @StableId()
  declare programmeId: string;

  @ApiProperty()
  @StableId()
  declare envelopeId: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  declare title: LocalizedTextDto;

  @ApiProperty({ type: LocalizedLongTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  declare summary: LocalizedLongTextDto;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  declare budget: MoneyDto;

  @ApiProperty({ type: EligibilityRulesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => EligibilityRulesDto)
  declare eligibility: EligibilityRulesDto;

  @ApiProperty({ type: AwardCriteriaDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AwardCriteriaDto)
  declare awardCriteria: AwardCriteriaDto;

  @ApiProperty()
  @IsBoolean()
  declare internationalSelection: boolean;

  @ApiProperty({ minimum: 1, maximum: MAX_EVALUATORS })
  @IsInt()
  @Min(1)
  @Max(MAX_EVALUATORS)
  declare evaluatorsPerProposal: number;

  @ApiProperty({ example: '2026-06-30T23:59:59Z' })
  @BoundedString(30, { minLength: 1 })
  declare deadline: string;
}

export class DraftCallDto {
  @ApiPropertyOptional({ description: 'Chosen by the caller, else generated', example: 'call-icmd2-2025' })
  @IsOptionalNotNull()
  @StableId()
  callId?: string;

  @ApiProperty({ type: CallTermsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CallTermsDto)
  terms!: CallTermsDto;
}

export class ExtendDeadlineDto {
  @ApiProperty({ example: '2026-07-15T23:59:59Z', description: 'Later than the current deadline' })
  @BoundedString(30, { minLength: 1 })
  deadline!: string;
}

const CALL_STATUSES = ['draft', 'published', 'closed'];

export class CallsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CALL_STATUSES, description: 'Officers, committee, auditors and admins only' })
  @IsOptionalNotNull()
  @IsIn(CALL_STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: 'icmd-phase-2' })
  @IsOptionalNotNull()
  @StableId()
  programmeId?: string;
}
