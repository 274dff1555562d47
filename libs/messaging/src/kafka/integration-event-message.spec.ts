import { IntegrationEvent } from '@tadamon/contracts';
import { deadLetterHeaders, toKafkaMessage } from './integration-event-message';

const event: IntegrationEvent = {
  eventId: 'e-1',
  type: 'AssociationVerified',
  schemaVersion: 2,
  context: 'registry',
  streamId: 'association-42',
  globalPosition: 9,
  occurredAt: '2026-01-01T00:00:00.000Z',
  correlationId: 'corr',
  causationId: 'cause',
  data: { associationId: '42' },
};

describe('integration event messages', () => {
  it('keys by stream id, carries the envelope as value and its identity in headers', () => {
    const message = toKafkaMessage(event);
    expect(message.key).toBe('association-42');
    expect(JSON.parse(String(message.value))).toEqual(event);
    expect(message.headers).toEqual({
      'tadamon-event-id': 'e-1',
      'tadamon-type': 'AssociationVerified',
      'tadamon-schema-version': '2',
      'tadamon-context': 'registry',
      'tadamon-correlation-id': 'corr',
      'tadamon-causation-id': 'cause',
    });
  });

  it('describes a dead letter: error, attempts and where the message came from', () => {
    const error = new Error('x'.repeat(5000));
    const headers = deadLetterHeaders({
      error,
      attempts: 3,
      topic: 'tadamon.registry.events.v1',
      partition: 2,
      offset: '17',
      consumerGroup: 'tadamon.funding',
      failedAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(headers).toMatchObject({
      'tadamon-dlt-error-name': 'Error',
      'tadamon-dlt-attempts': '3',
      'tadamon-dlt-original-topic': 'tadamon.registry.events.v1',
      'tadamon-dlt-original-partition': '2',
      'tadamon-dlt-original-offset': '17',
      'tadamon-dlt-consumer-group': 'tadamon.funding',
      'tadamon-dlt-failed-at': '2026-01-01T00:00:00.000Z',
    });
    expect(headers['tadamon-dlt-error-message']).toHaveLength(2000);
  });
});
