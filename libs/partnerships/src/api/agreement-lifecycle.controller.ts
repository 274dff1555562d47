import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  CommandEndpoint,
  commandResponse,
  CurrentActor,
  EmptyBody,
  ExpectedRevisionHeader,
} from '@tadamon/nest-kit';
import { PartnershipsCommands } from '../application/partnerships-commands';
import { LifecycleCommand } from '../domain/agreement/agreement-commands';
import { AgreementReads } from './agreement-reads';
import { AGREEMENTS_PATH } from './agreements.controller';
import {
  AgreementReasonDto,
  CompleteAgreementDto,
  TerminateAgreementDto,
} from './dto/agreement-commands.dto';

const LIFECYCLE_PROBLEMS = [400, 401, 403, 404, 409, 412, 429] as const;

/** Suspension, resumption and the three endings of an agreement: the officer's. */
@ApiTags('partnerships: agreements')
@ApiBearerAuth()
@Controller(AGREEMENTS_PATH)
export class AgreementLifecycleController {
  constructor(
    private readonly commands: PartnershipsCommands,
    private readonly reads: AgreementReads,
  ) {}

  @Post(':agreementId/suspend')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Suspend an agreement in force, with the reason (officer)',
    problems: [...LIFECYCLE_PROBLEMS],
  })
  suspend(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @Body() body: AgreementReasonDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(
      actor,
      agreementId,
      { type: 'SuspendAgreement', data: { agreementId, reason: body.reason } },
      expectedRevision,
    );
  }

  @Post(':agreementId/resume')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Resume a suspended agreement (officer)',
    problems: [...LIFECYCLE_PROBLEMS],
  })
  resume(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(actor, agreementId, { type: 'ResumeAgreement', data: { agreementId } }, expectedRevision);
  }

  @Post(':agreementId/terminate')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Terminate an agreement before its end, with the reason and the first day it no longer binds (409 AMENDMENT_PENDING while an amendment awaits signatures) (officer)',
    problems: [...LIFECYCLE_PROBLEMS],
  })
  terminate(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @Body() body: TerminateAgreementDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const data = { agreementId, reason: body.reason, effectiveOn: body.effectiveOn };
    return this.run(actor, agreementId, { type: 'TerminateAgreement', data }, expectedRevision);
  }

  @Post(':agreementId/expire')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Record that an agreement expired: its end date has passed (409 AGREEMENT_NOT_ENDED before) (officer)',
    problems: [...LIFECYCLE_PROBLEMS],
  })
  expire(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(actor, agreementId, { type: 'ExpireAgreement', data: { agreementId } }, expectedRevision);
  }

  @Post(':agreementId/complete')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Record that an agreement in force was carried out in full, with an optional note (officer)',
    problems: [...LIFECYCLE_PROBLEMS],
  })
  complete(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @Body() body: CompleteAgreementDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(
      actor,
      agreementId,
      { type: 'CompleteAgreement', data: { agreementId, note: body.note } },
      expectedRevision,
    );
  }

  private async run(
    actor: Actor,
    agreementId: string,
    command: Pick<LifecycleCommand, 'type' | 'data'>,
    expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.reads.stream(actor, agreementId);
    return commandResponse(
      await this.commands.execute('agreement', agreementId, command as never, actor, { expectedRevision }),
    );
  }
}
