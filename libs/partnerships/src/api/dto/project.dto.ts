import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import {
  AreaLevelQueryDto,
  BoundedArray,
  BoundedString,
  IsOptionalNotNull,
  LocalizedLongTextDto,
  LocalizedTextDto,
  MoneyDto,
  NestedObjects,
  StableId,
} from '@tadamon/nest-kit';
import { SCHEME_2015 } from '@tadamon/reference-data';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsObject, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PROJECT_DOCUMENT_KINDS } from '../../domain/project/project-commands';
import { PROJECT_PARTICIPANT_ROLES } from '../../domain/project/project-details';
import { ACTIVITY_STATUSES } from '../../domain/project/project-status';
import { MAX_LONG_TEXT, MAX_TEXT } from '../../domain/field-validation';

export const MAX_PROJECT_LIST = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day, YYYY-MM-DD (the domain checks it exists). */
export const Day = () =>
  applyDecorators(
    BoundedString(10, { minLength: 10 }),
    Matches(DAY, { message: '$property must be YYYY-MM-DD' }),
  );

export class AreaDto {
  @ApiProperty({ enum: [SCHEME_2015] })
  @IsIn([SCHEME_2015])
  scheme!: string;

  @ApiProperty({ example: 'MA-09', description: 'A 2015 region or one of its provinces or prefectures' })
  @BoundedString(10, { minLength: 1 })
  code!: string;
}

export class GeoPointDto {
  @ApiProperty({ example: 30.6375, minimum: 20.7, maximum: 35.95 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 })
  @Min(20.7)
  @Max(35.95)
  lat!: number;

  @ApiProperty({ example: -7.9247, minimum: -17.2, maximum: -0.95 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 })
  @Min(-17.2)
  @Max(-0.95)
  lon!: number;
}

export class ProjectLocationDto {
  @ApiProperty({ type: AreaDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AreaDto)
  area!: AreaDto;

  @ApiPropertyOptional({ example: 'Taliouine' })
  @IsOptionalNotNull()
  @BoundedString(MAX_TEXT, { minLength: 1 })
  commune?: string;

  @ApiPropertyOptional({ type: GeoPointDto, description: 'WGS 84, at most 6 decimals' })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  point?: GeoPointDto;
}

export class ParticipantDto {
  @ApiProperty({ example: 'assoc-migrations-et-developpement' })
  @StableId()
  partyId!: string;

  @ApiProperty({ enum: PROJECT_PARTICIPANT_ROLES, description: 'IATI OrganisationRole (4 = implementing)' })
  @IsIn(PROJECT_PARTICIPANT_ROLES as unknown as string[])
  role!: string;
}

export class SectorShareDto {
  @ApiProperty({ example: '14030', description: 'OECD DAC 5-digit purpose code' })
  @BoundedString(5, { minLength: 5 })
  code!: string;

