import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray, BoundedString, IsOptionalNotNull } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateNested } from 'class-validator';
import { MAX_LIST } from '../../domain/field-validation';
import { NEED_PRIORITIES } from '../../domain/regional-need/regional-need';
import { GeoCodeDto, LocalizedLongTextDto, LocalizedTextDto, MoneyDto, StableId } from './common.dto';
import { SECTOR_CODES } from '@tadamon/reference-data';

export class PublishRegionalNeedDto {
  @ApiPropertyOptional({ description: 'Generated when absent' })
  @IsOptionalNotNull()
  @StableId()
  needId?: string;

  @ApiPropertyOptional({
    description:
      'Officers publish on behalf of a CRI or agency; a partner account always publishes as itself',
  })
  @IsOptionalNotNull()
  @StableId()
  publisherId?: string;

  @ApiProperty({ type: GeoCodeDto, description: 'A 2015 region, or a province' })
  @IsObject()
  @ValidateNested()
  @Type(() => GeoCodeDto)
  location!: GeoCodeDto;

  @ApiProperty({ enum: SECTOR_CODES, example: '14030' })
  @BoundedString(5, { minLength: 5 })
  sector!: string;

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

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  estimatedBudget!: MoneyDto;

  @ApiProperty({ enum: NEED_PRIORITIES })
  @IsIn(NEED_PRIORITIES as unknown as string[])
  priority!: string;
}

export class MatchRegionalNeedDto {
  @ApiProperty({ type: [String] })
  @BoundedArray(MAX_LIST)
  @StableId({ each: true })
  associationIds!: string[];

  @ApiProperty({ type: [String] })
  @BoundedArray(MAX_LIST)
  @StableId({ each: true })
  funderIds!: string[];
}

export class AddressedDto {
  @ApiProperty({ description: 'How the need was addressed (internal)' })
  @BoundedString(2000, { minLength: 1, multiline: true })
  note!: string;
}
