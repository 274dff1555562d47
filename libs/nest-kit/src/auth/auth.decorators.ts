import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from './actor';

export const PUBLIC_KEY = 'tadamon:public';
export const ROLES_KEY = 'tadamon:roles';
export const POLICIES_KEY = 'tadamon:policies';

/** Open to the anonymous public; a token, if sent and valid, still gives a CurrentActor. */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-roles', ['public']));

/**
 * The roles allowed (any of). No implicit grants: a route the auditor or the admin may read lists
 * them, so each route's audience is read in one place and in the OpenAPI document.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));

/** A request-level object check, run after the role check; false -> 404 or 403 (see AuthOptions). */
export type Policy = (actor: Actor, request: FastifyRequest) => boolean | Promise<boolean>;
export const Authorize = (...policies: Policy[]) => SetMetadata(POLICIES_KEY, policies);

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

/** The verified actor; undefined only on @Public() routes called without a token. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().actor,
);
