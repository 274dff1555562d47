import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { AreaLevelQueryDto, BoundedString, PageQueryDto } from '@tadamon/nest-kit';
import { IsIn, IsOptional } from 'class-validator';
import { ACTOR_KINDS } from '../../domain/actor/actor';
import { NEED_PRIORITIES } from '../../domain/regional-need/regional-need';
import { DIRECTORY_SORTS } from '../../projections/association-directory-query';

const STATUSES = ['submitted', 'verified', 'rejected', 'suspended', 'dissolved', 'merged'];
const NEED_STATUSES = ['open', 'matched', 'addressed', 'withdrawn'];

export class AssociationDirectoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'MA-09', description: '2015 region code' })
  @IsOptional()
  @BoundedString(10)
  region?: string;

  @ApiPropertyOptional({ example: 'MA-TAR' })
  @IsOptional()
  @BoundedString(10)
  province?: string;

  @ApiPropertyOptional({ example: 'FR' })
  @IsOptional()
  @BoundedString(2)
  hostCountry?: string;

  @ApiPropertyOptional({ example: '14030' })
  @IsOptional()
  @BoundedString(5)
  sector?: string;

  @ApiPropertyOptional({
    enum: STATUSES,
    description: 'Officers, auditors and admins only; others see verified associations',
  })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'Free text on names (ar/fr/en) and acronym; accents and case ignored' })
  @IsOptional()
  @BoundedString(200)
  text?: string;

  @ApiPropertyOptional({ enum: DIRECTORY_SORTS })
  @IsOptional()
  @IsIn(DIRECTORY_SORTS as unknown as string[])
  sort?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class ActorDirectoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ACTOR_KINDS })
  @IsOptional()
  @IsIn(ACTOR_KINDS as unknown as string[])
  kind?: string;

  @ApiPropertyOptional({ example: 'MA-09' })
  @IsOptional()
  @BoundedString(10)
  region?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @BoundedString(200)
  text?: string;
}

export class RegionalNeedsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'MA-09' })
  @IsOptional()
  @BoundedString(10)
  region?: string;

  @ApiPropertyOptional({ example: '14030' })
  @IsOptional()
  @BoundedString(5)
  sector?: string;

  @ApiPropertyOptional({ enum: NEED_PRIORITIES })
  @IsOptional()
  @IsIn(NEED_PRIORITIES as unknown as string[])
  priority?: string;

  @ApiPropertyOptional({ enum: NEED_STATUSES, description: 'The public sees open needs only' })
  @IsOptional()
  @IsIn(NEED_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'Needs of one publisher (CRI or agency)' })
  @IsOptional()
  @BoundedString(100)
  publisherId?: string;
}

export class NetworksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Networks this association belongs to' })
  @IsOptional()
  @BoundedString(100)
  associationId?: string;
}

/** The needs layer of the map: a level, and the catalogue's sector and priority filters. */
export class NeedsByAreaQueryDto extends IntersectionType(
  AreaLevelQueryDto,
  PickType(RegionalNeedsQueryDto, ['sector', 'priority'] as const),
) {}
