import { ApiProperty } from '@nestjs/swagger';

const counts = (description: string, example: Record<string, number>) =>
  ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1 },
    description,
    example,
  });

/** The programme's association figures (GET /api/registry/figures). */
export class AssociationFiguresDto {
  @ApiProperty({ minimum: 0, description: 'Verified (public) associations' })
  associations!: number;

  @counts('Verified associations per ISO 3166-1 host country: one counts in each country it lists', {
    FR: 2,
    BE: 1,
  })
  byHostCountry!: Record<string, number>;

  @counts('Verified associations per OECD DAC sector code: one counts in each sector it lists', {
    '11220': 1,
  })
  bySector!: Record<string, number>;

  @counts(
    'Verified associations per 2015 region of origin: one counts once in a region, through its declared regions or provinces',
    { 'MA-09': 2 },
  )
  byOriginRegion!: Record<string, number>;
}
