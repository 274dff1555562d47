import { ApiProperty } from '@nestjs/swagger';

class RegionNamesDto {
  @ApiProperty() ar!: string;
  @ApiProperty() fr!: string;
  @ApiProperty() en!: string;
}

/** One 2015 region on the public map (GET /api/registry/map/regions). */
export class RegionAggregateDto {
  @ApiProperty({ example: 'MA-09', description: 'ISO 3166-2:MA code of the 2015 region' })
  region!: string;

  @ApiProperty({ type: RegionNamesDto })
  names!: RegionNamesDto;

  @ApiProperty({ minimum: 0, description: 'Verified associations whose origins lie in the region' })
  associations!: number;

  @ApiProperty({ minimum: 0 })
  openNeeds!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1 },
    description: 'Open needs per OECD DAC sector code',
    example: { '14030': 2 },
  })
  openNeedsBySector!: Record<string, number>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', pattern: '^(0|[1-9][0-9]*)$' },
    description:
      'Total estimated budget of the open needs per currency (ISO 4217 code): minor units as a decimal string, exact at any size (a sum may pass 2^53)',
    example: { MAD: '125000050' },
  })
  openBudget!: Record<string, string>;
}
