import { ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedString } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CHANNELS, LANGUAGES } from '../../domain/notification/notification-messages';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

export class NotificationsPageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class ProofOfNoticeQueryDto extends NotificationsPageQueryDto {
  @ApiPropertyOptional({ description: 'The organisation told (an association, a partner)' })
  @IsOptional()
  @BoundedString(200)
  @Matches(ID, { message: 'organisationId must be an id' })
  organisationId?: string;

  @ApiPropertyOptional({ description: 'The record the notices are about (an application, an agreement)' })
  @IsOptional()
  @BoundedString(200)
  @Matches(ID, { message: 'subjectId must be an id' })
  subjectId?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS as unknown as string[])
  channel?: string;
}

export class PreviewQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'fr' })
  @IsOptional()
  @IsIn(LANGUAGES as unknown as string[])
  language?: string;
}
