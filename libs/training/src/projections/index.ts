import type { Projection } from '@tadamon/read-store';

/** Training's read models: the catalogue, enrolments, rosters, certificates, figures. */
export const trainingProjections: Projection[] = [];
