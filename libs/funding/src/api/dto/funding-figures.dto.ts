import { ApiProperty } from '@nestjs/swagger';

/** The programme's funding figures (GET /api/funding/figures). */
export class FundingFiguresDto {
  @ApiProperty({ minimum: 0, description: 'Grants awarded and not withdrawn' })
  awards!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', pattern: '^(0|[1-9][0-9]*)$' },
    description:
      'Amount awarded per currency (ISO 4217 code): minor units as a decimal string, exact at any size (a sum may pass 2^53)',
    example: { MAD: '125000000' },
  })
  awarded!: Record<string, string>;

  @ApiProperty({ minimum: 0, description: 'Calls for proposals open now (published, deadline not passed)' })
  openCalls!: number;

  @ApiProperty({ minimum: 0, description: 'Programmes with at least one budget envelope' })
  programmes!: number;
}
