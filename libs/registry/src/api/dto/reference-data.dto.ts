import { ApiProperty } from '@nestjs/swagger';

class NamesDto {
  @ApiProperty() ar!: string;
  @ApiProperty() fr!: string;
  @ApiProperty() en!: string;
}

class RegionReferenceDto {
  @ApiProperty({ example: 'MA-09', description: 'ISO 3166-2:MA code, 2015 scheme' })
  code!: string;
  @ApiProperty({ type: NamesDto }) names!: NamesDto;
}

class ProvinceReferenceDto {
  @ApiProperty({ example: 'MA-TIZ', description: 'ISO 3166-2:MA code, 2015 scheme' })
  code!: string;
  @ApiProperty({ enum: ['province', 'prefecture'] }) kind!: 'province' | 'prefecture';
  @ApiProperty({ example: 'MA-09', description: 'Its 2015 region' }) region!: string;
  @ApiProperty({ type: NamesDto }) names!: NamesDto;
}

class SectorReferenceDto {
  @ApiProperty({ example: '14030', description: 'OECD DAC (CRS) purpose code' }) code!: string;
  @ApiProperty({ example: 'water' }) category!: string;
  @ApiProperty({ type: NamesDto }) names!: NamesDto;
}

/** The codes the platform accepts, named in ar/fr/en: forms offer them instead of free text. */
export class ReferenceDataDto {
  @ApiProperty({ type: [RegionReferenceDto] }) regions!: RegionReferenceDto[];
  @ApiProperty({ type: [ProvinceReferenceDto] }) provinces!: ProvinceReferenceDto[];
  @ApiProperty({ type: [SectorReferenceDto] }) sectors!: SectorReferenceDto[];
  @ApiProperty({
    type: [String],
    example: ['BE', 'ES', 'FR'],
    description:
      'Host countries, ISO 3166-1 alpha-2 (every country but Morocco; clients name them with CLDR)',
  })
  hostCountries!: string[];
  @ApiProperty({ type: [String], example: ['MAD', 'EUR', 'USD'] }) currencies!: string[];
}
