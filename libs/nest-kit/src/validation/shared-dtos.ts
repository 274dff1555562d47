import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CURRENCY_CODES } from '@tadamon/reference-data';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { BoundedString, IsOptionalNotNull } from './bounded';

/** What every context's API shares: ids chosen by clients, texts in ar/fr/en, money, command answers. */

/** Ids chosen by clients: at most 100 characters, as the domains'. */
export const MAX_ID = 100;
/** A name or title in one language; a description. The domains check the same limits. */
export const TEXT_LIMIT = 200;
export const LONG_TEXT_LIMIT = 5000;

/** The characters of a stream id (and of the domain's ids). */
const ID_CHARACTERS = /^[A-Za-z0-9][A-Za-z0-9._:@-]*$/;

/**
 * An id in a body: the API reads the stream it names (to check the record exists, or to run the
 * command) before the domain sees it, and a stream name refuses other characters with a 404.
 */
export function StableId(options: { each?: boolean } = {}) {
  const each = options.each ?? false;
  return applyDecorators(
    BoundedString(MAX_ID, { minLength: 1, each }),
    Matches(ID_CHARACTERS, {
      each,
      message: '$property must be letters, digits and . _ : @ -, starting with a letter or digit',
    }),
  );
}

export class LocalizedTextDto {
  @ApiProperty({ description: 'French (required: the administration’s working language)' })
  @BoundedString(TEXT_LIMIT, { minLength: 1 })
  fr!: string;

  @ApiPropertyOptional({ description: 'Arabic (right to left)' })
  @IsOptionalNotNull()
  @BoundedString(TEXT_LIMIT)
  ar?: string;

  @ApiPropertyOptional({ description: 'English' })
  @IsOptionalNotNull()
  @BoundedString(TEXT_LIMIT)
  en?: string;
}

export class LocalizedLongTextDto {
  @ApiProperty()
  @BoundedString(LONG_TEXT_LIMIT, { minLength: 1, multiline: true })
  fr!: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @BoundedString(LONG_TEXT_LIMIT, { multiline: true })
  ar?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @BoundedString(LONG_TEXT_LIMIT, { multiline: true })
  en?: string;
}

export class MoneyDto {
  @ApiProperty({
    description: 'Integer amount in the currency’s minor unit (centimes, cents)',
    example: 250000000,
  })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @ApiProperty({ enum: CURRENCY_CODES, example: 'MAD' })
  @IsIn(CURRENCY_CODES as unknown as string[])
  currency!: string;
}

/** What a command answers: the new revision (next If-Match) and the log position it reached. */
export class CommandResultDto {
  @ApiProperty({ description: 'Stream revision after the command; send it back as If-Match' })
  revision!: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Global log position of the last event; null when nothing changed',
  })
  position!: number | null;

  @ApiProperty({
    type: [String],
    description: 'Events recorded; empty when the command repeated what was already true',
  })
  events!: string[];
}
