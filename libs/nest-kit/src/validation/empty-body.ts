import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { validationProblem } from './validation-pipe';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * For commands that carry nothing but their path (verify, reinstate, erase...): no body or `{}`;
 * any member, or any other JSON value, is a 400 validation problem like a DTO's unknown member.
 */
export const EmptyBody = createParamDecorator((_data: unknown, context: ExecutionContext): undefined => {
  const body = context.switchToHttp().getRequest<FastifyRequest>().body;
  if (body === undefined || (isPlainObject(body) && Object.keys(body).length === 0)) return undefined;
  throw validationProblem(
    isPlainObject(body)
      ? Object.keys(body).map((key) => ({
          pointer: `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          detail: `property ${key} should not exist`,
        }))
      : [{ pointer: '', detail: 'the body must be empty or {}' }],
  );
});
