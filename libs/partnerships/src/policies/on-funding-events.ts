import { Controller, Logger } from '@nestjs/common';
import { Payload, EventPattern } from '@nestjs/microservices';
import {
  eventsTopic,
  FUNDING_CONTEXT,
  GrantAwardedV1,
  IntegrationEvent,
  TrancheReleasedV1,
} from '@tadamon/contracts';
import { uuidV5 } from '@tadamon/eventsourcing';
import { consumerTransport } from '@tadamon/messaging';
import { CommandActor } from '@tadamon/nest-kit';
import { Money } from '@tadamon/reference-data';
import { PartnershipsCommands } from '../application/partnerships-commands';
import { NotCreated } from '../domain/errors';
import { projectIdForAward } from '../domain/project/decide-opening';
import { AwardedProjectInput } from '../domain/project/project-commands';

/** Who the policy's commands are recorded as: a system identity, never a person's account. */
export const FUNDING_POLICY_ACTOR: CommandActor = { id: 'system-partnerships-funding-policy', roles: [] };

/** Namespace of the policy's command ids: one id per integration event. */
const POLICY_COMMAND_NAMESPACE = '8d4b1f0e-2c6a-4f57-b3e9-61a0c4d7e2b5';

/**
 * A tranche released for an application whose award Partnerships has not recorded. Thrown so the
 * delivery is retried, then dead-lettered (never dropped): the transport keeps it for an operator,
 * to replay once the award's project is open.
 */
export class AwardNotYetReceived extends Error {
  override readonly name = 'AwardNotYetReceived';
  constructor(trancheId: string, applicationId: string) {
    super(
      `tranche ${trancheId} released for application ${applicationId}, whose project ` +
        `${projectIdForAward(applicationId)} is not open (its GrantAwarded has not been applied)`,
    );
  }
}

/**
 * Partnerships' reaction to Funding (topic tadamon.funding.events.v1): GrantAwarded opens the
 * award's project (`award-<applicationId>`) with what the award carries; TrancheReleased records the
 * tranche as a disbursement of that project. Both deciders are idempotent (the same award, the same
 * tranche and amount, change nothing), and the inbox skips an event already applied, so a
 * redelivery appends nothing. Other Funding events are not Partnerships' concern. Runs on Kafka
 * (distributed) or the embedded transport, unchanged; bound to the 'partnerships' consumer's
 * transport, as Notifications' consumer takes the same topic in the embedded platform.
 */
@Controller()
export class OnFundingEvents {
  private readonly logger = new Logger('PartnershipsFundingPolicy');

  constructor(private readonly commands: PartnershipsCommands) {}

  @EventPattern(eventsTopic(FUNDING_CONTEXT), consumerTransport('partnerships'))
  async handle(@Payload() event: IntegrationEvent): Promise<void> {
    if (event.type === 'GrantAwarded') await this.openProject(event, event.data as GrantAwardedV1);
    else if (event.type === 'TrancheReleased')
      await this.recordDisbursement(event, event.data as TrancheReleasedV1);
  }

  // The contract's looser types (any currency, any language) are checked by the deciders: a field
  // they refuse is a ValidationFailed, and the event a dead letter.
  private async openProject(event: IntegrationEvent, award: GrantAwardedV1): Promise<void> {
    const projectId = projectIdForAward(award.applicationId);
    const outcome = await this.commands.execute(
      'project',
      projectId,
      {
        type: 'OpenProjectFromAward',
        data: {
          applicationId: award.applicationId,
          callId: award.callId,
          associationId: award.associationId,
          envelopeId: award.envelopeId,
          grant: award.amount as Money,
          awardedAt: award.decidedAt,
          project: (award.project ?? null) as AwardedProjectInput | null,
        },
      },
      FUNDING_POLICY_ACTOR,
      this.options(event),
    );
    if (outcome.events.length > 0)
      this.logger.log(`GrantAwarded ${award.applicationId}: ${projectId} opened`);
  }

  private async recordDisbursement(event: IntegrationEvent, tranche: TrancheReleasedV1): Promise<void> {
    const projectId = projectIdForAward(tranche.applicationId);
    try {
      const outcome = await this.commands.execute(
        'project',
        projectId,
        {
          type: 'RecordProjectDisbursement',
          data: {
            projectId,
            trancheId: tranche.trancheId,
            amount: tranche.amount as Money,
            // The day of the release (UTC), as the project's ledger counts in days.
            on: tranche.at.slice(0, 10),
            source: 'funding-tranche',
          },
        },
        FUNDING_POLICY_ACTOR,
        this.options(event),
      );
      if (outcome.events.length > 0)
        this.logger.log(`TrancheReleased ${tranche.trancheId}: disbursement recorded on ${projectId}`);
    } catch (error) {
      if (error instanceof NotCreated)
        throw new AwardNotYetReceived(tranche.trancheId, tranche.applicationId);
      throw error;
    }
  }

  private options(event: IntegrationEvent) {
    return {
      commandId: uuidV5(event.eventId, POLICY_COMMAND_NAMESPACE),
      causationId: event.eventId,
      correlationId: event.correlationId,
    };
  }
}
