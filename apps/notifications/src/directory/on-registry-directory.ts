import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { eventsTopic, IntegrationEvent, REGISTRY_CONTACTS_TOPIC, REGISTRY_CONTEXT } from '@tadamon/contracts';
import { consumerTransport, DeliveryContext } from '@tadamon/messaging';
import { PoolClient } from 'pg';
import { PostgresRegistryPeople } from '@tadamon/registry-people';

/** The directory's consumer: its own group, so the policy's consumer keeps the Registry's topic to itself. */
export const DIRECTORY_CONSUMER = 'notifications-directory';
export const CONTACT_DIRECTORY = Symbol('CONTACT_DIRECTORY');

/**
 * Keeps Notifications' directory of the Registry's people: organisations' names from the public
 * topic, contact persons (sealed cards, consents, erasures) from the contacts topic, each change in
 * the delivery's transaction with its inbox row.
 */
@Controller()
export class OnRegistryDirectory {
  constructor(@Inject(CONTACT_DIRECTORY) private readonly directory: PostgresRegistryPeople) {}

  @EventPattern(eventsTopic(REGISTRY_CONTEXT), consumerTransport(DIRECTORY_CONSUMER))
  async onRegistry(
    @Payload() event: IntegrationEvent,
    @Ctx() context: DeliveryContext<PoolClient>,
  ): Promise<void> {
    await this.directory.applyRegistryEvent(context.transaction, event);
  }

  @EventPattern(REGISTRY_CONTACTS_TOPIC, consumerTransport(DIRECTORY_CONSUMER))
  async onContacts(
    @Payload() event: IntegrationEvent,
    @Ctx() context: DeliveryContext<PoolClient>,
  ): Promise<void> {
    await this.directory.applyContactsEvent(context.transaction, event);
  }
}
