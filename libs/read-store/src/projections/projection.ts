import { RecordedEvent } from '@tadamon/eventsourcing';
import { Filter, UpdateSpec } from '../document-store';

/** A document write a projection asks for; the runner adds the position guard. */
export type ProjectionWrite =
  | { collection: string; upsert: { id: string; update: UpdateSpec } }
  | { collection: string; updateMany: { filter: Filter; update: UpdateSpec } }
  | { collection: string; deleteMany: { filter: Filter } };

/**
 * A read model built from the log. `project` is pure: the same event always gives the same writes,
 * so a rebuild gives the same documents.
 */
export interface Projection {
  name: string;
  /** Bump when `project` changes meaning: a stored checkpoint of another version forces a rebuild. */
  version: number;
  /** The collections it owns: a rebuild drops them. */
  collections: string[];
  categories?: string[];
  types?: string[];
  project(event: RecordedEvent): ProjectionWrite[];
}

/** The field every projected document carries: the global position of the last event it reflects. */
export const POSITION_FIELD = '_position';
/** Where runners keep their checkpoints (one document per projection). */
export const CHECKPOINTS_COLLECTION = '_projection_checkpoints';
