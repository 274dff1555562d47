import { RecordedEvent } from '@tadamon/eventsourcing';
import { IntegrationEvent } from './integration-event';
import { assertContextName, eventsTopic } from './topics';

/** How one domain event type becomes an integration event. */
export interface PublishedEventMapping<DomainData = never, Data = unknown> {
  type: string;
  schemaVersion: number;
  /** Builds the public data from the (upcast) domain event: publish only what others may rely on. */
  toData: (data: DomainData, event: RecordedEvent<string, DomainData>) => Data;
}

/**
 * What a context publishes: the categories its relay tails and, per domain event type, the
 * integration event it becomes. Domain events with no mapping stay private to the context.
 */
export interface ContextPublication {
  context: string;
  topic: string;
  categories: string[];
  // `any` here lets each mapping declare its own domain data type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  events: Readonly<Record<string, PublishedEventMapping<any, unknown>>>;
}

/**
 * A context's publication, on its events topic unless `topic` names another one (a restricted
 * topic of the same context, such as the Registry's contacts: `tadamon.registry.contacts.v1`).
 */
export function definePublication(
  definition: Omit<ContextPublication, 'topic'> & { topic?: string },
): ContextPublication {
  assertContextName(definition.context);
  if (definition.categories.length === 0)
    throw new Error(`${definition.context}: a publication needs a category`);
  for (const [domainType, mapping] of Object.entries(definition.events)) {
    if (!Number.isSafeInteger(mapping.schemaVersion) || mapping.schemaVersion < 1) {
      throw new Error(
        `${definition.context}: ${domainType} maps to a schemaVersion that is not a positive integer`,
      );
    }
  }
  return Object.freeze({ ...definition, topic: definition.topic ?? eventsTopic(definition.context) });
}

/** The integration event a recorded domain event becomes, or undefined when it is not published. */
export function toIntegrationEvent(
  publication: ContextPublication,
  event: RecordedEvent,
): IntegrationEvent | undefined {
  if (!Object.prototype.hasOwnProperty.call(publication.events, event.type)) return undefined;
  const mapping = publication.events[event.type];
  return {
    eventId: event.id,
    type: mapping.type,
    schemaVersion: mapping.schemaVersion,
    context: publication.context,
    streamId: event.streamId,
    globalPosition: event.globalPosition,
    occurredAt: event.recordedAt,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    data: mapping.toData(event.data as never, event as RecordedEvent<string, never>),
  };
}