  @ApiProperty({ example: 10000, minimum: 1, maximum: 10000, description: 'Hundredths of a percent' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  percentageHundredths!: number;
}

export class BudgetLineDto {
  @ApiProperty({ example: 'works' })
  @StableId()
  lineId!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  label!: LocalizedTextDto;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptionalNotNull()
  @Day()
  periodStart?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptionalNotNull()
  @Day()
  periodEnd?: string;
}

export class CofinancingDto {
  @ApiProperty()
  @StableId()
  partyId!: string;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;
}

export class MilestoneDto {
  @ApiProperty({ example: 'works-done' })
  @StableId()
  milestoneId!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title!: LocalizedTextDto;

  @ApiProperty({ example: '2026-06-30' })
  @Day()
  due!: string;
}

/** A project's details, whole (an opening). */
export class ProjectDetailsDto {
  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title!: LocalizedTextDto;

  @ApiProperty({ type: LocalizedLongTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  description!: LocalizedLongTextDto;

  @ApiProperty({ type: [ParticipantDto], description: 'The carrier among them as implementing (4)' })
  @BoundedArray(MAX_PROJECT_LIST, { minItems: 1 })
  @NestedObjects()
  @Type(() => ParticipantDto)
  participants!: ParticipantDto[];

  @ApiPropertyOptional({ description: 'The agreement the project is under (required unless a replica)' })
  @IsOptionalNotNull()
  @StableId()
  agreementId?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @StableId()
  programmeId?: string;

  @ApiProperty({ type: [ProjectLocationDto] })
  @BoundedArray(MAX_PROJECT_LIST, { minItems: 1 })
  @NestedObjects()
  @Type(() => ProjectLocationDto)
  locations!: ProjectLocationDto[];

  @ApiProperty({ type: [SectorShareDto], description: 'Shares summing to 10000 (100 %)' })
  @BoundedArray(MAX_PROJECT_LIST, { minItems: 1 })
  @NestedObjects()
  @Type(() => SectorShareDto)
  sectors!: SectorShareDto[];

  @ApiProperty({ type: [BudgetLineDto] })
  @BoundedArray(MAX_PROJECT_LIST, { minItems: 1 })
  @NestedObjects()
  @Type(() => BudgetLineDto)
  budgetLines!: BudgetLineDto[];

  @ApiPropertyOptional({ type: [CofinancingDto] })
  @IsOptionalNotNull()
  @BoundedArray(MAX_PROJECT_LIST)
  @NestedObjects()
  @Type(() => CofinancingDto)
  cofinancing?: CofinancingDto[];

  @ApiPropertyOptional({ type: [MilestoneDto] })
  @IsOptionalNotNull()
  @BoundedArray(MAX_PROJECT_LIST)
  @NestedObjects()
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];

  @ApiProperty({ example: '2026-01-01' })
  @Day()
  plannedStart!: string;

  @ApiProperty({ example: '2027-12-31' })
  @Day()
  plannedEnd!: string;
}

export class OpenProjectDto extends ProjectDetailsDto {
  @ApiPropertyOptional({
    description: 'Chosen by the client (a retry opens nothing twice); default: generated',
  })
  @IsOptionalNotNull()
  @StableId()
  projectId?: string;

  @ApiProperty({
    description: 'The carrying organisation (Registry id)',
    example: 'assoc-migrations-et-developpement',
  })
  @StableId()
  carrierId!: string;

  @ApiPropertyOptional({
    description:
      'The finalised project this one replicates: it must have proposed this replica (POST …/replications)',
  })
  @IsOptionalNotNull()
  @StableId()
  replicationOf?: string;
}

/** Only the details sent are revised. */
export class ProjectChangesDto extends PartialType(ProjectDetailsDto) {}

export class ProjectStatusDto {
  @ApiProperty({ enum: ACTIVITY_STATUSES, description: 'IATI ActivityStatus: 1 pipeline … 6 suspended' })
  @IsIn(ACTIVITY_STATUSES as unknown as string[])
  status!: string;

  @ApiPropertyOptional({ description: 'Why (required to cancel or suspend)' })
  @IsOptionalNotNull()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  reason?: string;
}

export class ReachMilestoneDto {
  @ApiProperty({ example: '2026-06-30' })
  @Day()
  reachedOn!: string;
}

export class ExpenditureDto {
  @ApiPropertyOptional({ description: 'Default: generated' })
  @IsOptionalNotNull()
  @StableId()
  expenditureId?: string;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({ example: '2026-03-15' })
  @Day()
  on!: string;

  @ApiProperty({ example: 'Pipes and fittings' })
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  description!: string;
}

/** A project document's name and kind, in the query: the body is the file itself. */
export class ProjectDocumentQueryDto {
  @ApiProperty({ example: 'rapport-t1.pdf', description: 'The file name shown' })
  @BoundedString(MAX_TEXT, { minLength: 1 })
  name!: string;

  @ApiProperty({ enum: PROJECT_DOCUMENT_KINDS })
  @IsIn(PROJECT_DOCUMENT_KINDS as unknown as string[])
  kind!: string;
}

export class UnpublishDto {
  @ApiProperty()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  reason!: string;
}

export class ProposeReplicationDto {
  @ApiPropertyOptional({
    description: 'The replica’s project id, opened next with replicationOf; default: generated',
  })
  @IsOptionalNotNull()
  @StableId()
  replicaProjectId?: string;

  @ApiProperty({ type: AreaDto, description: 'A 2015 region other than the project’s' })
  @IsObject()
  @ValidateNested()
  @Type(() => AreaDto)
  region!: AreaDto;
}

export class ProjectsQueryDto {
  @ApiPropertyOptional({ example: 'MA-09' })
  @IsOptionalNotNull()
  @BoundedString(10, { minLength: 1 })
  region?: string;

  @ApiPropertyOptional({ example: 'MA-TAR' })
  @IsOptionalNotNull()
  @BoundedString(10, { minLength: 1 })
  province?: string;

  @ApiPropertyOptional({ example: '14030' })
  @IsOptionalNotNull()
  @BoundedString(5, { minLength: 5 })
  sector?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES })
  @IsOptionalNotNull()
  @IsIn(ACTIVITY_STATUSES as unknown as string[])
  status?: string;

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

export class BackOfficeProjectsQueryDto extends ProjectsQueryDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @StableId()
  programme?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @StableId()
  agreement?: string;

  @ApiPropertyOptional({ description: 'Projects this organisation carries or takes part in' })
  @IsOptionalNotNull()
  @StableId()
  carrier?: string;
}

/** The projects layer of the map by area: a level, and the portal's sector and status filters. */
export class ProjectsByAreaQueryDto extends IntersectionType(
  AreaLevelQueryDto,
  PickType(ProjectsQueryDto, ['sector', 'status'] as const),
) {}
