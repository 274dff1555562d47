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
}
