import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  CommandEndpoint,
  commandResponse,
  CurrentActor,
  ExpectedRevisionHeader,
  plainJson,
} from '@tadamon/nest-kit';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { PartnershipsCommands } from '../application/partnerships-commands';
import { AgreementReads } from './agreement-reads';
import { AGREEMENTS_PATH, signingParty } from './agreements.controller';
import {
  AgreementReasonDto,
  ProposeAmendmentDto,
  RenewAgreementDto,
  SignPartnershipAgreementDto,
} from './dto/agreement-commands.dto';
import { ORGANISATION_ROLES } from './organisation-access';
import { KnownOrganisations } from './known-organisations.pipe';

const AMENDMENT_PROBLEMS = [400, 401, 403, 404, 409, 412, 429] as const;

@ApiTags('partnerships: agreements')
@ApiBearerAuth()
@Controller(AGREEMENTS_PATH)
export class AgreementAmendmentsController {
  constructor(
    private readonly commands: PartnershipsCommands,
    private readonly reads: AgreementReads,
  ) {}

  @Post(':agreementId/amendments')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Propose an amendment of an agreement in force or suspended: the terms it sets, each whole, and why; every party to the current or the new version signs it. One at a time: 409 AMENDMENT_PENDING while another awaits signatures (officer)',
    problems: [...AMENDMENT_PROBLEMS],
    creates: true,
  })
  async propose(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @Body(KnownOrganisations) body: ProposeAmendmentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.reads.stream(actor, agreementId);
    const { amendmentId: given, changes, reason } = plainJson(body);
    const amendmentId = given ?? `amendment-${randomUUID()}`;
    const outcome = await this.commands.execute(
      'agreement',
      agreementId,
      { type: 'ProposeAmendment', data: { agreementId, amendmentId, changes: changes as never, reason } },
      actor,
      { expectedRevision },
    );
    reply.header('location', `/${AGREEMENTS_PATH}/${encodeURIComponent(agreementId)}/versions`);
    return commandResponse(outcome, { amendmentId });
  }

  @Post(':agreementId/renew')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Renew an agreement: an amendment of its end date alone, which every party signs (409 AMENDMENT_PENDING while another awaits signatures) (officer)',
    problems: [...AMENDMENT_PROBLEMS],
    creates: true,
  })
  async renew(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @Body() body: RenewAgreementDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.reads.stream(actor, agreementId);
    const amendmentId = body.amendmentId ?? `renewal-${randomUUID()}`;
    const outcome = await this.commands.execute(
      'agreement',
      agreementId,
      {
        type: 'RenewAgreement',
        data: { agreementId, amendmentId, newEndDate: body.newEndDate, reason: body.reason },
      },
      actor,
      { expectedRevision },
    );
    reply.header('location', `/${AGREEMENTS_PATH}/${encodeURIComponent(agreementId)}/versions`);
    return commandResponse(outcome, { amendmentId });
  }

  @Post(':agreementId/amendments/:amendmentId/sign')
  @CommandEndpoint({
    roles: ['officer', ...ORGANISATION_ROLES],
    summary:
      'Sign the pending amendment (or renewal) for a party, as for version 1: an organisation’s account for itself, an officer for the ministry or recording another party; the last signature puts it in force (403 NOT_A_PARTY, 404 NO_AMENDMENT_PENDING)',
    problems: [...AMENDMENT_PROBLEMS],
  })
  async sign(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @Param('amendmentId') amendmentId: string,
    @Body() body: SignPartnershipAgreementDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { state } = await this.reads.stream(actor, agreementId);
    const partyId = signingParty(actor, state, body.partyId);
    return commandResponse(
      await this.commands.execute(
        'agreement',
        agreementId,
        { type: 'SignAmendment', data: { agreementId, amendmentId, partyId, signedOn: body.signedOn } },
        actor,
        { expectedRevision },
      ),
      { partyId },
    );
  }

  @Post(':agreementId/amendments/:amendmentId/withdraw')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Withdraw the pending amendment, with the reason; the terms in force stay (officer)',
    problems: [...AMENDMENT_PROBLEMS],
  })
  async withdraw(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @Param('amendmentId') amendmentId: string,
    @Body() body: AgreementReasonDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.reads.stream(actor, agreementId);
    return commandResponse(
      await this.commands.execute(
        'agreement',
        agreementId,
        { type: 'WithdrawAmendment', data: { agreementId, amendmentId, reason: body.reason } },
        actor,
        { expectedRevision },
      ),
    );
  }
}
