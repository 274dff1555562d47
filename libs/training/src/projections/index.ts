import type { Projection } from '@tadamon/read-store';
import { catalogueProjection } from './catalogue';
import { enrolmentsProjection } from './enrolments';
import { sessionsProjection } from './sessions';

export * from './catalogue';
export * from './sessions';
export * from './enrolments';
export * from './training-figures';

/** Training's read models: the catalogue, enrolments, rosters, certificates, figures. */
export const trainingProjections: Projection[] = [
  catalogueProjection,
  sessionsProjection,
  enrolmentsProjection,
];
