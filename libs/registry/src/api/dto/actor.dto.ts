import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray, BoundedString, IsOptionalNotNull, NestedObjects } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateNested } from 'class-validator';
import { ACTOR_KINDS } from '../../domain/actor/actor';
import { MAX_LIST } from '../../domain/field-validation';
import { NETWORK_KINDS } from '../../domain/network/network';
import { GeoCodeDto, LocalizedTextDto, StableId } from './common.dto';
import { SECTOR_CODES } from '@tadamon/reference-data';

export class ActorChangesDto {
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  names?: LocalizedTextDto;

  @ApiPropertyOptional({ type: [GeoCodeDto], description: '2015 regions it works in' })
  @IsOptionalNotNull()
  @BoundedArray(MAX_LIST)
  @NestedObjects()
  @Type(() => GeoCodeDto)
  regions?: GeoCodeDto[];

  @ApiPropertyOptional({ isArray: true, enum: SECTOR_CODES, description: 'OECD DAC purpose codes' })
  @IsOptionalNotNull()
  @BoundedArray(MAX_LIST)
  @BoundedString(5, { each: true, minLength: 5 })
  sectors?: string[];
}

export class RegisterActorDto {
  @ApiPropertyOptional({ example: 'actor-cri-souss-massa', description: 'Generated when absent' })
  @IsOptionalNotNull()
  @StableId()
  actorId?: string;

  @ApiProperty({ enum: ACTOR_KINDS })
  @IsIn(ACTOR_KINDS as unknown as string[])
  kind!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  names!: LocalizedTextDto;

  @ApiProperty({ type: [GeoCodeDto] })
  @BoundedArray(MAX_LIST)
  @NestedObjects()
  @Type(() => GeoCodeDto)
  regions!: GeoCodeDto[];

  @ApiProperty({ isArray: true, enum: SECTOR_CODES })
  @BoundedArray(MAX_LIST)
  @BoundedString(5, { each: true, minLength: 5 })
  sectors!: string[];
}

export class CreateNetworkDto {
  @ApiPropertyOptional({ description: 'Generated when absent' })
  @IsOptionalNotNull()
  @StableId()
  networkId?: string;

  @ApiProperty({ enum: NETWORK_KINDS })
  @IsIn(NETWORK_KINDS as unknown as string[])
  kind!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  names!: LocalizedTextDto;
}

export class RenameNetworkDto {
  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  names!: LocalizedTextDto;
}

export class NetworkMemberDto {
  @ApiProperty()
  @StableId()
  associationId!: string;
}
