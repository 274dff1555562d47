import { ApiProperty } from '@nestjs/swagger';
import { BoundedString, ROLES, type Role } from '@tadamon/nest-kit';

export class TokenRequest {
  @BoundedString(100, { minLength: 1 })
  username!: string;

  @BoundedString(200, { minLength: 1 })
  password!: string;
}

export class ActorView {
  @ApiProperty({ example: 'user-officer' })
  id!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The association or partner organisation the actor acts for',
  })
  organisationId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description:
      'The Registry contact person (subject id) the account belongs to: a trainee acts only for this person',
  })
  personId!: string | null;
}

export class TokenResponse {
  @ApiProperty({ description: 'An HS256 JWT; send it as `Authorization: Bearer <token>`' })
  access_token!: string;

  @ApiProperty({ enum: ['Bearer'] })
  token_type!: 'Bearer';

  @ApiProperty({ description: 'Lifetime in seconds', example: 28800 })
  expires_in!: number;

  @ApiProperty({ type: ActorView })
  actor!: ActorView;
}
