import { Projection } from '@tadamon/read-store';
import { agreementsProjection } from './agreements';
import { programmesProjection } from './programmes';
import { projectsProjection } from './projects';
import { resultsProjection } from './results';
import { supportRequestsProjection } from './support-requests';

export * from './document-keys';
export * from './agreements';
export * from './agreement-view';
export * from './programmes';
export * from './projects';
export * from './project-page';
export * from './public-project-view';
export * from './project-map';
export * from './results';
export * from './results-view';
export * from './support-requests';
export * from './partnerships-figures';

/** Every read model of Partnerships, for the platform to register with its runners. */
export const partnershipsProjections: readonly Projection[] = [
  agreementsProjection,
  programmesProjection,
  projectsProjection,
  resultsProjection,
  supportRequestsProjection,
];
