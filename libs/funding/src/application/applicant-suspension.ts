import { Inject, Injectable } from '@nestjs/common';
import { uuidV5 } from '@tadamon/eventsourcing';
import { CHECKPOINTS_COLLECTION, Document } from '@tadamon/read-store';
import { GRANT_APPLICATION_CATEGORY } from '../domain/grant-application/grant-application';
import { GrantApplicationDrafted } from '../domain/grant-application/grant-application-events';
import { APPLICATIONS_PROJECTION, ApplicationDoc, FUNDING_APPLICATIONS } from '../projections/applications';
import { CommandActor, FundingCommands } from './funding-commands';
import {
  FUNDING_EVENT_STORE,
  FUNDING_READ_MODELS,
  FundingEventStore,
  FundingReadModels,
} from './funding-ports';

/** Who the policy's commands are recorded as: a system identity, never a person's account. */
export const REGISTRY_POLICY_ACTOR: CommandActor = { id: 'system-funding-registry-policy', roles: [] };

/** Namespace of the policy's command ids: one id per (integration event, application). */
const POLICY_COMMAND_NAMESPACE = '3b0f8f7e-5d1c-4a7b-9e54-7c1d2a6f0b38';

/** The integration event that caused a policy's commands. */
export interface PolicyCause {
  eventId: string;
  correlationId: string;
  reason?: string;
}

interface CheckpointDoc extends Document {
  position: number;
  rebuilding?: boolean;
}

/**
 * Holds back, then releases, the applications of an association the Registry suspended, dissolved
 * or merged: FlagForAssociationSuspension on each of its applications, ClearSuspensionFlag on
 * reinstatement. The deciders make both idempotent (a closed application is never flagged), and
 * command ids derive from the integration event, so a redelivered event appends nothing.
 */
@Injectable()
export class ApplicantSuspension {
  constructor(
    private readonly commands: FundingCommands,
    @Inject(FUNDING_READ_MODELS) private readonly readModels: FundingReadModels,
    @Inject(FUNDING_EVENT_STORE) private readonly store: FundingEventStore,
  ) {}

  /**
   * Every application of the association: those the read model holds, plus those drafted after
   * its checkpoint (read from the log), so an application drafted a moment ago is not missed.
   */
  async applicationsOf(associationId: string): Promise<string[]> {
    const checkpoint = await this.readModels
      .collection<CheckpointDoc>(CHECKPOINTS_COLLECTION)
      .get(APPLICATIONS_PROJECTION);
    const usable = checkpoint !== null && checkpoint.rebuilding !== true;
    const ids = new Set<string>();
    if (usable) {
      const docs = await this.readModels
        .collection<ApplicationDoc>(FUNDING_APPLICATIONS)
        .find({ associationId }, { projection: { applicationId: 1 } });
      for (const doc of docs) ids.add(doc.applicationId);
    }
    let after = usable && checkpoint ? checkpoint.position : 0;
    for (;;) {
      const page = await this.store.readAll({
        after,
        maxCount: 1000,
        categories: [GRANT_APPLICATION_CATEGORY],
        types: ['GrantApplicationDrafted'],
      });
      for (const event of page) {
        const data = event.data as GrantApplicationDrafted['data'];
        if (data.associationId === associationId) ids.add(data.applicationId);
      }
      if (page.length < 1000) break;
      after = page[page.length - 1].globalPosition;
    }
    return [...ids].sort();
  }

  /** Flags each application of the association; returns how many were flagged now. */
  async flag(associationId: string, cause: PolicyCause & { reason: string }): Promise<number> {
    let flagged = 0;
    for (const applicationId of await this.applicationsOf(associationId)) {
      const outcome = await this.commands.execute(
        'grantApplication',
        applicationId,
        {
          type: 'FlagForAssociationSuspension',
          data: { applicationId, associationId, reason: cause.reason },
        },
        REGISTRY_POLICY_ACTOR,
        this.options(cause, applicationId),
      );
      flagged += outcome.events.length > 0 ? 1 : 0;
    }
    return flagged;
  }

  /** Clears the flag of each application of the association; returns how many were cleared now. */
  async clear(associationId: string, cause: PolicyCause): Promise<number> {
    let cleared = 0;
    for (const applicationId of await this.applicationsOf(associationId)) {
      const outcome = await this.commands.execute(
        'grantApplication',
        applicationId,
        { type: 'ClearSuspensionFlag', data: { applicationId, associationId } },
        REGISTRY_POLICY_ACTOR,
        this.options(cause, applicationId),
      );
      cleared += outcome.events.length > 0 ? 1 : 0;
    }
    return cleared;
  }

  private options(cause: PolicyCause, applicationId: string) {
    return {
      commandId: uuidV5(`${cause.eventId}:${applicationId}`, POLICY_COMMAND_NAMESPACE),
      causationId: cause.eventId,
      correlationId: cause.correlationId,
    };
  }
}
