import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { eventsTopic, IntegrationEvent, REGISTRY_CONTACTS_TOPIC, REGISTRY_CONTEXT } from '@tadamon/contracts';
import { consumerTransport, DeliveryContext } from '@tadamon/messaging';
import { PoolClient } from 'pg';
import { PostgresContactDirectory } from '../infrastructure/postgres-contact-directory';
import { associationChangeOf, contactChangeOf, organisationNamedBy } from './contact-changes';

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
  constructor(@Inject(CONTACT_DIRECTORY) private readonly directory: PostgresContactDirectory) {}

  @EventPattern(eventsTopic(REGISTRY_CONTEXT), consumerTransport(DIRECTORY_CONSUMER))
  async onRegistry(
    @Payload() event: IntegrationEvent,
    @Ctx() context: DeliveryContext<PoolClient>,
  ): Promise<void> {
    const named = organisationNamedBy(event);
    if (named) await this.directory.recordOrganisation(context.transaction, named);
    const association = associationChangeOf(event);
    if (association) await this.directory.recordAssociation(context.transaction, association);
  }

  @EventPattern(REGISTRY_CONTACTS_TOPIC, consumerTransport(DIRECTORY_CONSUMER))
  async onContacts(
    @Payload() event: IntegrationEvent,
    @Ctx() context: DeliveryContext<PoolClient>,
  ): Promise<void> {
    const change = contactChangeOf(event);
    if (change) await this.directory.recordContact(context.transaction, change);
  }
}
