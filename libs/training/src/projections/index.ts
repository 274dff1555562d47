import type { Projection } from '@tadamon/read-store';
import { certificatesProjection } from './certificates';

export * from './certificates';

/** Training's read models: the catalogue, enrolments, rosters, certificates, figures. */
export const trainingProjections: Projection[] = [certificatesProjection];
