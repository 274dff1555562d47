import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedString, IsOptionalNotNull, PageQueryDto, StableId } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsIn, IsObject, Matches, ValidateNested } from 'class-validator';
import { REVOCATION_CODES } from '../../domain/certificate/certificate-commands';
import { MAX_LONG_TEXT } from '../../domain/field-validation';

export const CERTIFICATE_STATUSES = ['active', 'suspended', 'revoked'] as const;
/** A credential presented for verification: ours are a few kilobytes; 64 KiB bounds the work. */
export const MAX_PRESENTED_CREDENTIAL = 65_536;

export class CertificatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CERTIFICATE_STATUSES })
  @IsOptionalNotNull()
  @IsIn(CERTIFICATE_STATUSES as unknown as string[])
  status?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @StableId()
  sessionId?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @StableId()
  moduleId?: string;

  @ApiPropertyOptional({ description: 'An officer only (an association sees its own)' })
  @IsOptionalNotNull()
  @StableId()
  associationId?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @StableId()
  traineeId?: string;
}

export class SuspendCertificateDto {
  @ApiProperty({ example: 'Enquête sur la feuille de présence' })
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  reason!: string;
}

export class RevocationReasonDto {
  @ApiProperty({ enum: REVOCATION_CODES })
  @IsIn(REVOCATION_CODES as unknown as string[])
  code!: string;

  @ApiProperty({ example: 'Présences falsifiées' })
  @BoundedString(MAX_LONG_TEXT, { minLength: 1, multiline: true })
  text!: string;
}

export class RevokeCertificateDto {
  @ApiProperty({ type: RevocationReasonDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RevocationReasonDto)
  reason!: RevocationReasonDto;
}

export class CredentialFormatQueryDto {
  @ApiPropertyOptional({ enum: ['ldp', 'jwt'], default: 'ldp' })
  @IsOptionalNotNull()
  @IsIn(['ldp', 'jwt'])
  format?: 'ldp' | 'jwt';
}

export class PrintableQueryDto {
  @ApiPropertyOptional({ enum: ['ar', 'fr', 'en'], default: 'fr' })
  @IsOptionalNotNull()
  @IsIn(['ar', 'fr', 'en'])
  lang?: 'ar' | 'fr' | 'en';
}

export class VerifyCredentialDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'A Data Integrity credential (JSON, with its proof), at most 64 KiB',
  })
  @IsOptionalNotNull()
  @IsObject()
  credential?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'A VC-JWT (compact JWS), at most 64 KiB' })
  @IsOptionalNotNull()
  @BoundedString(MAX_PRESENTED_CREDENTIAL)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'jwt must be a compact JWS' })
  jwt?: string;
}

export class StatusListQueryDto {
  @ApiPropertyOptional({
    enum: ['ldp', 'jwt'],
    description: 'ldp (default): Data Integrity JSON; jwt: VC-JWT (also with Accept: application/vc+jwt)',
  })
  @IsOptionalNotNull()
  @IsIn(['ldp', 'jwt'])
  format?: 'ldp' | 'jwt';
}
