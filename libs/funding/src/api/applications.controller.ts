import { commandResponse } from '@tadamon/nest-kit';
import { CommandEndpoint } from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import { ApiPageResponse, ApiRecordResponse, plainJson } from '@tadamon/nest-kit';
import { Body, Controller, Get, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  ApiProblems,
  CurrentActor,
  EmptyBody,
  ExpectedRevisionHeader,
  ProblemException,
  revisioned,
  Revisioned,
  Roles,
} from '@tadamon/nest-kit';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { ApplicantFacts } from '../application/applicant-facts';
import { FundingCommands, Loaded } from '../application/funding-commands';
import { invalidField } from '../application/funding-problems';
import { FUNDING_READ_MODELS, FundingReadModels } from '../application/funding-ports';
import { GrantDecisions } from '../application/grant-decisions';
import { callInForce } from '../domain/call-for-proposals/call-for-proposals';
import { requireWithinCallBudget } from '../domain/grant-application/application-guards';
import { GrantApplicationCommand } from '../domain/grant-application/grant-application-commands';
import { GrantApplication } from '../domain/grant-application/grant-application-state';
import { ApplicationDoc, applicationsFilter, FUNDING_APPLICATIONS } from '../projections/applications';
import { assertApplicant, ownOrganisation, READ_ALL, readsAll } from './access';
import { CommandResultDto, FundingReasonDto } from './dto/common.dto';
import {
  AppealDto,
  ApplicationsQueryDto,
  DraftApplicationDto,
  ProposalChangesDto,
} from './dto/application.dto';
import { applicantView, boardItem, fullApplicationView, ownApplicationItem } from './views';

@ApiTags('funding: applications')
@ApiBearerAuth()
@Controller('api/funding/applications')
export class ApplicationsController {
  constructor(
    private readonly commands: FundingCommands,
    private readonly facts: ApplicantFacts,
    private readonly decisions: GrantDecisions,
    @Inject(FUNDING_READ_MODELS) private readonly readModels: FundingReadModels,
  ) {}

  @Post()
  @CommandEndpoint({
    roles: ['association'],
    summary:
      'Draft an application to a published call, for the caller’s own association: project, budget, co-financing, documents; never more than the call’s whole budget (400 AMOUNT_ABOVE_CALL_BUDGET) (association)',
    problems: [400, 401, 403, 409, 412, 422, 429],
    creates: true,
  })
  async draft(
    @CurrentActor() actor: Actor,
    @Body() body: DraftApplicationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const associationId = ownOrganisation(actor);
    const call = await this.commands.load('callForProposals', body.callId);
    if (!call || call.state.status !== 'published')
      throw invalidField('callId', 'no call open for applications');
    requireWithinCallBudget(
      call.state.terms.budget,
      body.proposal.amountRequested,
      'proposal.amountRequested',
    );
    const applicationId = body.applicationId ?? `app-${randomUUID()}`;
    const existing = await this.commands.load('grantApplication', applicationId);
    if (existing && existing.state.status !== 'none') assertApplicant(actor, existing.state);
    const outcome = await this.commands.execute(
      'grantApplication',
      applicationId,
      {
        type: 'DraftGrantApplication',
        data: {
          applicationId,
          callId: body.callId,
          associationId,
          proposal: plainJson(body.proposal) as never,
        },
      },
      actor,
      { expectedRevision },
    );
    reply.header('location', `/api/funding/applications/${encodeURIComponent(applicationId)}`);
    return commandResponse(outcome, { applicationId });
  }

  @Get()
  @ApiPageResponse('The applications')
  @Roles('association', ...READ_ALL)
  @ApiOperation({
    summary:
      'Applications: an association sees its own (my applications); officers, the committee, auditors and admins all, by call, association, status or flag',
  })
  @ApiProblems(400, 401, 403, 429)
  async list(@CurrentActor() actor: Actor, @Query() query: ApplicationsQueryDto) {
    const privileged = readsAll(actor);
    const filter = applicationsFilter({
      callId: query.callId,
      status: query.status as never,
      associationId: privileged ? query.associationId : ownOrganisation(actor),
      flagged: query.flagged === undefined ? undefined : query.flagged === 'true',
    });
    return listPage(
      this.readModels.collection<ApplicationDoc>(FUNDING_APPLICATIONS),
      filter,
      { page: query.page, pageSize: query.pageSize, sort: { draftedAt: -1, _id: 1 } },
      privileged ? boardItem : ownApplicationItem,
    );
  }

