import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  ApiPageResponse,
  ApiProblems,
  ApiRecordResponse,
  CommandEndpoint,
  commandResponse,
  CurrentActor,
  EmptyBody,
  ExpectedRevisionHeader,
  plainJson,
  revisioned,
  Revisioned,
  Roles,
} from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { PartnershipsCommands } from '../application/partnerships-commands';
import { Inject } from '@nestjs/common';
import { PARTNERSHIPS_READ_MODELS, PartnershipsReadModels } from '../application/partnerships-ports';
import { Agreement } from '../domain/agreement/agreement-state';
import { ValidationFailed } from '../domain/errors';
import { AgreementDoc, PARTNERSHIPS_AGREEMENTS } from '../projections/agreements';
import { agreementsFilter, agreementView } from '../projections/agreement-view';
import { AgreementReads } from './agreement-reads';
import { agreementHistory, agreementListItem } from './agreement-views';
import {
  AgreementsQueryDto,
  ReviseAgreementDraftDto,
  SignPartnershipAgreementDto,
} from './dto/agreement-commands.dto';
import { DraftAgreementDto } from './dto/agreement-terms.dto';
import {
  actingOrganisation,
  isOfficer,
  ownOrganisation,
  ORGANISATION_ROLES,
  PARTNERSHIPS_READ_ALL,
  readsAllPartnerships,
} from './organisation-access';
import { KnownOrganisations } from './known-organisations.pipe';

export const AGREEMENTS_PATH = 'api/partnerships/agreements';

/**
 * The party a signature is for. An association or partner account signs for its own organisation
 * only; an officer signs for the ministry unless it records another party's signature.
 */
export const signingParty = (actor: Actor, state: Agreement, partyId: string | undefined): string => {
  if (isOfficer(actor)) {
    if (partyId !== undefined) return partyId;
    const terms = state.pending?.terms ?? state.terms;
    const ministry = terms.parties.find((p) => p.partyKind === 'ministry');
    if (!ministry)
      throw new ValidationFailed([
        { field: 'partyId', reason: 'required: the agreement names no ministry party' },
      ]);
    return ministry.partyId;
  }
  return ownOrganisation(actor, 'partyId', partyId);
};

@ApiTags('partnerships: agreements')
@ApiBearerAuth()
@Controller(AGREEMENTS_PATH)
export class PartnershipAgreementsController {
  constructor(
    private readonly commands: PartnershipsCommands,
    private readonly reads: AgreementReads,
    @Inject(PARTNERSHIPS_READ_MODELS) private readonly readModels: PartnershipsReadModels,
  ) {}

  @Post()
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Draft a partnership agreement (convention): its object, parties (the ministry among them, one accountable; a funding party commits money), period, programme, sectors and regions (officer)',
    problems: [400, 401, 403, 409, 412, 429],
    creates: true,
  })
  async draft(
    @CurrentActor() actor: Actor,
    @Body(KnownOrganisations) body: DraftAgreementDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { agreementId: given, ...terms } = plainJson(body);
    const agreementId = given ?? `agreement-${randomUUID()}`;
    const outcome = await this.commands.execute(
      'agreement',
      agreementId,
      { type: 'DraftAgreement', data: { agreementId, ...terms } as never },
      actor,
      { expectedRevision },
    );
    reply.header('location', `/${AGREEMENTS_PATH}/${encodeURIComponent(agreementId)}`);
    return commandResponse(outcome, { agreementId });
  }

  @Get()
  @Roles(...PARTNERSHIPS_READ_ALL, ...ORGANISATION_ROLES)
  @ApiPageResponse('Agreements, oldest draft first')
  @ApiOperation({
    summary:
      'Agreements, filtered by party, status or programme (officer, auditor, admin: all; an association or partner: those its organisation is a party to)',
  })
  @ApiProblems(400, 401, 403, 429)
  async list(@CurrentActor() actor: Actor, @Query() query: AgreementsQueryDto) {
    const filter = agreementsFilter(query);
    if (!readsAllPartnerships(actor)) {
      const organisation = actingOrganisation(actor);
      if (query.partyId !== undefined && query.partyId !== organisation)
        return { items: [], total: 0, page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
      filter['partyIds'] = organisation;
    }
    return listPage(
      this.readModels.collection<AgreementDoc>(PARTNERSHIPS_AGREEMENTS),
      filter,
      { page: query.page, pageSize: query.pageSize, sort: { draftedAt: 1, _id: 1 } },
      agreementListItem,
    );
  }

  @Get(':agreementId')
  @Roles(...PARTNERSHIPS_READ_ALL, ...ORGANISATION_ROLES)
  @ApiRecordResponse(
    'The agreement: terms in force, versions side by side, signatures, documents (ETag = revision)',
  )
  @ApiOperation({
    summary:
      'One agreement: the terms in force and their totals, every version with who signed when, the pending amendment, suspensions, ending, documents (readers of all; a party’s account)',
  })
  @ApiProblems(401, 403, 404, 429)
  async get(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
  ): Promise<Revisioned<unknown>> {
    const { revision } = await this.reads.stream(actor, agreementId);
    const doc = await this.reads.document(actor, agreementId);
    return revisioned({ ...agreementView(doc), revision }, revision);
  }

  @Get(':agreementId/versions')
  @Roles(...PARTNERSHIPS_READ_ALL, ...ORGANISATION_ROLES)
  @ApiRecordResponse('Every version proposed, in order, with its differences and signatures')
  @ApiOperation({
    summary:
      'The version history: the original and each amendment or renewal (in force, awaiting signatures or withdrawn), what changed, who signed when (readers of all; a party’s account)',
  })
  @ApiProblems(401, 403, 404, 429)
  async versions(@CurrentActor() actor: Actor, @Param('agreementId') agreementId: string) {
    return agreementHistory(agreementView(await this.reads.document(actor, agreementId)));
  }

  @Post(':agreementId/revise')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Revise the draft (or the terms under negotiation before anyone signed; else 409 TERMS_ALREADY_SIGNED): the terms given, each whole (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async revise(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @Body(KnownOrganisations) body: ReviseAgreementDraftDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.reads.stream(actor, agreementId);
    const { changes } = plainJson(body);
    return commandResponse(
      await this.commands.execute(
        'agreement',
        agreementId,
        { type: 'ReviseAgreementDraft', data: { agreementId, changes: changes as never } },
        actor,
        { expectedRevision },
      ),
    );
  }

  @Post(':agreementId/submit')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Submit the draft for signature: every party of the draft then signs version 1 (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.reads.stream(actor, agreementId);
    return commandResponse(
      await this.commands.execute(
        'agreement',
        agreementId,
        { type: 'SubmitAgreementForSignature', data: { agreementId } },
        actor,
        { expectedRevision },
      ),
    );
  }

  @Post(':agreementId/sign')
  @CommandEndpoint({
    roles: ['officer', ...ORGANISATION_ROLES],
    summary:
      'Sign version 1 for a party: an association or partner account for its own organisation when it is a party; an officer for the ministry, or records another party’s signature with its date. The last signature puts the agreement in force (403 NOT_A_PARTY)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async sign(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @Body() body: SignPartnershipAgreementDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { state } = await this.reads.stream(actor, agreementId);
    const partyId = signingParty(actor, state, body.partyId);
    return commandResponse(
      await this.commands.execute(
        'agreement',
        agreementId,
        { type: 'SignAgreement', data: { agreementId, partyId, signedOn: body.signedOn } },
        actor,
        { expectedRevision },
      ),
      { partyId },
    );
  }
}
