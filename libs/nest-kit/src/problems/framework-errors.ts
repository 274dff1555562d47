import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CORRELATION_ID_HEADER } from '../request-context/request-context';
import { negotiateLanguage } from './messages';
import { PROBLEM_CONTENT_TYPE, ProblemException, ProblemKind } from './problem';
import { toProblem } from './problem-mapping';

/**
 * Fastify's `frameworkErrors`: what the router refuses before any route or hook runs (a path
 * segment over maxParamLength, a malformed percent-encoding), answered as problems like the rest.
 */
export function answerFrameworkError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const code = (error as { code?: string }).code;
  const kind: ProblemKind = code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri-too-long' : 'malformed-request';
  // A path whose percent-escapes do not spell UTF-8 (`/api/registry/needs/%FF`) says so.
  const exception =
    code === 'FST_ERR_BAD_URL'
      ? new ProblemException(kind, { message: 'path.malformed' })
      : new ProblemException(kind);
  const { problem } = toProblem(exception, {
    language: negotiateLanguage(request.headers['accept-language']),
    instance: (request.url ?? '/').split('?')[0],
    ifMatchSent: false,
  });
  void reply
    .status(problem.status)
    .header(CORRELATION_ID_HEADER, request.id)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem));
}

const CLIENT_ERROR_KINDS: Record<string, ProblemKind> = {
  HPE_HEADER_OVERFLOW: 'header-fields-too-large',
  ERR_HTTP_REQUEST_TIMEOUT: 'request-timeout',
};

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the request (headers over its size
 * limit, a request line it cannot read, a request too slow to arrive). Nothing of the request is known, not even its language.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const kind = CLIENT_ERROR_KINDS[error.code ?? ''] ?? 'malformed-request';
  const { problem } = toProblem(new ProblemException(kind), {
    language: 'en',
    instance: '/',
    ifMatchSent: false,
  });
  delete problem.instance;
  const body = JSON.stringify(problem);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