  @Get(':applicationId')
  @ApiRecordResponse('The application (ETag = revision)')
  @Roles('association', ...READ_ALL)
  @ApiOperation({
    summary:
      'One application from its stream (ETag = revision): the whole record for officers, the committee, auditors and admins; its association sees it without evaluators’ identities and scores',
  })
  @ApiProblems(401, 403, 404, 429)
  async get(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
  ): Promise<Revisioned<unknown>> {
    const { state, revision } = await this.application(applicationId);
    if (readsAll(actor)) return revisioned(fullApplicationView(state), revision);
    assertApplicant(actor, state);
    return revisioned(applicantView(state), revision);
  }

  @Patch(':applicationId')
  @Roles('association')
  @ApiOperation({
    summary: 'Change a draft application (only the fields sent). If-Match: the revision read (association)',
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 429)
  async change(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Body() body: ProposalChangesDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { state } = await this.own(actor, applicationId);
    const call = await this.commands.load('callForProposals', state.callId);
    if (call && call.state.status !== 'none')
      requireWithinCallBudget(call.state.terms.budget, body.amountRequested, 'amountRequested');
    return this.run(
      actor,
      applicationId,
      { type: 'ChangeGrantApplication', data: { applicationId, changes: plainJson(body) as never } },
      expectedRevision,
      'changes',
    );
  }

  @Post(':applicationId/submit')
  @CommandEndpoint({
    roles: ['association'],
    summary:
      'Submit a draft before the call’s deadline; only an association the registry verified may (a suspended one may not) (association)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { state } = await this.own(actor, applicationId);
    const call = await this.commands.load('callForProposals', state.callId);
    if (!call || call.state.status === 'none') throw new ProblemException('not-found');
    const association = await this.facts.associationFacts(state.associationId);
    return this.run(
      actor,
      applicationId,
      { type: 'SubmitGrantApplication', data: { applicationId, association, call: callInForce(call.state) } },
      expectedRevision,
    );
  }

  @Post(':applicationId/withdraw')
  @CommandEndpoint({
    roles: ['association'],
    summary:
      'Withdraw an application, with the reason; a withdrawn award gives back to the envelope what was not paid (association)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async withdraw(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Body() body: FundingReasonDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.own(actor, applicationId);
    const outcome = await this.decisions.withdraw(applicationId, body.reason, actor, { expectedRevision });
    return commandResponse(outcome);
  }

  @Post(':applicationId/screen')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Screen a submitted application against the call’s eligibility rules, with the registry’s status of the association now; every rule’s check is recorded (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async screen(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { state } = await this.application(applicationId);
    const association = await this.facts.associationFacts(state.associationId);
    return this.run(
      actor,
      applicationId,
      { type: 'ScreenEligibility', data: { applicationId, association } },
      expectedRevision,
    );
  }

  @Post(':applicationId/appeal')
  @CommandEndpoint({
    roles: ['association'],
    summary: 'Appeal a rejection within the call’s appeal window, with the grounds (association)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async appeal(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Body() body: AppealDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.own(actor, applicationId);
    return this.run(
      actor,
      applicationId,
      { type: 'LodgeAppeal', data: { applicationId, grounds: body.grounds } },
      expectedRevision,
    );
  }

  private async application(applicationId: string): Promise<Loaded<GrantApplication>> {
    const loaded = await this.commands.load('grantApplication', applicationId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    return loaded as Loaded<GrantApplication>;
  }

  /** The caller's own application: another association's answers 404. */
  private async own(actor: Actor, applicationId: string): Promise<Loaded<GrantApplication>> {
    const loaded = await this.application(applicationId);
    assertApplicant(actor, loaded.state);
    return loaded;
  }

  private async run(
    actor: Actor,
    applicationId: string,
    command: Pick<GrantApplicationCommand, 'type' | 'data'>,
    expectedRevision?: ExpectedRevision,
    /** The member of the command's data the body is (see ExecuteOptions.bodyAt). */
    bodyAt?: string,
  ) {
    const outcome = await this.commands.execute('grantApplication', applicationId, command as never, actor, {
      expectedRevision,
      bodyAt,
    });
    return commandResponse(outcome);
  }
}
