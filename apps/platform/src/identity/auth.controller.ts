import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems, CurrentActor, ProblemException, Public, RateLimit } from '@tadamon/nest-kit';
import { ActorView, TokenRequest, TokenResponse } from './auth.dto';
import { IdentityService } from './identity.service';

/**
 * Attempts at POST /api/auth/token per client IP per minute, against password guessing; they count
 * towards the client's limit across routes too.
 */
export const TOKEN_RATE_LIMIT = { name: 'auth-token', limit: 20, windowMs: 60_000 };

// One message for an unknown username and a wrong password: the answer does not enumerate users.
const BAD_CREDENTIALS = 'The username or the password is wrong.';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Post('token')
  @HttpCode(200)
  @RateLimit(TOKEN_RATE_LIMIT)
  @ApiOperation({
    summary: 'A bearer token for a user of the built-in issuer (embedded profile: the demo users)',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(400, 401, 429)
  async token(@Body() body: TokenRequest): Promise<TokenResponse> {
    const issued = await this.identity.issueToken(body.username, body.password);
    if (!issued)
      throw new ProblemException('unauthorized', BAD_CREDENTIALS, {}, { 'www-authenticate': 'Bearer' });
    return issued;
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The actor of the bearer token (any authenticated role)' })
  @ApiOkResponse({ type: ActorView })
  @ApiProblems(401, 429)
  me(@CurrentActor() actor: Actor): ActorView {
    return {
      id: actor.id,
      roles: actor.roles,
      organisationId: actor.organisationId ?? null,
      personId: actor.personId ?? null,
    };
  }
}
