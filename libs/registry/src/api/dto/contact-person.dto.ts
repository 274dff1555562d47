import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BoundedArray, BoundedString, IsOptionalNotNull, NestedObjects } from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsObject, Matches, ValidateNested } from 'class-validator';
import { CONSENT_PURPOSES, CONTACT_ROLES, LEGAL_BASES } from '../../domain/contact-person/contact-person';

/** A person's card, in clear only inside the request: it is sealed with the person's key before any event. */
export class ContactCardDto {
  @ApiProperty({ example: 'Fatima Zahra El Amrani' })
  @BoundedString(200, { minLength: 1 })
  @Matches(/\S/, { message: 'fullName must not be blank' })
  fullName!: string;

  @ApiPropertyOptional({ example: 'contact@example.org' })
  @IsOptionalNotNull()
  @BoundedString(254)
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '+33 4 91 00 00 00' })
  @IsOptionalNotNull()
  @BoundedString(40)
  @Matches(/^\+?[0-9 ().-]{4,40}$/, { message: 'phone must be digits, spaces and + ( ) . -' })
  phone?: string;

  @ApiPropertyOptional({ enum: ['ar', 'fr', 'en'] })
  @IsOptionalNotNull()
  @IsIn(['ar', 'fr', 'en'])
  preferredLanguage?: 'ar' | 'fr' | 'en';
}

export class ConsentDto {
  @ApiProperty({ enum: CONSENT_PURPOSES })
  @IsIn(CONSENT_PURPOSES as unknown as string[])
  purpose!: string;

  @ApiProperty({ enum: LEGAL_BASES, description: 'law-09-08 (Morocco) or gdpr (EU-based associations)' })
  @IsIn(LEGAL_BASES as unknown as string[])
  legalBasis!: string;
}

export class RecordConsentDto extends ConsentDto {
  @ApiProperty({ enum: ['given', 'withdrawn'] })
  @IsIn(['given', 'withdrawn'])
  decision!: 'given' | 'withdrawn';
}

export class AddContactPersonDto {
  @ApiProperty({ enum: CONTACT_ROLES })
  @IsIn(CONTACT_ROLES as unknown as string[])
  role!: string;

  @ApiProperty({ type: ContactCardDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ContactCardDto)
  card!: ContactCardDto;

  @ApiPropertyOptional({ type: [ConsentDto], description: 'Consents given when the person is added' })
  @IsOptionalNotNull()
  @BoundedArray(CONSENT_PURPOSES.length * LEGAL_BASES.length)
  @NestedObjects()
  @Type(() => ConsentDto)
  consents?: ConsentDto[];
}

export class ChangeContactPersonDto {
  @ApiPropertyOptional({ enum: CONTACT_ROLES })
  @IsOptionalNotNull()
  @IsIn(CONTACT_ROLES as unknown as string[])
  role?: string;

  @ApiPropertyOptional({ type: ContactCardDto, description: 'The whole new card (sealed again)' })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactCardDto)
  card?: ContactCardDto;
}
