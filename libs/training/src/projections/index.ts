import type { Projection } from '@tadamon/read-store';
import { sessionRosterProjection } from './session-roster';

export * from './session-roster';
export * from './session-roster-view';

/** Training's read models: the catalogue, enrolments, rosters, certificates, figures. */
export const trainingProjections: Projection[] = [sessionRosterProjection];
