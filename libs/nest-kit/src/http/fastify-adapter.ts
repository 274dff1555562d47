import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { KitMetrics } from '../metrics/kit-metrics';
import { answerClientError, answerFrameworkError } from '../problems/framework-errors';
import { CORRELATION_ID_HEADER, correlationIdOf, RequestContext } from '../request-context/request-context';
import { installWellFormedInput } from './well-formed-input';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface HttpOptions {
  /** Largest accepted request body in bytes (default 1 MiB); larger bodies get a 413 problem. */
  bodyLimit?: number;
  /** Trust X-Forwarded-* from a reverse proxy (for the client IP that rate limits key on). */
  trustProxy?: boolean;
}

export function createFastifyAdapter(options: HttpOptions = {}): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // The request id is the correlation id: the request log, handlers and the response share it.
    genReqId: correlationIdOf,
    logger: false,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
}

/**
 * Opens the request's async context (the correlation id that commands record), echoes the
 * correlation id and times every request into the latency histogram.
 */
export function installHttpHooks(fastify: FastifyInstance, metrics: KitMetrics): void {
  installWellFormedInput(fastify);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(CORRELATION_ID_HEADER, request.id);
    RequestContext.run({ correlationId: request.id }, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpRequestDuration.observe(
      {
        // The route template, never the raw URL: ids in paths would explode the label set.
        route: request.routeOptions.url ?? 'unmatched',
        method: request.method,
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
