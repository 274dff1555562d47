import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProblemException } from '../problems';
import { parseIfMatch } from './entity-tag';

/** The If-Match header as an ExpectedRevision (undefined when absent); malformed -> 400 problem. */
export const ExpectedRevisionHeader = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const parsed = parseIfMatch(context.switchToHttp().getRequest<FastifyRequest>().headers['if-match']);
  if (!parsed.ok) throw new ProblemException('malformed-request', { message: 'ifMatch.malformed' });
  return parsed.expected;
});
