import 'reflect-metadata';
import { runService } from '@tadamon/nest-kit';
import { loadNotificationsConfig } from './config';
import { createNotificationsApp } from './create-notifications-app';

void runService(
  'Tadamon Notifications',
  () => loadNotificationsConfig(),
  (config) => createNotificationsApp({ config }),
);
