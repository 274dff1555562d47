import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/** Probes and scrapes would drown the log. */
const QUIET_ROUTES = ['/health', '/metrics'];

/** Enough to tell which filters a request used; a query crafted to flood the log is cut short. */
const MAX_QUERY_NAMES = 20;
const MAX_QUERY_NAME_LENGTH = 40;

/**
 * One log line per answered request: correlation id, method, route template and path, the names
 * of the query parameters, status and time. Query values are never logged (a search may hold a
 * person's name), nor are headers, so no token, cookie or personal header can reach the log.
 * A Fastify hook rather than a middleware: no per-request child logger, no redaction pass.
 */
export function installRequestLogging(fastify: FastifyInstance, logger: Logger): void {
  const level = (status: number) => (status >= 500 ? 'error' : 'info');
  fastify.addHook('onResponse', (request, reply, done) => {
    const [path, query] = splitUrl(request.url);
    const status = reply.statusCode;
    if (logger.isLevelEnabled(level(status)) && !QUIET_ROUTES.some((route) => path.startsWith(route))) {
      logger[level(status)](
        {
          correlationId: request.id,
          req: {
            method: request.method,
            route: request.routeOptions.url,
            url: path,
            ...(query === undefined ? {} : { query: queryNames(query) }),
          },
          res: { statusCode: status },
          responseTime: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request completed',
      );
    }
    done();
  });
}

function splitUrl(url: string): [string, string | undefined] {
  const mark = url.indexOf('?');
  return mark < 0 ? [url, undefined] : [url.slice(0, mark), url.slice(mark + 1)];
}

function queryNames(query: string): string[] {
  const names = new Set<string>();
  for (const [name] of new URLSearchParams(query)) {
    if (names.size === MAX_QUERY_NAMES) break;
    names.add(name.slice(0, MAX_QUERY_NAME_LENGTH));
  }
  return [...names];
}
