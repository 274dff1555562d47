import { RecordedEvent } from '@tadamon/eventsourcing';
import { DocumentStore, guardedOps, Projection, ProjectionWrite } from '@tadamon/read-store';
import { hashes } from './partnerships-log';

/**
 * Delivers events to the store in the order given, as the runner writes a batch (guarded ops,
 * bulk per collection): for duplicates and out-of-order deliveries, which the runner itself never
 * makes but a replayed batch or a second runner could.
 */
export async function deliver(
  docs: DocumentStore,
  projection: Projection,
  events: RecordedEvent[],
): Promise<void> {
  const writes: Array<{ position: number; write: ProjectionWrite }> = events.flatMap((event) =>
    projection.project(event).map((write) => ({ position: event.globalPosition, write })),
  );
  for (const [name, ops] of guardedOps(writes)) await docs.collection(name).bulk(ops);
}

/** A deterministic shuffle (so a failure can be replayed). */
export const shuffled = <T>(items: readonly T[], seed = 7): T[] => {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

/**
 * After the log was projected in order: every event delivered again (duplicates) in a shuffled
 * order changes no document, since each document already reflects a later position.
 */
export async function expectStaleDeliveriesIgnored(
  docs: DocumentStore,
  projection: Projection,
  events: RecordedEvent[],
): Promise<void> {
  const before = await hashes(docs, projection);
  await deliver(docs, projection, shuffled(events));
  await deliver(docs, projection, [...events].reverse());
  expect(await hashes(docs, projection)).toEqual(before);
}
