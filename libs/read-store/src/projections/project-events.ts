import { RecordedEvent } from '@tadamon/eventsourcing';
import { DocumentStore } from '../document-store';
import { guardedOps } from './guarded-writes';
import { Projection } from './projection';

/**
 * Applies a projection to the given events, in order, on the given store (a fresh in-memory one,
 * typically): the documents the read model would hold for exactly these events, with no lag and
 * no checkpoint. For a check on one record right after a command (its stream folded the same way
 * the read model will be), not for whole read models (the runner is).
 */
export async function projectEvents(
  projection: Projection,
  events: readonly RecordedEvent[],
  store: DocumentStore,
): Promise<void> {
  const writes = events.flatMap((event) =>
    projection.project(event).map((write) => ({ position: event.globalPosition, write })),
  );
  for (const [collection, ops] of guardedOps(writes)) await store.collection(collection).bulk(ops);
}
