import { Projection } from '@tadamon/read-store';
import { notificationsProjection } from './notifications-view';
import { webhookEndpointsProjection } from './webhook-endpoints-view';

export * from './notifications-view';
export * from './webhook-endpoints-view';

/** Every read model of Notifications, for the host to register with its runners. */
export const notificationsProjections: readonly Projection[] = [
  notificationsProjection,
  webhookEndpointsProjection,
];
