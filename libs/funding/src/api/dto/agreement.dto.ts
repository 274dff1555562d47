import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray, BoundedString, IsOptionalNotNull, NestedObjects } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, ValidateNested } from 'class-validator';
import { MAX_LONG_TEXT } from '../../domain/field-validation';
import { MoneyDto, StableId } from './common.dto';

export class TrancheScheduleDto {
  @ApiProperty({ example: 't1' })
  @StableId()
  trancheId!: string;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({ example: '2026-01-15', description: 'YYYY-MM-DD' })
  @BoundedString(10, { minLength: 10 })
  dueOn!: string;
}

export class SignAgreementDto {
  @ApiPropertyOptional({ description: 'Default: agreement-<applicationId>' })
  @IsOptionalNotNull()
  @StableId()
  agreementId?: string;

  @ApiProperty({ example: '2025-09-01', description: 'YYYY-MM-DD, not in the future' })
  @BoundedString(10, { minLength: 10 })
  signedOn!: string;

  @ApiProperty({
    type: [String],
    description:
      'The parties who signed, by Registry id: the applicant association (required), the funder of the award’s envelope, the ministry (an actor of kind ministry); at least two',
    example: ['assoc-migrations-et-developpement', 'actor-iom', 'actor-ministry'],
  })
  @BoundedArray(10, { minItems: 2 })
  @StableId({ each: true })
  signatories!: string[];

  @ApiProperty({ type: [TrancheScheduleDto], description: 'In order; they add up to the award' })
  @BoundedArray(24, { minItems: 1 })
  @NestedObjects()
  @Type(() => TrancheScheduleDto)
  tranches!: TrancheScheduleDto[];
}

export class TrancheReportDto {
  @ApiPropertyOptional({ description: 'Default: report-<trancheId>-<n>' })
  @IsOptionalNotNull()
  @StableId()
  reportId?: string;

  @ApiProperty({ description: 'What was done with the tranche' })
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  summary!: string;
}

export class ReportReviewDto {
  @ApiProperty({
    description: 'Approved: the next tranche may be released; else returned to the association',
  })
  @IsBoolean()
  approved!: boolean;

  @ApiProperty()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  comment!: string;
}
