import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CADENCES } from '../../domain/preferences/preferences';
import { CHANNELS, LANGUAGES, TRIGGERS } from '../../domain/notification/notification-messages';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export class QuietHoursDto {
  @ApiProperty({ example: '21:00', description: 'Start, HH:MM in Africa/Casablanca' })
  @Matches(HH_MM, { message: 'from must be a time HH:MM' })
  from!: string;

  @ApiProperty({ example: '08:00', description: 'End, HH:MM; before `from` spans midnight' })
  @Matches(HH_MM, { message: 'to must be a time HH:MM' })
  to!: string;
}

export class PreferencesDto {
  @ApiProperty({ enum: CHANNELS, isArray: true, example: ['email', 'in-app'] })
  @BoundedArray(CHANNELS.length)
  @IsIn(CHANNELS as unknown as string[], { each: true })
  channels!: string[];

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES as unknown as string[])
  language!: string;

  @ApiProperty({ enum: CADENCES, description: 'Emails at once, or gathered in a daily or weekly digest' })
  @IsIn(CADENCES as unknown as string[])
  cadence!: string;

  @ApiPropertyOptional({
    type: QuietHoursDto,
    nullable: true,
    description: 'No email in this window (null or left out: none)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;
}

export class CategoryDto {
  @ApiProperty({ enum: TRIGGERS, description: 'The category (trigger) to receive again' })
  @IsIn(TRIGGERS as unknown as string[])
  category!: string;
}
