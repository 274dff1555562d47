import { Document, Projection, ProjectionWrite } from '@tadamon/read-store';
import { Trigger } from '../domain/notification/notification-messages';
import { WEBHOOK_ENDPOINT_CATEGORY } from '../domain/webhook-endpoint/webhook-endpoint';
import { DisableReason, WebhookEndpointEvent } from '../domain/webhook-endpoint/webhook-endpoint-messages';

export const WEBHOOK_ENDPOINTS = 'notification_webhook_endpoints';

/** A partner's endpoint as its owner and the policy read it (never its secret, not even its id). */
export interface WebhookEndpointDoc extends Document {
  endpointId: string;
  organisationId: string;
  url: string;
  description: string;
  triggers: Trigger[];
  status: 'enabled' | 'disabled' | 'removed';
  disabledReason: DisableReason | null;
  failingSince: string | null;
  registeredAt: string;
  secretRotatedAt: string | null;
  updatedAt: string;
}

export const webhookEndpointsProjection: Projection = {
  name: 'notification-webhook-endpoints',
  version: 1,
  collections: [WEBHOOK_ENDPOINTS],
  categories: [WEBHOOK_ENDPOINT_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as WebhookEndpointEvent;
    const at = event.data.at;
    const set = (fields: Record<string, unknown>): ProjectionWrite[] => [
      {
        collection: WEBHOOK_ENDPOINTS,
        upsert: { id: event.data.endpointId, update: { $set: { ...fields, updatedAt: at } } },
      },
    ];
    switch (event.type) {
      case 'WebhookEndpointRegistered': {
        const { endpointId, organisationId, url, description, triggers } = event.data;
        return set({
          endpointId,
          organisationId,
          url,
          description,
          triggers,
          status: 'enabled',
          disabledReason: null,
          failingSince: null,
          registeredAt: at,
          secretRotatedAt: null,
        });
      }
      case 'WebhookEndpointChanged': {
        const { url, description, triggers } = event.data;
        return set({ url, description, triggers });
      }
      case 'WebhookSecretRotated':
        return set({ secretRotatedAt: at });
      case 'WebhookEndpointDisabled':
        return set({ status: 'disabled', disabledReason: event.data.reason });
      case 'WebhookEndpointEnabled':
        return set({ status: 'enabled', disabledReason: null, failingSince: null });
      case 'WebhookEndpointFailing':
        return set({ failingSince: event.data.since });
      case 'WebhookEndpointRecovered':
        return set({ failingSince: null });
      case 'WebhookEndpointRemoved':
        return set({ status: 'removed' });
      default:
        return [];
    }
  },
};
