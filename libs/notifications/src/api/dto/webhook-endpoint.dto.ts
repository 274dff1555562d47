import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray, BoundedString, CommandResultDto, IsOptionalNotNull } from '@tadamon/nest-kit';
import { IsIn, Matches } from 'class-validator';
import { TRIGGERS } from '../../domain/notification/notification-messages';

export class WebhookEndpointSettingsDto {
  @ApiProperty({
    example: 'https://partner.example.org/tadamon/webhooks',
    description: 'https (http only to this machine: 127.0.0.1, ::1, localhost); no credentials in it',
  })
  @BoundedString(2048, { minLength: 1 })
  url!: string;

  @ApiProperty({ example: 'Our grants system', maxLength: 500 })
  @BoundedString(500, { minLength: 1 })
  description!: string;

  @ApiProperty({ enum: TRIGGERS, isArray: true, description: 'The triggers this endpoint receives' })
  @BoundedArray(TRIGGERS.length, { minItems: 1 })
  @IsIn(TRIGGERS as unknown as string[], { each: true })
  triggers!: string[];
}

export class RegisterWebhookEndpointDto extends WebhookEndpointSettingsDto {
  @ApiPropertyOptional({
    description: "The organisation (officers and the admin only; a partner's account registers for its own)",
  })
  @IsOptionalNotNull()
  @BoundedString(200)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, { message: 'organisationId must be an id' })
  organisationId?: string;
}

/** The answer of a registration or a rotation: the only time the signing secret is shown. */
export class WebhookSecretResultDto extends CommandResultDto {
  @ApiProperty({ example: 'whe-7f3c…' })
  endpointId!: string;

  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The Standard Webhooks signing secret, shown this once: keep it; it is never shown again',
  })
  secret!: string;
}
