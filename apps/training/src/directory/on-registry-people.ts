import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { eventsTopic, IntegrationEvent, REGISTRY_CONTACTS_TOPIC, REGISTRY_CONTEXT } from '@tadamon/contracts';
import { consumerTransport, DeliveryContext } from '@tadamon/messaging';
import { PostgresRegistryPeople } from '@tadamon/registry-people';
import { PoolClient } from 'pg';

export const REGISTRY_PEOPLE = Symbol('REGISTRY_PEOPLE');

/**
 * Keeps Training's directory of the Registry's people: associations' names and standing from the
 * public topic, contact persons (sealed cards, removals, erasures) from the contacts topic, each
 * change in the delivery's transaction with its inbox row.
 */
@Controller()
export class OnRegistryPeople {
  constructor(@Inject(REGISTRY_PEOPLE) private readonly people: PostgresRegistryPeople) {}

  @EventPattern(eventsTopic(REGISTRY_CONTEXT), consumerTransport('training'))
  async onRegistry(
    @Payload() event: IntegrationEvent,
    @Ctx() context: DeliveryContext<PoolClient>,
  ): Promise<void> {
    await this.people.applyRegistryEvent(context.transaction, event);
  }

  @EventPattern(REGISTRY_CONTACTS_TOPIC, consumerTransport('training'))
  async onContacts(
    @Payload() event: IntegrationEvent,
    @Ctx() context: DeliveryContext<PoolClient>,
  ): Promise<void> {
    await this.people.applyContactsEvent(context.transaction, event);
  }
}
