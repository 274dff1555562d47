import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  Inject,
  HttpException,
  Logger,
  Optional,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { negotiateLanguage } from './messages';
import { methodNotAllowed } from './method-not-allowed';
import { PreparedAnswer } from './prepared-answer';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { ProblemMapper, toProblem } from './problem-mapping';

export const PROBLEM_MAPPERS = Symbol('PROBLEM_MAPPERS');

/** Every error leaves as application/problem+json; unexpected ones are logged, never described. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  constructor(@Optional() @Inject(PROBLEM_MAPPERS) private readonly mappers: ProblemMapper[] = []) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof PreparedAnswer) {
      if (!reply.sent) void reply.status(error.status).headers(error.headers).send(error.body);
      return;
    }
    const { problem, headers, unexpected } = toProblem(
      request.is404 ? unmatchedRoute(error, request) : error,
      {
        language: negotiateLanguage(request.headers['accept-language']),
        instance: (request.url ?? '/').split('?')[0],
        ifMatchSent: request.headers['if-match'] !== undefined,
      },
      this.mappers,
    );
    if (unexpected)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (reply.sent) return;
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    void reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}

/**
 * A request no route matched: a path that exists under other methods is a 405, not a 404. Fastify
 * may refuse such a request before the not-found handler runs (a QUERY without a body is a 400):
 * with no route, the method is what is wrong.
 */
function unmatchedRoute(error: unknown, request: FastifyRequest): unknown {
  // Nest hands Fastify's own refusals to the filter as HttpExceptions of their status.
  const refusedByRouter =
    error instanceof HttpException
      ? error.getStatus() < 500
      : String((error as { code?: unknown })?.code).startsWith('FST_');
  return (refusedByRouter && methodNotAllowed(request)) || error;
}
