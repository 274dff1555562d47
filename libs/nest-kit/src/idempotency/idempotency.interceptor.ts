import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, concatMap, from, Observable, of, throwError } from 'rxjs';
import type { AuthenticatedRequest } from '../auth';
import { ProblemException } from '../problems';
import { requestFingerprint } from './fingerprint';
import { IDEMPOTENCY_STORE, IdempotencyStore, StoredResponse } from './idempotency-store';

export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');
export interface IdempotencyOptions {
  /** How long a response is replayed for (default 24 h). */
  ttlMs: number;
}

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Headers of a command's response that a replay repeats. */
const REPLAYED_HEADERS = ['location', 'etag', 'content-location'];
const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * POST with an Idempotency-Key: the first request runs and its 2xx response is stored; a retry
 * with the same key and fingerprint gets that response again without running the handler; the
 * same key with another request is 422. A retry while the first is still running gets 409 with
 * Retry-After (it does not wait: a held connection per retry is worse than a quick retry).
 * A failed execution releases the key, so the client may retry it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: IdempotencyOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (context.getType() !== 'http' || request.method !== 'POST' || header === undefined)
      return next.handle();
    if (typeof header !== 'string' || !KEY.test(header))
      throw new ProblemException('malformed-request', { message: 'idempotency.malformed' });

    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const actorId = request.actor?.id ?? '';
    // Scoped by actor: one client's key never reveals or blocks another's response.
    const key = `${actorId}\u0000${header}`;
    const fingerprint = requestFingerprint({
      method: request.method,
      path: request.url.split('?')[0],
      actorId,
      body: request.body,
    });

    return from(this.store.reserve(key, fingerprint, this.options.ttlMs)).pipe(
      concatMap((existing) => {
        if (existing && existing.fingerprint !== fingerprint)
          throw new ProblemException('idempotency-key-reused', { message: 'idempotency.reused' });
        if (existing?.state === 'in-flight')
          throw new ProblemException(
            'idempotency-key-in-use',
            { message: 'idempotency.inFlight' },
            {},
            {
              'retry-after': '1',
            },
          );
        if (existing?.state === 'completed') return of(replay(reply, existing.response));
        return next.handle().pipe(
          concatMap(async (body) => {
            await this.store.complete(key, captured(reply, body), this.options.ttlMs);
            return body;
          }),
          catchError((error: unknown) =>
            from(this.store.release(key)).pipe(concatMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }
}

function captured(reply: FastifyReply, body: unknown): StoredResponse {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return { status: reply.statusCode, headers, body: body === undefined ? null : body };
}

function replay(reply: FastifyReply, response: StoredResponse): unknown {
  reply.status(response.status);
  for (const [name, value] of Object.entries(response.headers)) reply.header(name, value);
  reply.header('idempotent-replayed', 'true');
  return response.body;
}
