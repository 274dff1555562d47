import { eventIdFor, NewEvent } from '@tadamon/eventsourcing';
import { Projection } from '../projections/projection';

/** A directory-like projection used by the reliability tests and the projections benchmark. */
export const sampleDirectoryProjection: Projection = {
  name: 'sample-directory',
  version: 1,
  collections: ['sample_associations', 'sample_region_counts'],
  categories: ['sampleAssociation'],
  project(event) {
    const id = event.streamId.slice('sampleAssociation-'.length);
    const data = event.data as { name?: string; region?: string; delta?: number };
    switch (event.type) {
      case 'SampleAssociationRegistered':
        return [
          {
            collection: 'sample_associations',
            upsert: { id, update: { $set: { name: data.name, region: data.region, members: 0 } } },
          },
          {
            collection: 'sample_region_counts',
            upsert: { id: String(data.region), update: { $inc: { associations: 1 } } },
          },
        ];
      case 'SampleMembersChanged':
        return [
          {
            collection: 'sample_associations',
            upsert: { id, update: { $inc: { members: Number(data.delta) } } },
          },
        ];
      default:
        return [];
    }
  },
};

/**
 * Appends for `associations` streams of `eventsPerStream` events each (one registration, then
 * membership changes): deterministic, so two logs built with the same arguments are identical.
 */
export function sampleAppends(
  associations: number,
  eventsPerStream: number,
): Array<{ streamId: string; events: NewEvent[] }> {
  const appends: Array<{ streamId: string; events: NewEvent[] }> = [];
  for (let a = 0; a < associations; a++) {
    const commandId = `sample-${a}`;
    const metadata = {
      correlationId: commandId,
      causationId: commandId,
      commandId,
      actor: { id: 'seed', roles: ['admin'] },
    };
    const events: NewEvent[] = [];
    for (let i = 0; i < eventsPerStream; i++) {
      events.push(
        i === 0
          ? {
              id: eventIdFor(commandId, i),
              type: 'SampleAssociationRegistered',
              schemaVersion: 1,
              data: {
                name: `جمعية ${a} — Association ${a}`,
                region: `MA-${String((a % 12) + 1).padStart(2, '0')}`,
              },
              metadata,
            }
          : {
              id: eventIdFor(commandId, i),
              type: 'SampleMembersChanged',
              schemaVersion: 1,
              data: { delta: (a * 7 + i) % 13 },
              metadata,
            },
      );
    }
    appends.push({ streamId: `sampleAssociation-a${a}`, events });
  }
  return appends;
}
