import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray, BoundedString, IsOptionalNotNull, NestedObjects } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { MAX_LIST } from '../../domain/field-validation';
import { GeoCodeDto, LocalizedTextDto, MAX_REASON, StableId } from './common.dto';
import { COUNTRY_CODES, HOST_COUNTRY_CODES, SECTOR_CODES } from '@tadamon/reference-data';

export class LegalRegistrationDto {
  @ApiProperty({ enum: COUNTRY_CODES, example: 'FR', description: 'ISO 3166-1 alpha-2' })
  @BoundedString(2, { minLength: 2 })
  country!: string;

  @ApiProperty({ example: 'Préfecture des Bouches-du-Rhône' })
  @BoundedString(200, { minLength: 1 })
  authority!: string;

  @ApiProperty({ example: 'W133000000' })
  @BoundedString(100, { minLength: 1 })
  number!: string;
}

export class HostCityDto {
  @ApiProperty({ enum: HOST_COUNTRY_CODES, example: 'FR' })
  @BoundedString(2, { minLength: 2 })
  country!: string;

  @ApiProperty({ example: 'Marseille' })
  @BoundedString(100, { minLength: 1 })
  name!: string;
}

export class OriginCommuneDto {
  @ApiProperty({ type: GeoCodeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GeoCodeDto)
  province!: GeoCodeDto;

  @ApiProperty({ example: 'Tafraout' })
  @BoundedString(100, { minLength: 1 })
  name!: string;
}

/** Every profile field optional: a change carries only what changes (null clears a field). */
export class AssociationProfileChangesDto {
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  names?: LocalizedTextDto;

  @ApiPropertyOptional({ nullable: true, maxLength: 30 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @BoundedString(30)
  acronym?: string | null;

  @ApiPropertyOptional({ type: LegalRegistrationDto, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => LegalRegistrationDto)
  legalRegistration?: LegalRegistrationDto | null;

  @ApiPropertyOptional({
    isArray: true,
    enum: HOST_COUNTRY_CODES,
    example: ['FR'],
    description: 'ISO 3166-1 alpha-2; not MA',
  })
  @IsOptionalNotNull()
  @BoundedArray(MAX_LIST, { minItems: 1 })
  @BoundedString(2, { each: true, minLength: 2 })
  hostCountries?: string[];

  @ApiPropertyOptional({ type: [HostCityDto] })
  @IsOptionalNotNull()
  @BoundedArray(MAX_LIST)
  @NestedObjects()
  @Type(() => HostCityDto)
  hostCities?: HostCityDto[];

  @ApiPropertyOptional({ type: [GeoCodeDto], description: 'Regions of origin, either scheme' })
  @IsOptionalNotNull()
  @BoundedArray(MAX_LIST)
  @NestedObjects()
  @Type(() => GeoCodeDto)
  originRegions?: GeoCodeDto[];

  @ApiPropertyOptional({ type: [GeoCodeDto] })
  @IsOptionalNotNull()
  @BoundedArray(MAX_LIST)
  @NestedObjects()
  @Type(() => GeoCodeDto)
  originProvinces?: GeoCodeDto[];

  @ApiPropertyOptional({ type: [OriginCommuneDto] })
  @IsOptionalNotNull()
  @BoundedArray(MAX_LIST)
  @NestedObjects()
  @Type(() => OriginCommuneDto)
  originCommunes?: OriginCommuneDto[];

  @ApiPropertyOptional({
    isArray: true,
    enum: SECTOR_CODES,
    example: ['14030'],
    description: 'OECD DAC purpose codes',
  })
  @IsOptionalNotNull()
  @BoundedArray(MAX_LIST)
  @BoundedString(5, { each: true, minLength: 5 })
  sectors?: string[];

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  membersCount?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 'https://www.migdev.org' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @BoundedString(300)
  website?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '1986-01-01', description: 'YYYY-MM-DD' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @BoundedString(10, { minLength: 10 })
  foundedOn?: string | null;
}

/** A registration: names and host countries required, the rest may come later. */
export class AssociationProfileDto extends AssociationProfileChangesDto {
  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  declare names: LocalizedTextDto;

  @ApiProperty({ isArray: true, enum: HOST_COUNTRY_CODES, example: ['FR'] })
  @BoundedArray(MAX_LIST, { minItems: 1 })
  @BoundedString(2, { each: true, minLength: 2 })
  declare hostCountries: string[];
}

export class RegisterAssociationDto {
  @ApiPropertyOptional({
    description:
      'Stable Tadamon id; generated when absent. An association account registers its own organisation only.',
    example: 'assoc-migrations-et-developpement',
  })
  @IsOptionalNotNull()
  @StableId()
  associationId?: string;

  @ApiProperty({ type: AssociationProfileDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AssociationProfileDto)
  profile!: AssociationProfileDto;
}

export class FlagDuplicateDto {
  @ApiProperty()
  @StableId()
  otherAssociationId!: string;

  @ApiProperty()
  @BoundedString(MAX_REASON, { minLength: 1, multiline: true })
  reason!: string;
}

export class MergeAssociationDto {
  @ApiProperty({ description: 'The association that lives on' })
  @StableId()
  survivorId!: string;
}
