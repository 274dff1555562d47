import { ApiPropertyOptional } from '@nestjs/swagger';
import { DOSSIER_LANGUAGES, DossierLanguage } from '@tadamon/audit';
import { BoundedString } from '@tadamon/nest-kit';
import { IsIn, IsOptional } from 'class-validator';

export class ReplayQueryDto {
  @ApiPropertyOptional({
    description:
      'The moment to replay: the events recorded at or before it (default now); an ISO 8601 date, or an instant with its zone, to the millisecond',
    example: '2026-12-07T10:00:00.000+01:00',
  })
  @IsOptional()
  @BoundedString(40)
  asOf?: string;
}

export class DossierQueryDto extends ReplayQueryDto {
  @ApiPropertyOptional({ enum: DOSSIER_LANGUAGES, default: 'fr', description: "The dossier's language" })
  @IsOptional()
  @IsIn([...DOSSIER_LANGUAGES])
  lang?: DossierLanguage;
}
