/**
 * The idempotency record of a consumer: the ids of the events whose effect is committed. The
 * effect and the inbox row commit in one transaction, so a redelivered event has no second effect.
 */
export interface Inbox<Tx> {
  /**
   * Runs `effect` with a transaction and records `eventId` for `consumer` in it. When the event is
   * already recorded, does nothing and returns 'duplicate'. An effect that throws rolls back.
   */
  processOnce(
    consumer: string,
    eventId: string,
    effect: (tx: Tx) => Promise<void>,
  ): Promise<'processed' | 'duplicate'>;

  /**
   * Optional: runs `work` with an inbox whose deliveries share one transaction (each still
   * atomic on its own), committed when `work` resolves and rolled back when it throws. A consumer
   * that owns its ordering (the embedded transport) pays one commit per batch instead of one per event.
   */
  batch?<T>(work: (inbox: Inbox<Tx>) => Promise<T>): Promise<T>;
}
