import { IntegrationEvent } from '@tadamon/contracts';
import { isObservable, lastValueFrom } from 'rxjs';
import { backoffAfter, RetryPolicy, sleep, toError } from '../retry-policy';
import { Inbox } from './inbox';
import { isTransientDeliveryError } from './transient-errors';

/** The longest wait between two tries while a dependency is unavailable. */
const MAX_UNAVAILABLE_BACKOFF_MS = 5_000;

export type DeliveryOutcome =
  | { status: 'processed' | 'duplicate'; attempts: number }
  | { status: 'failed'; attempts: number; error: Error };

/** Marks an error thrown by the handler, as opposed to one of the inbox's database. */
class HandlerFailure extends Error {
  constructor(readonly handlerError: Error) {
    super(handlerError.message);
  }
}

export interface Delivery<Tx> {
  consumer: string;
  event: IntegrationEvent;
  inbox: Inbox<Tx>;
  policy: RetryPolicy;
  handle: (tx: Tx, attempt: number) => Promise<void>;
  /** Runs before each backoff wait (Kafka: the heartbeat, so a slow retry keeps the partition). */
  beforeRetry?: () => Promise<void>;
  /** Called for each try that met an unavailable dependency (a database down), before its wait. */
  onUnavailable?: (error: Error, inARow: number) => void;
  /** True once the consumer is stopping: a delivery waiting for a dependency gives up (no commit). */
  stopping?: () => boolean;
  wait?: (ms: number) => Promise<void>;
}

/**
 * One delivery: the handler's effect and the inbox row in one transaction, retried with backoff up
 * to the policy's attempts. A handler that keeps failing yields 'failed' (the caller dead-letters
 * it). A dependency that is unavailable (isTransientDeliveryError), whether the handler or the
 * inbox met it, is waited out without counting an attempt, for as long as it lasts: the message
 * keeps its place in its partition and is never dead-lettered for it; a consumer stopping meanwhile
 * gets the error thrown (nothing committed, delivered again later). Any other inbox error is thrown.
 */
export async function deliver<Tx>(delivery: Delivery<Tx>): Promise<DeliveryOutcome> {
  const wait = delivery.wait ?? sleep;
  let unavailableInARow = 0;
  for (let attempt = 1; ;) {
    try {
      const status = await delivery.inbox.processOnce(
        delivery.consumer,
        delivery.event.eventId,
        async (tx) => {
          try {
            await delivery.handle(tx, attempt);
          } catch (error) {
            throw new HandlerFailure(toError(error));
          }
        },
      );
      return { status, attempts: attempt };
    } catch (error) {
      const cause = error instanceof HandlerFailure ? error.handlerError : toError(error);
      if (isTransientDeliveryError(cause)) {
        if (delivery.stopping?.()) throw cause;
        unavailableInARow += 1;
        delivery.onUnavailable?.(cause, unavailableInARow);
        await delivery.beforeRetry?.();
        const policy = { ...delivery.policy, maxBackoffMs: MAX_UNAVAILABLE_BACKOFF_MS };
        await wait(backoffAfter(policy, unavailableInARow));
        continue;
      }
      if (!(error instanceof HandlerFailure)) throw error;
      unavailableInARow = 0;
      if (attempt >= delivery.policy.maxAttempts)
        return { status: 'failed', attempts: attempt, error: error.handlerError };
      await delivery.beforeRetry?.();
      await wait(backoffAfter(delivery.policy, attempt));
      attempt += 1;
    }
  }
}

/**
 * Calls a handler as NestJS registered it. Its exception filters turn a thrown error into an
 * Observable that errors; with HandlerErrorsPassThrough installed that error is the original one.
 */
export async function invokeNestHandler(
  handler: (data: unknown, context: unknown) => unknown,
  data: unknown,
  context: unknown,
): Promise<void> {
  const result = await handler(data, context);
  if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
}

/** Chained handlers (two @EventPattern for one topic) would share one transaction: refuse them. */
export function assertSingleHandlers(handlers: Map<string, unknown>): void {
  for (const [pattern, handler] of handlers) {
    if ((handler as { next?: unknown }).next) {
      throw new Error(
        `two @EventPattern handlers listen to ${pattern} in one consumer: keep one handler per topic ` +
          'and switch on event.type (one inbox transaction per delivery)',
      );
    }
  }
}
