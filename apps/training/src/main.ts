import 'reflect-metadata';
import { runService } from '@tadamon/nest-kit';
import { loadTrainingConfig } from './config';
import { createTrainingApp } from './create-training-app';

void runService(
  'Tadamon Training',
  () => loadTrainingConfig(),
  (config) => createTrainingApp({ config }),
);
