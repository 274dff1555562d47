import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  ActorRegisteredV1,
  AssociationMergedV1,
  AssociationRegisteredV1,
  AssociationStatusChangedV1,
  AssociationSuspendedV1,
  eventsTopic,
  IntegrationEvent,
  NetworkMembershipChangedV1,
  REGISTRY_CONTEXT,
} from '@tadamon/contracts';
import { consumerTransport, DeliveryContext } from '@tadamon/messaging';
import { ApplicantSuspension } from '../application/applicant-suspension';
import { FUNDING_REGISTRY_FACTS, RegistryFactChange, RegistryFacts } from '../application/funding-ports';
import { AssociationStatus } from '../domain/grant-application/eligibility-screening';

/** The association statuses each Registry event leads to. */
const STATUS_AFTER: Readonly<Record<string, AssociationStatus>> = {
  AssociationRegistered: 'submitted',
  AssociationVerified: 'verified',
  AssociationRejected: 'rejected',
  AssociationSuspended: 'suspended',
  AssociationReinstated: 'verified',
  AssociationDissolved: 'dissolved',
  AssociationMerged: 'merged',
};

/** Why an application is held back, by the Registry event that says so. */
const flagReason = (event: IntegrationEvent): string | undefined => {
  switch (event.type) {
    case 'AssociationSuspended':
      return `association suspended by the registry: ${(event.data as AssociationSuspendedV1).reason}`;
    case 'AssociationDissolved':
      return 'association dissolved (registry)';
    case 'AssociationMerged':
      return `association merged into ${(event.data as AssociationMergedV1).survivorId} (registry)`;
    default:
      return undefined;
  }
};

/** The fact an integration event of the Registry teaches Funding, if any. */
export const registryFactOf = (event: IntegrationEvent): RegistryFactChange | undefined => {
  const status = STATUS_AFTER[event.type];
  if (status !== undefined) {
    const data = event.data as AssociationStatusChangedV1 &
      Partial<AssociationRegisteredV1 & AssociationMergedV1>;
    return {
      kind: 'applicant',
      associationId: data.associationId,
      status,
      ...(event.type === 'AssociationRegistered' ? { hostCountries: data.hostCountries ?? [] } : {}),
      ...(event.type === 'AssociationMerged' && data.survivorId ? { survivorId: data.survivorId } : {}),
      position: event.globalPosition,
      at: data.at ?? data.registeredAt ?? event.occurredAt,
    };
  }
  if (event.type === 'NetworkMemberAdded' || event.type === 'NetworkMemberRemoved') {
    const data = event.data as NetworkMembershipChangedV1;
    return {
      kind: 'network-member',
      networkId: data.networkId,
      associationId: data.associationId,
      member: event.type === 'NetworkMemberAdded',
      position: event.globalPosition,
    };
  }
  if (event.type === 'ActorRegistered') {
    const data = event.data as ActorRegisteredV1;
    return { kind: 'actor', actorId: data.actorId, actorKind: data.kind, position: event.globalPosition };
  }
  return undefined;
};

/**
 * Funding's reaction to the Registry (topic tadamon.registry.events.v1): it keeps its own copy of
 * the applicants' statuses and of network memberships (the facts submissions, screenings and
 * conflict checks decide with), written in the delivery's transaction with the inbox row; and it
 * flags the applications of an association suspended, dissolved or merged, and clears the flags
 * when it is reinstated. Runs on Kafka (distributed) or the embedded transport, unchanged.
 */
@Controller()
export class OnRegistryEvents {
  private readonly logger = new Logger('FundingRegistryPolicy');

  constructor(
    @Inject(FUNDING_REGISTRY_FACTS) private readonly facts: RegistryFacts,
    private readonly suspension: ApplicantSuspension,
  ) {}

  @EventPattern(eventsTopic(REGISTRY_CONTEXT), consumerTransport('funding'))
  async handle(@Payload() event: IntegrationEvent, @Ctx() context: DeliveryContext): Promise<void> {
    const fact = registryFactOf(event);
    if (!fact) return;
    // The fact first: a submission that follows it is refused, so none slips past the flags.
    await this.facts.record(context.transaction, fact);
    if (fact.kind !== 'applicant') return;
    const cause = { eventId: event.eventId, correlationId: event.correlationId };
    const reason = flagReason(event);
    if (reason !== undefined) {
      const flagged = await this.suspension.flag(fact.associationId, { ...cause, reason });
      if (flagged > 0)
        this.logger.log(`${event.type} ${fact.associationId}: ${flagged} application(s) flagged`);
    } else if (event.type === 'AssociationReinstated') {
      const cleared = await this.suspension.clear(fact.associationId, cause);
      if (cleared > 0) this.logger.log(`${event.type} ${fact.associationId}: ${cleared} flag(s) cleared`);
    }
  }
}
