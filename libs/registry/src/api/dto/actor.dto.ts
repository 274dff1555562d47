import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray, BoundedString } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { ACTOR_KINDS } from '../../domain/actor/actor';
import { MAX_LIST } from '../../domain/field-validation';
import { NETWORK_KINDS } from '../../domain/network/network';
import { GeoCodeDto, LocalizedTextDto, MAX_ID } from './common.dto';

export class ActorChangesDto {
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  names?: LocalizedTextDto;

  @ApiPropertyOptional({ type: [GeoCodeDto], description: '2015 regions it works in' })
  @IsOptional()
  @BoundedArray(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => GeoCodeDto)
  regions?: GeoCodeDto[];

  @ApiPropertyOptional({ type: [String], description: 'OECD DAC purpose codes' })
  @IsOptional()
  @BoundedArray(MAX_LIST)
  @BoundedString(5, { each: true, minLength: 5 })
  sectors?: string[];
}

export class RegisterActorDto {
  @ApiPropertyOptional({ example: 'actor-cri-souss-massa', description: 'Generated when absent' })
  @IsOptional()
  @BoundedString(MAX_ID, { minLength: 1 })
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
  @ValidateNested({ each: true })
  @Type(() => GeoCodeDto)
  regions!: GeoCodeDto[];

  @ApiProperty({ type: [String] })
  @BoundedArray(MAX_LIST)
  @BoundedString(5, { each: true, minLength: 5 })
  sectors!: string[];
}

export class CreateNetworkDto {
  @ApiPropertyOptional({ description: 'Generated when absent' })
  @IsOptional()
  @BoundedString(MAX_ID, { minLength: 1 })
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
  @BoundedString(MAX_ID, { minLength: 1 })
  associationId!: string;
}
