import type { Projection } from '@tadamon/read-store';
import { catalogueProjection } from './catalogue';
import { certificatesProjection } from './certificates';
import { enrolmentsProjection } from './enrolments';
import { sessionRosterProjection } from './session-roster';
import { sessionsProjection } from './sessions';

export * from './catalogue';
export * from './sessions';
export * from './enrolments';
export * from './training-figures';
export * from './session-roster';
export * from './session-roster-view';
export * from './certificates';

/** Training's read models: the catalogue, enrolments, rosters, certificates, figures. */
export const trainingProjections: Projection[] = [
  catalogueProjection,
  sessionsProjection,
  enrolmentsProjection,
  sessionRosterProjection,
  certificatesProjection,
];
