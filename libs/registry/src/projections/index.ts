import { Projection } from '@tadamon/read-store';
import { actorDirectoryProjection } from './actor-directory';
import { associationDirectoryProjection } from './association-directory';
import { contactPersonsProjection } from './contact-persons';
import { networksProjection } from './networks';
import { regionalNeedsProjection } from './regional-needs';

export * from './search-text';
export * from './association-directory';
export * from './association-directory-query';
export * from './actor-directory';
export * from './networks';
export * from './regional-needs';
export * from './region-aggregates';
export * from './association-figures';
export * from './contact-persons';

/** Every read model of the Registry, for the platform to register with its runners. */
export const registryProjections: readonly Projection[] = [
  associationDirectoryProjection,
  actorDirectoryProjection,
  networksProjection,
  regionalNeedsProjection,
  contactPersonsProjection,
];
