import fc from 'fast-check';
import { foldEvents } from '@tadamon/eventsourcing';
import { NotificationsError } from '../errors';
import { webhookEndpointDecider } from './webhook-endpoint';
import { WebhookEndpointCommand, WebhookEndpointEvent } from './webhook-endpoint-messages';

const start = Date.parse('2026-06-01T08:00:00.000Z');
const endpointId = 'whe-1';
const actor = { id: 'user-partner', roles: ['partner'] };

const data = fc.oneof(
  fc.constant({
    type: 'RegisterWebhookEndpoint' as const,
    data: {
      endpointId,
      organisationId: 'partner-giz',
      url: 'https://hooks.partner.example/',
      description: 'ERP',
      triggers: ['digest' as const],
      secretId: 'whs-1',
    },
  }),
  fc.constantFrom('https://a.example/', 'http://127.0.0.1:9/').map((url) => ({
    type: 'ChangeWebhookEndpoint' as const,
    data: { endpointId, url, description: 'ERP', triggers: ['digest' as const] },
  })),
  fc.constantFrom('whs-1', 'whs-2', 'whs-3').map((secretId) => ({
    type: 'RotateWebhookSecret' as const,
    data: { endpointId, secretId },
  })),
  fc.constantFrom('by-partner' as const, 'gone' as const, 'failing' as const).map((reason) => ({
    type: 'DisableWebhookEndpoint' as const,
    data: { endpointId, reason },
  })),
  fc.constant({ type: 'EnableWebhookEndpoint' as const, data: { endpointId } }),
  fc.constant({ type: 'RemoveWebhookEndpoint' as const, data: { endpointId } }),
  fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 10 })).map(([succeeded, day]) => ({
    type: 'RecordWebhookOutcome' as const,
    data: { endpointId, succeeded, at: new Date(start + day * 86_400_000).toISOString() },
  })),
);

describe('a webhook endpoint, whatever happened before', () => {
  it('records nothing when a command it accepted is repeated', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(data, fc.integer({ min: 0, max: 10 })), { maxLength: 25 }), (steps) => {
        let events: WebhookEndpointEvent[] = [];
        steps.forEach(([c, day], i) => {
          const command = {
            ...c,
            metadata: {
              commandId: `c-${i}`,
              actor,
              now: new Date(start + day * 86_400_000).toISOString(),
            },
          } as WebhookEndpointCommand;
          let decided: WebhookEndpointEvent[];
          try {
            decided = webhookEndpointDecider.decide(command, foldEvents(webhookEndpointDecider, events));
          } catch (error) {
            if (error instanceof NotificationsError) return;
            throw error;
          }
          events = [...events, ...decided];
          expect(webhookEndpointDecider.decide(command, foldEvents(webhookEndpointDecider, events))).toEqual(
            [],
          );
        });
      }),
      { numRuns: 300 },
    );
  });
});
