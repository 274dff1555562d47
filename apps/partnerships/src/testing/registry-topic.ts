import { randomUUID } from 'node:crypto';
import { AssociationRegisteredV1, IntegrationEvent, registryPublication } from '@tadamon/contracts';
import { toKafkaMessage } from '@tadamon/messaging';
import { Producer } from 'kafkajs';

/** Plays the Registry: its integration events, put on its topic as its relay would. */
export class RegistryTopic {
  private position = 0;

  constructor(private readonly producer: Producer) {}

  private async send(type: string, associationId: string, data: object): Promise<void> {
    this.position += 1;
    const event: IntegrationEvent = {
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      context: 'registry',
      streamId: `association-${associationId}`,
      globalPosition: this.position,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      data: { associationId, ...data },
    };
    await this.producer.send({
      topic: registryPublication.topic,
      acks: -1,
      messages: [toKafkaMessage(event)],
    });
  }

  /** AssociationRegistered with these names (nothing else the directory keeps). */
  async registered(associationId: string, names: AssociationRegisteredV1['names']): Promise<void> {
    const data: AssociationRegisteredV1 = {
      associationId,
      names,
      hostCountries: ['FR'],
      originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
      sectors: ['14030'],
      registeredAt: new Date().toISOString(),
    };
    await this.send('AssociationRegistered', associationId, data);
  }

  async verified(associationId: string): Promise<void> {
    await this.send('AssociationVerified', associationId, { at: new Date().toISOString() });
  }
}
