import type { EventStore } from '@tadamon/event-store';
import type { PersonalDataCipher } from '@tadamon/personal-data';
import type { DocumentStore } from '@tadamon/read-store';

/** The event store the Registry appends to and folds streams from. */
export const REGISTRY_EVENT_STORE = Symbol('REGISTRY_EVENT_STORE');
/** The read models the Registry's projections keep (MongoDB, or mingo in memory). */
export const REGISTRY_READ_MODELS = Symbol('REGISTRY_READ_MODELS');
/** Seals and opens contact persons' data; erasure destroys the person's key. */
export const REGISTRY_PERSONAL_DATA = Symbol('REGISTRY_PERSONAL_DATA');
/** Told after every append (the embedded profile wakes its in-memory projections). */
export const REGISTRY_APPEND_LISTENER = Symbol('REGISTRY_APPEND_LISTENER');

/** Told after every append (the kit's ContextCommands calls it). */
export type { AppendListener } from '@tadamon/nest-kit';

/** What the Registry needs from the profile that hosts it: injection tokens of the host's providers. */
export interface RegistryInfrastructure {
  eventStore: symbol | string;
  readModels: symbol | string;
  personalData: symbol | string;
  appendListener?: symbol | string;
}

export type RegistryEventStore = EventStore;
export type RegistryReadModels = DocumentStore;
export type RegistryPersonalData = Pick<PersonalDataCipher, 'seal' | 'open' | 'erase'>;
