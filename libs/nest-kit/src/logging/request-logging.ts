import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/** Probes and scrapes would drown the log. */
const QUIET_ROUTES = ['/health', '/metrics'];

/**
 * One log line per answered request: correlation id, method, route template and URL, status and
 * time. Headers are never logged, so no token, cookie or personal header can reach the log.
 * A Fastify hook rather than a middleware: no per-request child logger, no redaction pass.
 */
export function installRequestLogging(fastify: FastifyInstance, logger: Logger): void {
  const level = (status: number) => (status >= 500 ? 'error' : 'info');
  fastify.addHook('onResponse', (request, reply, done) => {
    const url = request.url;
    const status = reply.statusCode;
    if (logger.isLevelEnabled(level(status)) && !QUIET_ROUTES.some((route) => url.startsWith(route))) {
      logger[level(status)](
        {
          correlationId: request.id,
          req: { method: request.method, route: request.routeOptions.url, url },
          res: { statusCode: status },
          responseTime: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request completed',
      );
    }
    done();
  });
}
