import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Actor } from '../auth/actor';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

export interface RequestContextValue {
  correlationId: string;
  /** Set by the auth guard once the bearer token is verified. */
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContextValue>();

/** The current request's correlation id and actor, for code far from the controller (event metadata). */
export const RequestContext = {
  run<T>(value: RequestContextValue, fn: () => T): T {
    return storage.run(value, fn);
  },
  current(): RequestContextValue | undefined {
    return storage.getStore();
  },
  correlationId(): string | undefined {
    return storage.getStore()?.correlationId;
  },
  /** What every command records in its metadata: who, and which request caused it. */
  commandMetadata(): { correlationId?: string; actorId?: string } {
    const store = storage.getStore();
    return { correlationId: store?.correlationId, actorId: store?.actor?.id };
  },
};

// Accepts what tracing systems send (uuids, W3C trace ids), not arbitrary text into our logs.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's genReqId: the caller's X-Correlation-Id when acceptable, else a new uuid. */
export function correlationIdOf(request: IncomingMessage): string {
  const sent = request.headers[CORRELATION_ID_HEADER];
  return typeof sent === 'string' && ACCEPTABLE.test(sent) ? sent : randomUUID();
}
