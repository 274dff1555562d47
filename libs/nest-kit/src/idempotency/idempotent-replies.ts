import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ClaimingRequest, IDEMPOTENCY_CLAIM, IdempotencyOptions } from './idempotency-guard';
import { IdempotencyStore, StoredResponse } from './idempotency-store';

/** Headers of a command's response that a replay repeats. */
const REPLAYED_HEADERS = ['location', 'etag', 'content-location'];

/**
 * The second half of IdempotencyGuard: when the response of a request that claimed a key is sent,
 * a 2xx is stored for replay and anything else releases the key. The store is written before the
 * response leaves, so a retry arriving right after it is answered from the store. A request that
 * ends without a response (the client went away first) releases its key too.
 */
export function installIdempotentReplies(
  fastify: FastifyInstance,
  store: IdempotencyStore,
  options: IdempotencyOptions,
): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const key = takeClaim(request);
    if (key === undefined) return done(null, payload);
    const settled =
      reply.statusCode >= 200 && reply.statusCode < 300
        ? store.complete(key, captured(reply, payload), options.ttlMs)
        : store.release(key);
    settled.then(
      () => done(null, payload),
      (error: Error) => done(error),
    );
  });
  fastify.addHook('onResponse', (request, _reply, done) => {
    const key = takeClaim(request);
    if (key === undefined) return done();
    store.release(key).then(
      () => done(),
      () => done(),
    );
  });
}

function takeClaim(request: FastifyRequest): string | undefined {
  const claiming = request as unknown as ClaimingRequest;
  const key = claiming[IDEMPOTENCY_CLAIM];
  claiming[IDEMPOTENCY_CLAIM] = undefined;
  return key;
}

function captured(reply: FastifyReply, payload: unknown): StoredResponse {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return { status: reply.statusCode, headers, body: bodyOf(reply, payload) };
}

/** The body as the handler gave it: JSON is parsed back (a replay sends it the same way). */
function bodyOf(reply: FastifyReply, payload: unknown): unknown {
  if (payload === undefined || payload === null || payload === '') return null;
  const type = String(reply.getHeader('content-type') ?? '');
  if (typeof payload === 'string' && type.includes('json')) return JSON.parse(payload);
  return typeof payload === 'string' ? payload : String(payload);
}
