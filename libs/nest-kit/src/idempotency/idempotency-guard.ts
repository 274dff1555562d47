import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth';
import { PreparedAnswer, ProblemException } from '../problems';
import { requestFingerprint } from './fingerprint';
import { IDEMPOTENCY_STORE, IdempotencyStore } from './idempotency-store';

export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');
export interface IdempotencyOptions {
  /** How long a response is replayed for (default 24 h). */
  ttlMs: number;
}

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The key a request claimed, kept on the request until its answer is stored or the claim released. */
export const IDEMPOTENCY_CLAIM = Symbol('idempotencyClaim');
export type ClaimingRequest = AuthenticatedRequest & { [IDEMPOTENCY_CLAIM]?: string };

/**
 * POST with an Idempotency-Key: the first request runs and its 2xx response is stored (by
 * installIdempotentReplies, once it is sent); a retry with the same key and fingerprint gets that
 * response again without running the handler; the same key with another request is 422. A retry
 * while the first is still running gets 409 with Retry-After (it does not wait: a held connection
 * per retry is worse than a quick retry). A failed execution releases the key, so the client may
 * retry it. A guard after the auth guard (keys are scoped by actor), not an interceptor: requests
 * without the header, nearly all, then cost one header lookup instead of an rxjs pipeline.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: IdempotencyOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<ClaimingRequest>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (request.method !== 'POST' || header === undefined) return true;
    if (typeof header !== 'string' || !KEY.test(header))
      throw new ProblemException('malformed-request', { message: 'idempotency.malformed' });

    const actorId = request.actor?.id ?? '';
    // Scoped by actor: one client's key never reveals or blocks another's response.
    const key = `${actorId}\u0000${header}`;
    const fingerprint = requestFingerprint({
      method: request.method,
      path: request.url.split('?')[0],
      actorId,
      body: request.body,
    });
    return this.store.reserve(key, fingerprint, this.options.ttlMs).then((existing) => {
      if (existing && existing.fingerprint !== fingerprint)
        throw new ProblemException('idempotency-key-reused', { message: 'idempotency.reused' });
      if (existing?.state === 'in-flight')
        throw new ProblemException(
          'idempotency-key-in-use',
          { message: 'idempotency.inFlight' },
          {},
          { 'retry-after': '1' },
        );
      if (existing?.state === 'completed') {
        const { status, headers, body } = existing.response;
        throw new PreparedAnswer(status, { ...headers, 'idempotent-replayed': 'true' }, body);
      }
      request[IDEMPOTENCY_CLAIM] = key;
      return true;
    });
  }
}
