import 'reflect-metadata';
import { runService } from '@tadamon/nest-kit';
import { loadRegistryConfig } from './config';
import { createRegistryApp } from './create-registry-app';

void runService(
  'Tadamon Registry',
  () => loadRegistryConfig(),
  (config) => createRegistryApp({ config }),
);
