import 'reflect-metadata';
import { runService } from '@tadamon/nest-kit';
import { loadPartnershipsConfig } from './config';
import { createPartnershipsApp } from './create-partnerships-app';

void runService(
  'Tadamon Partnerships',
  () => loadPartnershipsConfig(),
  (config) => createPartnershipsApp({ config }),
);
