import { randomUUID } from 'node:crypto';
import { IntegrationEvent, registryPublication } from '@tadamon/contracts';
import { toKafkaMessage } from '@tadamon/messaging';
import { Producer } from 'kafkajs';

/** Plays the Registry: its integration events, put on its topic as its relay would. */
export class RegistryTopic {
  private position = 0;

  constructor(
    private readonly producer: Producer,
    private readonly run: string,
  ) {}

  /** Returns the event's id. */
  async publish(type: string, associationId: string, data: Record<string, unknown> = {}): Promise<string> {
    this.position += 1;
    const at = new Date().toISOString();
    const event: IntegrationEvent = {
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      context: 'registry',
      streamId: `association-${associationId}`,
      globalPosition: this.position,
      occurredAt: at,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      data: { associationId, at, ...data },
    };
    await this.producer.send({
      topic: registryPublication.topic,
      acks: -1,
      messages: [toKafkaMessage(event)],
    });
    return event.eventId;
  }

  /** A Registry actor (a funder): the only kind of organisation an envelope may name as its funder. */
  async actor(actorId: string, kind: string): Promise<void> {
    this.position += 1;
    const event: IntegrationEvent = {
      eventId: randomUUID(),
      type: 'ActorRegistered',
      schemaVersion: 1,
      context: 'registry',
      streamId: `actor-${actorId}`,
      globalPosition: this.position,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      data: { actorId, kind, names: { fr: actorId }, regions: [], sectors: [] },
    };
    await this.producer.send({
      topic: registryPublication.topic,
      acks: -1,
      messages: [toKafkaMessage(event)],
    });
  }

  async verified(associationId: string): Promise<void> {
    await this.publish('AssociationRegistered', associationId, {
      names: { fr: `Association e2e ${this.run}` },
      hostCountries: ['FR'],
      originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
      sectors: ['14030'],
      registeredAt: new Date().toISOString(),
    });
    await this.publish('AssociationVerified', associationId);
  }
}
