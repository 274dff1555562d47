import { RecordedEvent } from '@tadamon/eventsourcing';
import { parseIntegrationEvent, InvalidIntegrationEvent } from './integration-event';
import { definePublication, toIntegrationEvent } from './publication';
import { consumerGroup, deadLetterTopic, eventsTopic, InvalidContextName } from './topics';

const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: '0b0c4f2e-9f53-5d6a-8f1e-1d2c3b4a5f60',
  type,
  schemaVersion: 1,
  data,
  metadata: {
    correlationId: 'corr-1',
    causationId: 'cause-1',
    commandId: 'cmd-1',
    actor: { id: 'u1', roles: [] },
  },
  streamId: 'association-42',
  revision: 3,
  globalPosition: 17,
  recordedAt: '2026-01-02T03:04:05.000Z',
  prevHash: 'p',
  hash: 'h',
});

const registry = definePublication({
  context: 'registry',
  categories: ['association'],
  events: {
    AssociationVerified: {
      type: 'AssociationVerified',
      schemaVersion: 1,
      toData: (data: { associationId: string; internalNote: string }) => ({
        associationId: data.associationId,
      }),
    },
  },
});

describe('topics', () => {
  it('names a context topic, its dead-letter twin and its consumer group', () => {
    expect(eventsTopic('registry')).toBe('tadamon.registry.events.v1');
    expect(deadLetterTopic(eventsTopic('registry'))).toBe('tadamon.registry.events.v1.dlt');
    expect(consumerGroup('funding')).toBe('tadamon.funding');
  });

  it('rejects context names that would break topic names', () => {
    expect(() => eventsTopic('Funding')).toThrow(InvalidContextName);
    expect(() => eventsTopic('a.b')).toThrow(InvalidContextName);
  });

  it('refuses a dead-letter topic of a dead-letter topic', () => {
    expect(() => deadLetterTopic('tadamon.registry.events.v1.dlt')).toThrow();
  });
});

describe('publication', () => {
  it('maps a published domain event to an integration event carrying its envelope fields', () => {
    const event = toIntegrationEvent(
      registry,
      recorded('AssociationVerified', { associationId: 'a-42', internalNote: 'private' }),
    );
    expect(event).toEqual({
      eventId: '0b0c4f2e-9f53-5d6a-8f1e-1d2c3b4a5f60',
      type: 'AssociationVerified',
      schemaVersion: 1,
      context: 'registry',
      streamId: 'association-42',
      globalPosition: 17,
      occurredAt: '2026-01-02T03:04:05.000Z',
      correlationId: 'corr-1',
      causationId: 'cause-1',
      data: { associationId: 'a-42' },
    });
    expect(registry.topic).toBe('tadamon.registry.events.v1');
  });

  it('keeps unmapped domain events private', () => {
    expect(toIntegrationEvent(registry, recorded('AssociationRenamed', {}))).toBeUndefined();
    expect(toIntegrationEvent(registry, recorded('toString', {}))).toBeUndefined();
  });

  it('rejects a mapping without a positive schema version', () => {
    expect(() =>
      definePublication({
        context: 'registry',
        categories: ['association'],
        events: { X: { type: 'X', schemaVersion: 0, toData: () => ({}) } },
      }),
    ).toThrow(/schemaVersion/);
  });

  it('parses what it produces and rejects a value without the envelope', () => {
    const event = toIntegrationEvent(
      registry,
      recorded('AssociationVerified', { associationId: 'a', internalNote: '' }),
    );
    expect(parseIntegrationEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
    expect(() => parseIntegrationEvent('hello')).toThrow(InvalidIntegrationEvent);
    expect(() => parseIntegrationEvent({ ...event, eventId: '' })).toThrow(/eventId/);
    expect(() => parseIntegrationEvent({ ...event, globalPosition: '17' })).toThrow(/globalPosition/);
  });
});
