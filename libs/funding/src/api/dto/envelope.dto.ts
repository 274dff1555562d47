import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedString, IsOptionalNotNull } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { LocalizedTextDto, MoneyDto, PageQueryDto, StableId } from './common.dto';

export class EnvelopePeriodDto {
  @ApiProperty({ example: '2025-01-01', description: 'YYYY-MM-DD, included' })
  @BoundedString(10, { minLength: 10 })
  start!: string;

  @ApiProperty({ example: '2027-12-31', description: 'YYYY-MM-DD, included' })
  @BoundedString(10, { minLength: 10 })
  end!: string;
}

export class OpenEnvelopeDto {
  @ApiPropertyOptional({ description: 'Chosen by the caller, else generated', example: 'env-icmd2-iom-usd' })
  @IsOptionalNotNull()
  @StableId()
  envelopeId?: string;

  @ApiProperty({
    description: 'The programme the envelope belongs to (opening its first envelope creates it)',
    example: 'icmd-phase-2',
  })
  @StableId()
  programmeId!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name!: LocalizedTextDto;

  @ApiProperty({
    description:
      'The funder: a Registry actor Funding has heard of (funder, ministry, agency...), never an association',
    example: 'actor-iom',
  })
  @StableId()
  funderId!: string;

  @ApiProperty({ type: MoneyDto, description: 'What the envelope holds, in its currency' })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({ type: EnvelopePeriodDto })
  @IsObject()
  @ValidateNested()
  @Type(() => EnvelopePeriodDto)
  period!: EnvelopePeriodDto;
}

export class EnvelopesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'icmd-phase-2' })
  @IsOptionalNotNull()
  @StableId()
  programmeId?: string;
}
