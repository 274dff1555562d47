import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../problems';
import { RequestContext } from '../request-context';
import type { Role } from './actor';
import { AuthenticatedRequest, Policy, POLICIES_KEY, PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { AuthOptions, InvalidToken, TokenVerifier } from './token-verifier';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

const unauthorized = (message: 'auth.missing' | 'auth.invalid') =>
  new ProblemException('unauthorized', { message }, {}, { 'www-authenticate': 'Bearer' });

/**
 * Global: every route needs a valid bearer token unless @Public(). Then @Roles (403), then
 * @Authorize policies (404 or 403 per AuthOptions.deniedAs).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verifier: TokenVerifier;

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {
    this.verifier = new TokenVerifier(options);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);

    if (token === null) throw unauthorized('auth.invalid');
    if (token !== undefined) {
      try {
        request.actor = await this.verifier.actorOf(token);
      } catch (error) {
        if (error instanceof InvalidToken) throw unauthorized('auth.invalid');
        throw error;
      }
      const store = RequestContext.current();
      if (store) store.actor = request.actor;
    }
    if (isPublic) return true;
    const actor = request.actor;
    if (!actor) throw unauthorized('auth.missing');

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !actor.roles.some((role) => roles.includes(role))) throw new ProblemException('forbidden');

    const policies = this.reflector.getAllAndMerge<Policy[]>(POLICIES_KEY, targets) ?? [];
    for (const policy of policies) {
      if (!(await policy(actor, request))) throw new ProblemException(this.options.deniedAs ?? 'not-found');
    }
    return true;
  }
}

/** undefined: no Authorization header; null: a header that is not a bearer token. */
function bearerToken(header: string | undefined): string | undefined | null {
  if (header === undefined) return undefined;
  const match = /^Bearer +([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
