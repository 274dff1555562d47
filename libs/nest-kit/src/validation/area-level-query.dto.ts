import { ApiPropertyOptional } from '@nestjs/swagger';
import { AREA_LEVELS, AreaLevel } from '@tadamon/reference-data';
import { IsIn, IsOptional } from 'class-validator';

/** The level a GeoJSON layer of areas groups by: the 12 regions (default) or the 75 provinces. */
export class AreaLevelQueryDto {
  @ApiPropertyOptional({ enum: AREA_LEVELS, default: 'region' })
  @IsOptional()
  @IsIn(AREA_LEVELS)
  level?: AreaLevel;
}
