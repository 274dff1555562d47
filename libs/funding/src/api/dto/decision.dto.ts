import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray, BoundedString, IsOptionalNotNull } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, ValidateNested } from 'class-validator';
import { MAX_LIST, MAX_LONG_TEXT } from '../../domain/field-validation';
import { CommitteeDto, MAX_COMMITTEE, MoneyDto, StableId } from './common.dto';

/** Why an application outside the call's funded set is awarded all the same, and who decided it. */
export class DerogationDto {
  @ApiProperty({
    description:
      'Why the committee awards an application outside the funded set of the call’s ranking (recorded with the award)',
    minLength: 1,
    maxLength: MAX_LONG_TEXT,
  })
  @BoundedString(MAX_LONG_TEXT, { minLength: 1 })
  reason!: string;

  @ApiProperty({
    type: [String],
    description:
      'The committee members who decided the derogation (user ids of the committee, the caller among them)',
    minItems: 1,
    maxItems: MAX_COMMITTEE,
  })
  @BoundedArray(MAX_COMMITTEE, { minItems: 1 })
  @StableId({ each: true })
  committeeMembers!: string[];
}

export class RecommendationDto extends CommitteeDto {
  @ApiProperty({ description: 'Recommended for funding, or not' })
  @IsBoolean()
  recommended!: boolean;

  @ApiProperty()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  rationale!: string;
}

export class AwardDto extends CommitteeDto {
  @ApiPropertyOptional({ type: MoneyDto, description: 'Default: the amount requested' })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto;

  @ApiProperty({ type: [String], description: 'Conditions attached to the grant (may be empty)' })
  @BoundedArray(MAX_LIST)
  @BoundedString(MAX_LONG_TEXT, { each: true, minLength: 1, multiline: true })
  conditions!: string[];

  @ApiProperty()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  rationale!: string;

  @ApiPropertyOptional({
    type: DerogationDto,
    description:
      'Required when the application is outside the funded set of the call’s ranking (else 409 OUTSIDE_FUNDED_SET); recorded with the award',
  })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => DerogationDto)
  derogation?: DerogationDto;
}

export class RejectionDto extends CommitteeDto {
  @ApiProperty({ type: [String], description: 'At least one reason' })
  @BoundedArray(MAX_LIST, { minItems: 1 })
  @BoundedString(MAX_LONG_TEXT, { each: true, minLength: 1, multiline: true })
  reasons!: string[];
}

export class AppealDecisionDto extends CommitteeDto {
  @ApiProperty({ description: 'Upheld: the rejection is annulled and the committee decides again' })
  @IsBoolean()
  upheld!: boolean;

  @ApiProperty()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  rationale!: string;
}
