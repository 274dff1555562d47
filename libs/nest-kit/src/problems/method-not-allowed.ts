import type { FastifyRequest } from 'fastify';
import { ProblemException } from './problem';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * The methods the router answers on the path of a request it did not match (RFC 9110 §15.5.6):
 * empty when no route has that path at all.
 */
export function allowedMethods(request: FastifyRequest): string[] {
  const path = (request.url ?? '/').split('?')[0];
  return METHODS.filter((method) => request.server.findRoute({ method, url: path }) !== null);
}

/** A 405 with its Allow header when the path exists under other methods, else undefined. */
export function methodNotAllowed(request: FastifyRequest): ProblemException | undefined {
  const allowed = allowedMethods(request);
  if (allowed.length === 0) return undefined;
  const allow = allowed.join(', ');
  return new ProblemException(
    'method-not-allowed',
    { message: 'method.notAllowed', params: { method: request.method, allowed: allow } },
    {},
    { allow },
  );
}
