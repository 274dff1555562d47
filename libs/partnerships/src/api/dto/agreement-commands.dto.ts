import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedString, IsOptionalNotNull, StableId } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateNested } from 'class-validator';
import { AGREEMENT_DOCUMENT_KINDS } from '../../domain/agreement/agreement-documents';
import { AgreementStatus } from '../../domain/agreement/agreement-state';
import { MAX_LONG_TEXT, MAX_TEXT } from '../../domain/field-validation';
import { AgreementTermChangesDto, CalendarDate } from './agreement-terms.dto';
import { PartnershipsPageQueryDto } from './partnerships-page-query.dto';

export class ReviseAgreementDraftDto {
  @ApiProperty({ type: AgreementTermChangesDto, description: 'The terms that change, each whole' })
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementTermChangesDto)
  changes!: AgreementTermChangesDto;
}

export class SignPartnershipAgreementDto {
  @ApiPropertyOptional({
    description:
      'The party signed for. An association or partner account signs for its own organisation (this may be left out); an officer signs for the ministry by default and may record any party’s signature',
  })
  @IsOptionalNotNull()
  @StableId()
  partyId?: string;

  @ApiProperty({ example: '2026-03-01', description: 'The day the party signed, not in the future' })
  @CalendarDate()
  signedOn!: string;
}

export class ProposeAmendmentDto {
  @ApiPropertyOptional({ description: 'Default: a new amendment-<uuid>' })
  @IsOptionalNotNull()
  @StableId()
  amendmentId?: string;

  @ApiProperty({ type: AgreementTermChangesDto, description: 'The terms the amendment sets, each whole' })
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementTermChangesDto)
  changes!: AgreementTermChangesDto;

  @ApiProperty({ description: 'Why the agreement is amended' })
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  reason!: string;
}

export class RenewAgreementDto {
  @ApiPropertyOptional({ description: 'Default: a new renewal-<uuid>' })
  @IsOptionalNotNull()
  @StableId()
  amendmentId?: string;

  @ApiProperty({ example: '2030-12-31', description: 'After the current end date' })
  @CalendarDate()
  newEndDate!: string;

  @ApiProperty()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  reason!: string;
}

export class AgreementReasonDto {
  @ApiProperty({ description: 'Why: kept with the event' })
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  reason!: string;
}

export class TerminateAgreementDto extends AgreementReasonDto {
  @ApiProperty({ example: '2027-06-30', description: 'The first day the agreement no longer binds' })
  @CalendarDate()
  effectiveOn!: string;
}

export class CompleteAgreementDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  note?: string;
}

/** What names an uploaded file: its body is the file, its Content-Type its media type. */
export class AgreementDocumentQueryDto {
  @ApiProperty({ example: 'convention-signee.pdf', description: 'The file name shown' })
  @BoundedString(MAX_TEXT, { minLength: 1 })
  name!: string;

  @ApiProperty({ enum: AGREEMENT_DOCUMENT_KINDS })
  @IsIn(AGREEMENT_DOCUMENT_KINDS as unknown as string[])
  kind!: string;
}

export const AGREEMENT_STATUSES: readonly AgreementStatus[] = [
  'draft',
  'negotiation',
  'in-force',
  'suspended',
  'completed',
  'terminated',
  'expired',
];

export class AgreementsQueryDto extends PartnershipsPageQueryDto {
  @ApiPropertyOptional({ description: 'Agreements this Registry id was ever a party to' })
  @IsOptionalNotNull()
  @StableId()
  partyId?: string;

  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES })
  @IsOptionalNotNull()
  @IsIn(AGREEMENT_STATUSES as unknown as string[])
  status?: AgreementStatus;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @StableId()
  programmeId?: string;
}
