import { ApiProperty } from '@nestjs/swagger';
import { BoundedString } from '@tadamon/nest-kit';
import { GEO_SCHEMES } from '@tadamon/reference-data';
import { IsIn } from 'class-validator';

// Shared by every context's API: the kit holds them, so OpenAPI has one schema of each.
export {
  CommandResultDto,
  LocalizedLongTextDto,
  LocalizedTextDto,
  MAX_ID,
  MoneyDto,
  StableId,
} from '@tadamon/nest-kit';

export const MAX_REASON = 2000;

export class GeoCodeDto {
  @ApiProperty({
    enum: GEO_SCHEMES,
    description: 'Codes were reused in 2015: a code means nothing without its scheme',
  })
  @IsIn(GEO_SCHEMES as unknown as string[])
  scheme!: string;

  @ApiProperty({ example: 'MA-09' })
  @BoundedString(10, { minLength: 1 })
  code!: string;
}

export class ReasonDto {
  @ApiProperty({ description: 'Why: kept with the event' })
  @BoundedString(MAX_REASON, { minLength: 1, multiline: true })
  reason!: string;
}
