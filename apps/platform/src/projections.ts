import { Projection } from '@tadamon/read-store';
import { fundingProjections } from '@tadamon/funding';
import { notificationsProjections } from '@tadamon/notifications';
import { partnershipsProjections } from '@tadamon/partnerships';
import { registryProjections } from '@tadamon/registry';
import { trainingProjections } from '@tadamon/training';

/** The read models of every context in the platform; each context adds its projections here. */
export const PLATFORM_PROJECTIONS: Projection[] = [
  ...registryProjections,
  ...fundingProjections,
  ...partnershipsProjections,
  ...notificationsProjections,
  ...trainingProjections,
];
