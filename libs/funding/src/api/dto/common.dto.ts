import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray, BoundedString, IsOptionalNotNull, StableId } from '@tadamon/nest-kit';
import { CURRENCY_CODES, SCHEME_2015 } from '@tadamon/reference-data';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { MAX_LONG_TEXT } from '../../domain/field-validation';

// Shared by every context's API: the kit holds them, so OpenAPI has one schema of each.
export {
  CommandResultDto,
  LocalizedLongTextDto,
  LocalizedTextDto,
  MAX_ID,
  MoneyDto,
  StableId,
} from '@tadamon/nest-kit';

export const MAX_COMMITTEE = 30;

export class RegionDto {
  @ApiProperty({ enum: [SCHEME_2015], description: 'Calls and projects are placed in current regions' })
  @IsIn([SCHEME_2015])
  scheme!: string;

  @ApiProperty({ example: 'MA-09' })
  @BoundedString(10, { minLength: 1 })
  code!: string;
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
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  reason!: string;
}

/** Who took a collective decision; default: the caller alone. */
export class CommitteeDto {
  @ApiPropertyOptional({
    type: [String],
    description:
      'The committee members who took the decision (user ids); default: the caller. Each must be a known committee user (else 400 UNKNOWN_COMMITTEE_MEMBER), the caller among them (400 CALLER_NOT_IN_COMMITTEE), none acting for the applicant nor an evaluator of the dossier (409 COMMITTEE_MEMBER_HAS_CONFLICT)',
    minItems: 1,
    maxItems: MAX_COMMITTEE,
  })
  @IsOptionalNotNull()
  @BoundedArray(MAX_COMMITTEE, { minItems: 1 })
  @StableId({ each: true })
  committeeMembers?: string[];
}

export { MAX_PAGE_SIZE, PageQueryDto } from '@tadamon/nest-kit';
