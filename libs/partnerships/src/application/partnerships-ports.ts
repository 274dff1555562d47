import type { ContentStore } from '@tadamon/content-store';
import type { EventStore } from '@tadamon/event-store';
import type { DocumentStore } from '@tadamon/read-store';

/** The event store Partnerships appends to and folds streams from. */
export const PARTNERSHIPS_EVENT_STORE = Symbol('PARTNERSHIPS_EVENT_STORE');
/** The read models Partnerships' projections keep (MongoDB, or mingo in memory). */
export const PARTNERSHIPS_READ_MODELS = Symbol('PARTNERSHIPS_READ_MODELS');
/** Told after every append (the embedded profile wakes its in-memory projections). */
export const PARTNERSHIPS_APPEND_LISTENER = Symbol('PARTNERSHIPS_APPEND_LISTENER');
/** Where attached documents are kept by their SHA-256 (a folder, PostgreSQL or S3). */
export const PARTNERSHIPS_CONTENT_STORE = Symbol('PARTNERSHIPS_CONTENT_STORE');
/** Names the parties of the IATI file: Partnerships' directory of Registry organisations. */
export const PARTNERSHIPS_IATI_ORGANISATIONS = Symbol('PARTNERSHIPS_IATI_ORGANISATIONS');

export type { AppendListener } from '@tadamon/nest-kit';

/** What Partnerships needs from the profile that hosts it: injection tokens of the host's providers. */
export interface PartnershipsInfrastructure {
  eventStore: symbol | string;
  readModels: symbol | string;
  contentStore: symbol | string;
  appendListener?: symbol | string;
  /**
   * The RegistryDirectory the Registry policy writes in its delivery's transaction (the Registry
   * consumer's database). Default: in memory (a host that delivers no Registry events).
   */
  registryDirectory?: symbol | string;
}

export type PartnershipsEventStore = EventStore;
export type PartnershipsReadModels = DocumentStore;
export type PartnershipsContentStore = ContentStore;
