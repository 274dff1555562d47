import { IntegrationEvent, INTEGRATION_EVENT_HEADERS } from '@tadamon/contracts';
import { Message } from 'kafkajs';

/** The Kafka message of an integration event: key = stream id (order per stream), envelope as value. */
export function toKafkaMessage(event: IntegrationEvent): Message {
  return {
    key: event.streamId,
    value: JSON.stringify(event),
    headers: {
      [INTEGRATION_EVENT_HEADERS.eventId]: event.eventId,
      [INTEGRATION_EVENT_HEADERS.type]: event.type,
      [INTEGRATION_EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
      [INTEGRATION_EVENT_HEADERS.context]: event.context,
      [INTEGRATION_EVENT_HEADERS.correlationId]: event.correlationId,
      [INTEGRATION_EVENT_HEADERS.causationId]: event.causationId,
    },
  };
}

/** Headers a consumer adds when it dead-letters a message (the original headers are kept). */
export const DEAD_LETTER_HEADERS = {
  errorName: 'tadamon-dlt-error-name',
  errorMessage: 'tadamon-dlt-error-message',
  attempts: 'tadamon-dlt-attempts',
  originalTopic: 'tadamon-dlt-original-topic',
  originalPartition: 'tadamon-dlt-original-partition',
  originalOffset: 'tadamon-dlt-original-offset',
  consumerGroup: 'tadamon-dlt-consumer-group',
  failedAt: 'tadamon-dlt-failed-at',
} as const;

export interface DeadLetterCause {
  error: Error;
  attempts: number;
  topic: string;
  partition: number;
  offset: string;
  consumerGroup: string;
  failedAt: Date;
}

const MAX_ERROR_HEADER = 2000;

export function deadLetterHeaders(cause: DeadLetterCause): Record<string, string> {
  return {
    [DEAD_LETTER_HEADERS.errorName]: cause.error.name,
    [DEAD_LETTER_HEADERS.errorMessage]: cause.error.message.slice(0, MAX_ERROR_HEADER),
    [DEAD_LETTER_HEADERS.attempts]: String(cause.attempts),
    [DEAD_LETTER_HEADERS.originalTopic]: cause.topic,
    [DEAD_LETTER_HEADERS.originalPartition]: String(cause.partition),
    [DEAD_LETTER_HEADERS.originalOffset]: cause.offset,
    [DEAD_LETTER_HEADERS.consumerGroup]: cause.consumerGroup,
    [DEAD_LETTER_HEADERS.failedAt]: cause.failedAt.toISOString(),
  };
}
