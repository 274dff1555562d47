import { randomUUID } from 'node:crypto';
import { NO_STREAM, WrongExpectedRevision } from '@tadamon/eventsourcing';
import { EventStore } from '../event-store';

export const RACE_ROUNDS = 150;

/**
 * One side of the two-thread test (sqlite-event-store.int.spec.ts): appends to its own stream and
 * races the other thread on a shared one; returns how many shared appends lost the race.
 */
export async function race(store: EventStore, name: string): Promise<number> {
  const event = () => ({
    id: randomUUID(),
    type: 'Counted',
    schemaVersion: 1,
    data: { by: name },
    metadata: { correlationId: 'c', causationId: 'c', commandId: 'c', actor: { id: name, roles: [] } },
  });
  let conflicts = 0;
  for (let i = 0; i < RACE_ROUNDS; i++) {
    await store.appendToStream(`${name}-1`, [event()], { expectedRevision: i === 0 ? NO_STREAM : i - 1 });
    const last = await store.readStream('shared-1', { direction: 'backwards', maxCount: 1 }).catch(() => []);
    const expectedRevision = last.length ? last[0].revision : NO_STREAM;
    await store.appendToStream('shared-1', [event()], { expectedRevision }).catch((error) => {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      conflicts++;
    });
  }
  return conflicts;
}
