import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray, BoundedString, IsOptionalNotNull, NestedObjects } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsIn, IsObject, Matches, ValidateNested } from 'class-validator';
import { MAX_LIST, MAX_LONG_TEXT, MAX_TEXT } from '../../domain/field-validation';
import { DOCUMENT_KINDS } from '../../domain/grant-application/project-proposal';
import {
  LocalizedLongTextDto,
  LocalizedTextDto,
  MoneyDto,
  MoneyOrZeroDto,
  PageQueryDto,
  RegionDto,
  StableId,
} from './common.dto';
import { SECTOR_CODES } from '@tadamon/reference-data';

export class ApplicationDocumentDto {
  @ApiProperty({ example: 'doc-project' })
  @StableId()
  documentId!: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS as unknown as string[])
  kind!: string;

  @ApiProperty({ example: 'projet.pdf' })
  @BoundedString(MAX_TEXT, { minLength: 1 })
  name!: string;

  @ApiProperty({ description: 'Lower-case hex SHA-256 of the file: the dossier is provable' })
  @BoundedString(64, { minLength: 64 })
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be a lower-case hex SHA-256' })
  sha256!: string;
}

/** Every proposal field optional: a change carries only what changes. */
export class ProposalChangesDto {
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

  @ApiPropertyOptional({
    isArray: true,
    enum: SECTOR_CODES,
    example: ['14030'],
    description: 'OECD DAC purpose codes (1 to 10)',
  })
  @IsOptionalNotNull()
  @BoundedArray(10, { minItems: 1 })
  @BoundedString(5, { each: true, minLength: 5 })
  sectors?: string[];

  @ApiPropertyOptional({ type: RegionDto, description: 'Where the project takes place' })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => RegionDto)
  region?: RegionDto;

  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'At most the call’s whole budget (else 400 AMOUNT_ABOVE_CALL_BUDGET)',
  })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amountRequested?: MoneyDto;

  @ApiPropertyOptional({ type: MoneyOrZeroDto, description: 'What the association and its partners bring' })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyOrZeroDto)
  coFinancing?: MoneyOrZeroDto;

  @ApiPropertyOptional({ type: [ApplicationDocumentDto] })
  @IsOptionalNotNull()
  @BoundedArray(MAX_LIST)
  @NestedObjects()
  @Type(() => ApplicationDocumentDto)
  documents?: ApplicationDocumentDto[];
}

export class ProposalDto extends ProposalChangesDto {
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

  @ApiProperty({ isArray: true, enum: SECTOR_CODES, example: ['14030'] })
  @BoundedArray(10, { minItems: 1 })
  @BoundedString(5, { each: true, minLength: 5 })
  declare sectors: string[];

  @ApiProperty({ type: RegionDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RegionDto)
  declare region: RegionDto;

  @ApiProperty({
    type: MoneyDto,
    description: 'At most the call’s whole budget (else 400 AMOUNT_ABOVE_CALL_BUDGET)',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  declare amountRequested: MoneyDto;

  @ApiProperty({ type: MoneyOrZeroDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyOrZeroDto)
  declare coFinancing: MoneyOrZeroDto;
}

export class DraftApplicationDto {
  @ApiPropertyOptional({ description: 'Chosen by the caller, else generated', example: 'app-md-2025' })
  @IsOptionalNotNull()
  @StableId()
  applicationId?: string;

  @ApiProperty({ description: 'A published call' })
  @StableId()
  callId!: string;

  @ApiProperty({ type: ProposalDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ProposalDto)
  proposal!: ProposalDto;
}

export class AppealDto {
  @ApiProperty({ description: 'Why the decision should be reviewed' })
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  grounds!: string;
}

const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'eligible',
  'ineligible',
  'under-evaluation',
  'scored',
  'recommended',
  'not-recommended',
  'awarded',
  'rejected',
  'withdrawn',
];

export class ApplicationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @StableId()
  callId?: string;

  @ApiPropertyOptional({
    description: 'Officers, committee, auditors and admins (an association sees its own)',
  })
  @IsOptionalNotNull()
  @StableId()
  associationId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptionalNotNull()
  @IsIn(APPLICATION_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'Only applications held back (true) or not (false)' })
  @IsOptionalNotNull()
  @Type(() => String)
  @IsIn(['true', 'false'])
  flagged?: string;
}

export class BoardQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptionalNotNull()
  @IsIn(APPLICATION_STATUSES)
  status?: string;
}
