import { ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedString, PageQueryDto } from '@tadamon/nest-kit';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CHANNELS, LANGUAGES } from '../../domain/notification/notification-messages';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

export class ProofOfNoticeQueryDto extends PageQueryDto {
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
