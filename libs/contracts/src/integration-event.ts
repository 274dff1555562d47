/**
 * What one context tells the others: a versioned, public projection of one of its domain events.
 * It travels as the JSON value of a Kafka message (key = streamId) or in-process in the embedded
 * profile; the same fields are repeated in headers (see INTEGRATION_EVENT_HEADERS) for routing.
 */
export interface IntegrationEvent<Type extends string = string, Data = unknown> {
  /** The id of the domain event it comes from: the key of every consumer's inbox. */
  eventId: string;
  type: Type;
  /** Version of this integration event's `data` shape; a breaking change adds a version. */
  schemaVersion: number;
  /** The publishing context, e.g. `registry`. */
  context: string;
  /** The domain event's stream: the partition key, so events of one stream stay in order. */
  streamId: string;
  /** Position of the domain event in the publisher's global log. */
  globalPosition: number;
  /** When the domain event was recorded (ISO 8601). */
  occurredAt: string;
  correlationId: string;
  causationId: string;
  data: Data;
}

/** Kafka header names carried by every integration event message. */
export const INTEGRATION_EVENT_HEADERS = {
  eventId: 'tadamon-event-id',
  type: 'tadamon-type',
  schemaVersion: 'tadamon-schema-version',
  context: 'tadamon-context',
  correlationId: 'tadamon-correlation-id',
  causationId: 'tadamon-causation-id',
} as const;

export class InvalidIntegrationEvent extends Error {
  constructor(reason: string) {
    super(`not an integration event: ${reason}`);
    this.name = 'InvalidIntegrationEvent';
  }
}

const STRING_FIELDS = [
  'eventId',
  'type',
  'context',
  'streamId',
  'occurredAt',
  'correlationId',
  'causationId',
] as const;

/** Checks the envelope of a received value (not its data, which each consumer validates). */
export function parseIntegrationEvent(value: unknown): IntegrationEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidIntegrationEvent('expected a JSON object');
  }
  const candidate = value as Record<string, unknown>;
  for (const field of STRING_FIELDS) {
    if (typeof candidate[field] !== 'string' || candidate[field] === '') {
      throw new InvalidIntegrationEvent(`${field} must be a non-empty string`);
    }
  }
  for (const field of ['schemaVersion', 'globalPosition'] as const) {
    if (!Number.isSafeInteger(candidate[field]))
      throw new InvalidIntegrationEvent(`${field} must be an integer`);
  }
  if (!('data' in candidate)) throw new InvalidIntegrationEvent('data is missing');
  return candidate as unknown as IntegrationEvent;
}
