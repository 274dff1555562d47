import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BoundedArray,
  BoundedString,
  IsOptionalNotNull,
  LocalizedLongTextDto,
  LocalizedTextDto,
  MoneyDto,
  NestedObjects,
  StableId,
} from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateIf, ValidateNested } from 'class-validator';
import { MAX_PROGRAMME_BUDGET_CURRENCIES } from '../../domain/programme/programme-details';
import { MAX_LONG_TEXT } from '../../domain/field-validation';
import { ProgrammeStatus } from '../../domain/programme/programme';
import { CalendarDate } from './agreement-terms.dto';
import { PartnershipsPageQueryDto } from './partnerships-page-query.dto';

export const MAX_PROGRAMME_FUNDERS = 30;

export class ProgrammePeriodDto {
  @ApiProperty({ example: '2025-01-01' })
  @CalendarDate()
  start!: string;

  @ApiProperty({ example: '2028-12-31', description: 'After the start' })
  @CalendarDate()
  end!: string;
}

/** Every detail optional: a revision carries only what changes, each whole. */
export class ProgrammeChangesDto {
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name?: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto, nullable: true })
  @ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  description?: LocalizedLongTextDto | null;

  @ApiPropertyOptional({ example: 'actor-iom', description: 'The external partner (a Registry actor id)' })
  @IsOptionalNotNull()
  @StableId()
  partnerId?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['actor-eu'],
    description: 'Registry actor ids, at least one',
  })
  @IsOptionalNotNull()
  @BoundedArray(MAX_PROGRAMME_FUNDERS, { minItems: 1 })
  @StableId({ each: true })
  funderIds?: string[];

  @ApiPropertyOptional({ type: [MoneyDto], description: 'One positive amount per currency' })
  @IsOptionalNotNull()
  @BoundedArray(MAX_PROGRAMME_BUDGET_CURRENCIES, { minItems: 1 })
  @NestedObjects()
  @Type(() => MoneyDto)
  budget?: MoneyDto[];

  @ApiPropertyOptional({ type: ProgrammePeriodDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => ProgrammePeriodDto)
  period?: ProgrammePeriodDto;
}

export class DefineProgrammeDto {
  @ApiPropertyOptional({ description: 'Default: a new programme-<uuid>', example: 'icmd-phase-2' })
  @IsOptionalNotNull()
  @StableId()
  programmeId?: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name!: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  description?: LocalizedLongTextDto;

  @ApiProperty({ example: 'actor-iom', description: 'The external partner (a Registry actor id)' })
  @StableId()
  partnerId!: string;

  @ApiProperty({ type: [String], example: ['actor-eu'], description: 'Registry actor ids, at least one' })
  @BoundedArray(MAX_PROGRAMME_FUNDERS, { minItems: 1 })
  @StableId({ each: true })
  funderIds!: string[];

  @ApiProperty({ type: [MoneyDto], description: 'One positive amount per currency' })
  @BoundedArray(MAX_PROGRAMME_BUDGET_CURRENCIES, { minItems: 1 })
  @NestedObjects()
  @Type(() => MoneyDto)
  budget!: MoneyDto[];

  @ApiProperty({ type: ProgrammePeriodDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ProgrammePeriodDto)
  period!: ProgrammePeriodDto;
}

export class ReviseProgrammeDto {
  @ApiProperty({ type: ProgrammeChangesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ProgrammeChangesDto)
  changes!: ProgrammeChangesDto;
}

export class CloseProgrammeDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  reason?: string;
}

export class ProgrammesQueryDto extends PartnershipsPageQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'closed'] })
  @IsOptionalNotNull()
  @IsIn(['active', 'closed'])
  status?: ProgrammeStatus;

  @ApiPropertyOptional({ description: 'Programmes where this Registry actor is the partner or a funder' })
  @IsOptionalNotNull()
  @StableId()
  actorId?: string;
}
