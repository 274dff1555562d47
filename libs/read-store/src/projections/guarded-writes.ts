import { Filter, PositionGuard, UpdateSpec, WriteOp } from '../document-store';
import { POSITION_FIELD, ProjectionWrite } from './projection';

/** Only documents that do not yet reflect this position (or never reflected any) are changed. */
export function positionGuard(position: number): PositionGuard {
  return { field: POSITION_FIELD, below: position };
}

function positionFilter(position: number): Filter {
  return { $or: [{ [POSITION_FIELD]: { $lt: position } }, { [POSITION_FIELD]: { $exists: false } }] };
}

function stamped(update: UpdateSpec, position: number): UpdateSpec {
  return { ...update, $set: { ...update.$set, [POSITION_FIELD]: position } };
}

/**
 * Turns a batch of projected writes into ordered, guarded bulk ops per collection: replaying an
 * event a document already reflects changes nothing.
 */
export function guardedOps(
  writes: Array<{ position: number; write: ProjectionWrite }>,
): Map<string, WriteOp[]> {
  const byCollection = new Map<string, WriteOp[]>();
  for (const { position, write } of writes) {
    let ops = byCollection.get(write.collection);
    if (!ops) byCollection.set(write.collection, (ops = []));
    if ('upsert' in write) {
      ops.push({
        upsert: {
          id: write.upsert.id,
          update: stamped(write.upsert.update, position),
          guard: positionGuard(position),
        },
      });
    } else if ('updateMany' in write) {
      ops.push({
        updateMany: {
          filter: { $and: [write.updateMany.filter, positionFilter(position)] },
          update: stamped(write.updateMany.update, position),
        },
      });
    } else {
      ops.push({ deleteMany: { filter: write.deleteMany.filter } });
    }
  }
  return byCollection;
}
