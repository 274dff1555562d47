import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BoundedArray,
  BoundedString,
  IsOptionalNotNull,
  LocalizedLongTextDto,
  MoneyDto,
  NestedObjects,
  StableId,
} from '@tadamon/nest-kit';
import { SCHEME_2015 } from '@tadamon/reference-data';
import { Type } from 'class-transformer';
import { IsIn, IsObject, Matches, ValidateIf, ValidateNested } from 'class-validator';
import {
  AGREEMENT_PARTY_KINDS,
  AGREEMENT_PARTY_ROLES,
  MAX_AGREEMENT_PARTIES,
  MAX_PARTY_COMMITMENTS,
} from '../../domain/agreement/agreement-terms';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_AGREEMENT_SECTORS = 20;
export const MAX_AGREEMENT_REGIONS = 12;

/** A calendar date `YYYY-MM-DD` (the domain checks it is a real day). */
export const CalendarDate = () =>
  applyDecorators(
    BoundedString(10, { minLength: 10 }),
    Matches(DATE, { message: '$property must be YYYY-MM-DD' }),
  );

export class AgreementCommitmentDto {
  @ApiProperty({ enum: ['money', 'in-kind'] })
  @IsIn(['money', 'in-kind'])
  kind!: 'money' | 'in-kind';

  @ApiPropertyOptional({ type: MoneyDto, description: 'For a money commitment' })
  @ValidateIf((c: AgreementCommitmentDto) => c.kind === 'money' || c.amount !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto, description: 'For an in-kind commitment' })
  @ValidateIf((c: AgreementCommitmentDto) => c.kind === 'in-kind' || c.description !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  description?: LocalizedLongTextDto;

  @ApiPropertyOptional({ type: MoneyDto, description: 'The estimated value of an in-kind commitment' })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  estimatedValue?: MoneyDto;
}

export class AgreementPartyDto {
  @ApiProperty({ example: 'actor-ministry', description: 'A Registry id (association or actor)' })
  @StableId()
  partyId!: string;

  @ApiProperty({ enum: AGREEMENT_PARTY_KINDS })
  @IsIn(AGREEMENT_PARTY_KINDS as unknown as string[])
  partyKind!: string;

  @ApiProperty({ enum: AGREEMENT_PARTY_ROLES, isArray: true, minItems: 1 })
  @BoundedArray(AGREEMENT_PARTY_ROLES.length, { minItems: 1 })
  @IsIn(AGREEMENT_PARTY_ROLES as unknown as string[], { each: true })
  roles!: string[];

  @ApiProperty({ type: [AgreementCommitmentDto], description: 'A funding party commits money' })
  @BoundedArray(MAX_PARTY_COMMITMENTS)
  @NestedObjects()
  @Type(() => AgreementCommitmentDto)
  commitments!: AgreementCommitmentDto[];
}

export class AgreementRegionDto {
  @ApiProperty({ enum: [SCHEME_2015] })
  @IsIn([SCHEME_2015])
  scheme!: string;

  @ApiProperty({ example: 'MA-09' })
  @BoundedString(10, { minLength: 1 })
  code!: string;
}

/** Every term optional: a revision or an amendment carries only the terms it sets, each whole. */
export class AgreementTermChangesDto {
  @ApiPropertyOptional({ type: LocalizedLongTextDto, description: 'What the agreement is for' })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  object?: LocalizedLongTextDto;

  @ApiPropertyOptional({ nullable: true, description: 'The programme the agreement belongs to, or null' })
  @ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null)
  @StableId()
  programmeId?: string | null;

  @ApiPropertyOptional({
    type: [AgreementPartyDto],
    description: 'At least two, the ministry among them, one accountable; a new list replaces the old one',
  })
  @IsOptionalNotNull()
  @BoundedArray(MAX_AGREEMENT_PARTIES, { minItems: 2 })
  @NestedObjects()
  @Type(() => AgreementPartyDto)
  parties?: AgreementPartyDto[];

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptionalNotNull()
  @CalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ example: '2028-12-31', description: 'After startDate' })
  @IsOptionalNotNull()
  @CalendarDate()
  endDate?: string;

  @ApiPropertyOptional({ type: [String], description: 'DAC 5-digit purpose codes', example: ['14030'] })
  @IsOptionalNotNull()
  @BoundedArray(MAX_AGREEMENT_SECTORS)
  @BoundedString(5, { minLength: 5, each: true })
  sectors?: string[];

  @ApiPropertyOptional({ type: [AgreementRegionDto] })
  @IsOptionalNotNull()
  @BoundedArray(MAX_AGREEMENT_REGIONS)
  @NestedObjects()
  @Type(() => AgreementRegionDto)
  regions?: AgreementRegionDto[];
}

/** A new agreement: its terms (programmeId, sectors and regions may be left out). */
export class DraftAgreementDto {
  @ApiPropertyOptional({ description: 'Default: a new agreement-<uuid>' })
  @IsOptionalNotNull()
  @StableId()
  agreementId?: string;

  @ApiProperty({ type: LocalizedLongTextDto, description: 'What the agreement is for' })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  object!: LocalizedLongTextDto;

  @ApiPropertyOptional({ nullable: true, description: 'The programme the agreement belongs to' })
  @ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null)
  @StableId()
  programmeId?: string | null;

  @ApiProperty({
    type: [AgreementPartyDto],
    description: 'At least two, the ministry among them, one accountable',
  })
  @BoundedArray(MAX_AGREEMENT_PARTIES, { minItems: 2 })
  @NestedObjects()
  @Type(() => AgreementPartyDto)
  parties!: AgreementPartyDto[];

  @ApiProperty({ example: '2026-01-01' })
  @CalendarDate()
  startDate!: string;

  @ApiProperty({ example: '2028-12-31', description: 'After startDate' })
  @CalendarDate()
  endDate!: string;

  @ApiPropertyOptional({ type: [String], description: 'DAC 5-digit purpose codes', example: ['14030'] })
  @IsOptionalNotNull()
  @BoundedArray(MAX_AGREEMENT_SECTORS)
  @BoundedString(5, { minLength: 5, each: true })
  sectors?: string[];

  @ApiPropertyOptional({ type: [AgreementRegionDto] })
  @IsOptionalNotNull()
  @BoundedArray(MAX_AGREEMENT_REGIONS)
  @NestedObjects()
  @Type(() => AgreementRegionDto)
  regions?: AgreementRegionDto[];
}
