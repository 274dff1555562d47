import { Projection } from '@tadamon/read-store';
import { applicationsProjection } from './applications';
import { callsProjection } from './calls';
import { envelopesProjection } from './envelopes';

export * from './document-keys';
export * from './calls';
export * from './envelopes';
export * from './applications';
export * from './funding-figures';

/** Every read model of Funding, for the platform to register with its runners. */
export const fundingProjections: readonly Projection[] = [
  callsProjection,
  envelopesProjection,
  applicationsProjection,
];
