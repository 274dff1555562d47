import { ApiProperty } from '@nestjs/swagger';
import { CURRENCY_CODES } from '@tadamon/reference-data';

/**
 * A sum of amounts (a response only). Each amount is at most 2^53 - 1 minor units and travels as a
 * JSON number; a sum may be larger, so it travels as a decimal string, exact at any size.
 */
export class MoneyTotalDto {
  @ApiProperty({
    type: String,
    pattern: '^-?(0|[1-9][0-9]*)$',
    description:
      'Integer minor units (centimes, cents) as a decimal string: a sum is exact at any size, beyond 2^53 too',
    example: '18014398509481982',
  })
  amountMinor!: string;

  @ApiProperty({ enum: CURRENCY_CODES, example: 'MAD' })
  currency!: string;
}
