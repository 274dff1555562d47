import { randomUUID } from 'node:crypto';
import {
  AssociationRegisteredV1,
  ContextPublication,
  IntegrationEvent,
  registryContactsPublication,
  registryPublication,
  toIntegrationEvent,
} from '@tadamon/contracts';
import { RecordedEvent } from '@tadamon/eventsourcing';
import { toKafkaMessage } from '@tadamon/messaging';
import { SealedPersonalData } from '@tadamon/personal-data';
import { Producer } from 'kafkajs';

/**
 * Plays the Registry: its domain events mapped by its own publications (the public topic and the
 * restricted contacts topic), put on its topics as its relays would (the same mapping, key and headers).
 */
export class RegistryTopics {
  private position = 0;

  constructor(private readonly producer: Producer) {}

  private publish(
    publication: ContextPublication,
    type: string,
    streamId: string,
    data: unknown,
  ): IntegrationEvent {
    this.position += 1;
    const id = randomUUID();
    const recorded: RecordedEvent = {
      id,
      type,
      schemaVersion: 1,
      data,
      metadata: {
        correlationId: id,
        causationId: id,
        commandId: id,
        actor: { id: 'e2e', roles: ['officer'] },
      },
      streamId,
      revision: 0,
      globalPosition: this.position,
      recordedAt: new Date().toISOString(),
      prevHash: '',
      hash: '',
    };
    const event = toIntegrationEvent(publication, recorded);
    if (!event) throw new Error(`${publication.topic} does not publish ${type}`);
    return event;
  }

  associationRegistered(associationId: string, names: AssociationRegisteredV1['names']): IntegrationEvent {
    return this.publish(registryPublication, 'AssociationRegistered', `association-${associationId}`, {
      associationId,
      profile: { names, hostCountries: ['FR'], originRegions: [], sectors: ['15150'] },
      registeredAt: new Date().toISOString(),
    });
  }

  associationVerified(associationId: string): IntegrationEvent {
    return this.publish(registryPublication, 'AssociationVerified', `association-${associationId}`, {
      associationId,
      verifiedAt: new Date().toISOString(),
    });
  }

  contactPersonAdded(associationId: string, card: SealedPersonalData): IntegrationEvent {
    return this.publish(
      registryContactsPublication,
      'ContactPersonAdded',
      `contactPerson-${card.subjectId}`,
      {
        subjectId: card.subjectId,
        associationId,
        role: 'president',
        personalData: card,
        addedAt: new Date().toISOString(),
      },
    );
  }

  /** Sends events in order (the same event sent twice is a redelivery, as after a lost offset commit). */
  async send(...events: IntegrationEvent[]): Promise<void> {
    for (const event of events) {
      const topic = [registryPublication, registryContactsPublication].find((p) =>
        p.categories.includes(event.streamId.split('-')[0]),
      )?.topic;
      if (!topic) throw new Error(`no topic for ${event.streamId}`);
      await this.producer.send({ topic, acks: -1, messages: [toKafkaMessage(event)] });
    }
  }
}
