import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedString, IsOptionalNotNull, StableId } from '@tadamon/nest-kit';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { MAX_LONG_TEXT, MAX_TEXT } from '../../domain/field-validation';
import { SUPPORT_KINDS } from '../../domain/support-request/support-request-messages';
import { SupportRequestStatus } from '../../domain/support-request/support-request-state';
import { PartnershipsPageQueryDto } from './partnerships-page-query.dto';

export const SUPPORT_REQUEST_STATUSES: readonly SupportRequestStatus[] = [
  'received',
  'assigned',
  'answered',
  'closed',
  'withdrawn',
];

export class RequestSupportDto {
  @ApiPropertyOptional({ description: 'Default: a new support-<uuid>' })
  @IsOptionalNotNull()
  @StableId()
  requestId?: string;

  @ApiPropertyOptional({
    description:
      'The organisation asking: an association or partner account asks for its own (this may be left out); an officer names the one it asks for',
  })
  @IsOptionalNotNull()
  @StableId()
  requesterId?: string;

  @ApiPropertyOptional({ description: 'The project the request is about', nullable: true })
  @ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null)
  @StableId()
  projectId?: string | null;

  @ApiProperty({ enum: SUPPORT_KINDS })
  @IsIn(SUPPORT_KINDS as unknown as string[])
  kind!: string;

  @ApiProperty({ example: 'Dossier de financement' })
  @BoundedString(MAX_TEXT, { minLength: 1 })
  subject!: string;

  @ApiProperty()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  description!: string;
}

export class AssignSupportRequestDto {
  @ApiPropertyOptional({ description: 'The officer (user id) who answers; default: the caller' })
  @IsOptionalNotNull()
  @StableId()
  officerId?: string;
}

export class SupportAnswerDto {
  @ApiProperty({
    enum: ['advice', 'introduction', 'referral'],
    description:
      'Advice (text); an introduction to an agency or CRI (actorId, note); a referral to a call (callId, note)',
  })
  @IsIn(['advice', 'introduction', 'referral'])
  kind!: 'advice' | 'introduction' | 'referral';

  @ApiPropertyOptional({ description: 'The advice (kind advice)' })
  @ValidateIf((a: SupportAnswerDto) => a.kind === 'advice' || a.text !== undefined)
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  text?: string;

  @ApiPropertyOptional({ description: 'The Registry actor introduced (kind introduction)' })
  @ValidateIf((a: SupportAnswerDto) => a.kind === 'introduction' || a.actorId !== undefined)
  @StableId()
  actorId?: string;

  @ApiPropertyOptional({ description: 'The call referred to (kind referral)' })
  @ValidateIf((a: SupportAnswerDto) => a.kind === 'referral' || a.callId !== undefined)
  @StableId()
  callId?: string;

  @ApiPropertyOptional({ description: 'Why this agency or call (kinds introduction and referral)' })
  @ValidateIf((a: SupportAnswerDto) => a.kind !== 'advice' || a.note !== undefined)
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  note?: string;
}

export class AnswerSupportRequestDto {
  @ApiProperty({ type: SupportAnswerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SupportAnswerDto)
  answer!: SupportAnswerDto;
}

export class SupportNoteDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  note?: string;
}

export class WithdrawSupportRequestDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  reason?: string;
}

export class SupportRequestsQueryDto extends PartnershipsPageQueryDto {
  @ApiPropertyOptional({ enum: SUPPORT_REQUEST_STATUSES })
  @IsOptionalNotNull()
  @IsIn(SUPPORT_REQUEST_STATUSES as unknown as string[])
  status?: SupportRequestStatus;

  @ApiPropertyOptional({ description: 'Only requests still waiting on the ministry' })
  @IsOptionalNotNull()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  openOnly?: boolean;

  @ApiPropertyOptional({ description: 'Received more than this many days ago', minimum: 0, maximum: 3650 })
  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  olderThanDays?: number;

  @ApiPropertyOptional({ description: 'Assigned to this officer' })
  @IsOptionalNotNull()
  @StableId()
  officerId?: string;

  @ApiPropertyOptional({ description: 'Asked by this organisation (readers of all)' })
  @IsOptionalNotNull()
  @StableId()
  requesterId?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @StableId()
  projectId?: string;
}
