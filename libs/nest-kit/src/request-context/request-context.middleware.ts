import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestContext } from './request-context';

/** Opens the request's async context; `id` is Fastify's request id, i.e. the correlation id. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: IncomingMessage & { id?: string }, _response: ServerResponse, next: () => void): void {
    RequestContext.run({ correlationId: String(request.id ?? '') }, next);
  }
}
