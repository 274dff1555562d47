import { RecordedEvent } from '@tadamon/eventsourcing';

/**
 * The part of the event store port the relay and the embedded transport read: the global log in
 * order, filtered by category. Any EventStore adapter satisfies it; messaging stays free of them.
 */
export interface EventLog {
  readAll(options: { after?: number; maxCount?: number; categories?: string[] }): Promise<RecordedEvent[]>;
}

/** How many events of these categories follow `after`, counted up to `cap`. */
export async function countAfter(
  log: EventLog,
  after: number,
  categories: string[],
  cap = 100_000,
): Promise<number> {
  let count = 0;
  let position = after;
  while (count < cap) {
    const page = await log.readAll({ after: position, maxCount: Math.min(1000, cap - count), categories });
    count += page.length;
    if (page.length === 0) break;
    position = page[page.length - 1].globalPosition;
  }
  return count;
}
