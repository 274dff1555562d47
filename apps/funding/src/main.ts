import 'reflect-metadata';
import { runService } from '@tadamon/nest-kit';
import { loadFundingConfig } from './config';
import { createFundingApp } from './create-funding-app';

void runService(
  'Tadamon Funding',
  () => loadFundingConfig(),
  (config) => createFundingApp({ config }),
);
