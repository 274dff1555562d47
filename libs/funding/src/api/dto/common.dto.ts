import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray, BoundedString, IsOptionalNotNull } from '@tadamon/nest-kit';
import { CURRENCY_CODES, SCHEME_2015 } from '@tadamon/reference-data';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_LONG_TEXT, MAX_TEXT } from '../../domain/field-validation';

/** Ids chosen by clients: at most 100 characters, as the domain's. */
export const MAX_ID = 100;
export const MAX_PAGE_SIZE = 100;
export const MAX_COMMITTEE = 30;

/** The characters of a stream id (and of the domain's ids). */
const ID_CHARACTERS = /^[A-Za-z0-9][A-Za-z0-9._:@-]*$/;

/**
 * An id in a body or a path: the API reads the stream it names before the domain sees it, and a
 * stream name refuses other characters.
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
  @BoundedString(MAX_TEXT, { minLength: 1 })
  fr!: string;

  @ApiPropertyOptional({ description: 'Arabic (right to left)' })
  @IsOptionalNotNull()
  @BoundedString(MAX_TEXT)
  ar?: string;

  @ApiPropertyOptional({ description: 'English' })
  @IsOptionalNotNull()
  @BoundedString(MAX_TEXT)
  en?: string;
}

export class LocalizedLongTextDto {
  @ApiProperty()
  @BoundedString(MAX_LONG_TEXT, { minLength: 1 })
  fr!: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @BoundedString(MAX_LONG_TEXT)
  ar?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @BoundedString(MAX_LONG_TEXT)
  en?: string;
}

export class RegionDto {
  @ApiProperty({ enum: [SCHEME_2015], description: 'Calls and projects are placed in current regions' })
  @IsIn([SCHEME_2015])
  scheme!: string;

  @ApiProperty({ example: 'MA-09' })
  @BoundedString(10, { minLength: 1 })
  code!: string;
}

export class MoneyDto {
  @ApiProperty({
    description: 'Integer amount in the currency’s minor unit (centimes, cents)',
    example: 25000000,
  })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @ApiProperty({ enum: CURRENCY_CODES, example: 'USD' })
  @IsIn(CURRENCY_CODES as unknown as string[])
  currency!: string;
}

/** Money that may be zero (co-financing). Not a subclass: class-validator would keep Min(1). */
export class MoneyOrZeroDto {
  @ApiProperty({ description: 'Integer amount in minor units; 0 allowed', example: 0 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @ApiProperty({ enum: CURRENCY_CODES, example: 'USD' })
  @IsIn(CURRENCY_CODES as unknown as string[])
  currency!: string;
}

export class FundingReasonDto {
  @ApiProperty({ description: 'Why: kept with the event' })
  @BoundedString(MAX_LONG_TEXT, { minLength: 1 })
  reason!: string;
}

/** Who took a collective decision; default: the caller alone. */
export class CommitteeDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'The committee members who took the decision (user ids); default: the caller',
  })
  @IsOptionalNotNull()
  @BoundedArray(MAX_COMMITTEE, { minItems: 1 })
  @StableId({ each: true })
  committeeMembers?: string[];
}

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
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
