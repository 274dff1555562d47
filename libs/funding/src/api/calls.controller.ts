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
  Public,
  revisioned,
  Revisioned,
  Roles,
} from '@tadamon/nest-kit';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CallRanking } from '../application/call-ranking';
import { FundingCommands } from '../application/funding-commands';
import { invalidField } from '../application/funding-problems';
import { FUNDING_READ_MODELS, FundingReadModels } from '../application/funding-ports';
import { OpenedEnvelope } from '../domain/budget-envelope/budget-envelope';
import { CallStatus, DraftedCall } from '../domain/call-for-proposals/call-for-proposals';
import { CallTerms } from '../domain/call-for-proposals/call-terms';
import { ApplicationDoc, applicationsFilter, FUNDING_APPLICATIONS } from '../projections/applications';
import { CallDoc, callsFilter, FUNDING_CALLS } from '../projections/calls';
import { READ_ALL, readsAll } from './access';
import { CommandResultDto } from './dto/common.dto';
import { CallsQueryDto, CallTermsChangesDto, DraftCallDto, ExtendDeadlineDto } from './dto/call.dto';
import { BoardQueryDto } from './dto/application.dto';
import { boardItem, callView, withoutInternals } from './views';

@ApiTags('funding: calls for proposals')
@ApiBearerAuth()
@Controller('api/funding/calls')
export class CallsController {
  constructor(
    private readonly commands: FundingCommands,
    private readonly ranking: CallRanking,
    @Inject(FUNDING_READ_MODELS) private readonly readModels: FundingReadModels,
  ) {}

  @Post()
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Draft a call for proposals on a budget envelope of its programme: eligibility rules, weighted criteria with thresholds, evaluators per proposal, deadline (officer)',
    problems: [400, 401, 403, 409, 412, 422, 429],
    creates: true,
  })
  async draft(
    @CurrentActor() actor: Actor,
    @Body() body: DraftCallDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const callId = body.callId ?? `call-${randomUUID()}`;
    const terms = plainJson(body.terms);
    await this.checkEnvelope('terms', terms as Partial<CallTerms>);
    const outcome = await this.commands.execute(
      'callForProposals',
      callId,
      { type: 'DraftCallForProposals', data: { callId, terms: terms as never } },
      actor,
      { expectedRevision },
    );
    reply.header('location', `/api/funding/calls/${encodeURIComponent(callId)}`);
    return commandResponse(outcome, { callId });
  }

  @Get()
  @ApiPageResponse('The calls for proposals')
  @Public()
  @ApiOperation({
    summary:
      'Calls for proposals. The public (and every other role) sees the open calls: published, deadline not passed; officers, the committee, auditors and admins every status (?status=)',
  })
  @ApiProblems(400, 429)
  async list(@CurrentActor() actor: Actor | undefined, @Query() query: CallsQueryDto) {
    const privileged = readsAll(actor);
    const filter = callsFilter({
      openAt: privileged ? undefined : new Date().toISOString(),
      status: privileged ? (query.status as CallStatus | undefined) : undefined,
      programmeId: query.programmeId,
    });
    return listPage(
      this.readModels.collection<CallDoc>(FUNDING_CALLS),
      filter,
      { page: query.page, pageSize: query.pageSize, sort: { deadline: 1, _id: 1 } },
      withoutInternals,
    );
  }

  @Get(':callId')
  @ApiRecordResponse('The call (ETag = revision)')
  @Public()
  @ApiOperation({
    summary:
      'One call from its stream (ETag = revision). Published and closed calls are public; drafts only for officers, the committee, auditors and admins',
  })
  @ApiProblems(404, 429)
  async get(
    @CurrentActor() actor: Actor | undefined,
    @Param('callId') callId: string,
  ): Promise<Revisioned<unknown>> {
    const { state, revision } = await this.call(callId);
    if (state.status === 'draft' && !readsAll(actor)) throw new ProblemException('not-found');
    return revisioned(callView(state), revision);
  }

  @Patch(':callId')
  @Roles('officer')
  @ApiOperation({
    summary:
      'Revise the terms of a draft call (only those sent); new criteria bump the criteria version (officer)',
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 429)
  async revise(
    @CurrentActor() actor: Actor,
    @Param('callId') callId: string,
    @Body() body: CallTermsChangesDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const changes = plainJson(body) as Partial<CallTerms>;
    const { state } = await this.call(callId);
    if (changes.envelopeId !== undefined || changes.programmeId !== undefined || changes.budget !== undefined)
      await this.checkEnvelope('', { ...state.terms, ...changes });
    return this.run(
      actor,
      callId,
      { type: 'ReviseCallForProposals', data: { callId, changes } },
      expectedRevision,
      'changes',
    );
  }

  @Post(':callId/publish')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Publish a draft call: it becomes public and its terms are frozen (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  publish(
    @CurrentActor() actor: Actor,
    @Param('callId') callId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(actor, callId, { type: 'PublishCallForProposals', data: { callId } }, expectedRevision);
  }

  @Post(':callId/extend-deadline')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Extend the deadline of a published call (never earlier) (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  extend(
    @CurrentActor() actor: Actor,
    @Param('callId') callId: string,
    @Body() body: ExtendDeadlineDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(
      actor,
      callId,
      { type: 'ExtendCallDeadline', data: { callId, deadline: body.deadline } },
      expectedRevision,
    );
  }

  @Post(':callId/close')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Close a published call once its deadline has passed (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  close(
    @CurrentActor() actor: Actor,
    @Param('callId') callId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(actor, callId, { type: 'CloseCallForProposals', data: { callId } }, expectedRevision);
  }

  @Get(':callId/applications')
  @ApiPageResponse('The applications to the call')
  @Roles(...READ_ALL)
  @ApiOperation({
    summary:
      'The application board of a call: status, flags, screening, evaluators’ progress, consensus, decision (officer, committee, auditor, admin)',
  })
  @ApiProblems(400, 401, 403, 404, 429)
  async board(@Param('callId') callId: string, @Query() query: BoardQueryDto) {
    await this.call(callId);
    const filter = applicationsFilter({ callId, status: query.status as never });
    return listPage(
      this.readModels.collection<ApplicationDoc>(FUNDING_APPLICATIONS),
      filter,
      { page: query.page, pageSize: query.pageSize, sort: { submittedAt: 1, _id: 1 } },
      boardItem,
    );
  }

  @Get(':callId/ranking')
  @ApiRecordResponse("The call's ranking and its funded set")
  @Roles(...READ_ALL)
  @ApiOperation({
    summary:
      'The ranking of a call’s scored applications within its budget, by consensus then the call’s tie-break rules, with the scoring rules version (officer, committee, auditor, admin)',
  })
  @ApiProblems(401, 403, 404, 429)
  async rankingOf(@Param('callId') callId: string) {
    await this.call(callId);
    const view = await this.ranking.rank(callId);
    return {
      callId,
      criteriaVersion: view.criteriaVersion,
      scoringRulesVersion: view.scoringRulesVersion,
      budget: view.ranking.budget,
      funded: view.ranking.funded,
      remaining: view.ranking.remaining,
      tieBreakRules: view.ranking.tieBreakRules,
      ranked: view.ranking.ranked.map((entry) => ({ ...entry, ...view.applications[entry.applicationId] })),
    };
  }

  private async call(callId: string): Promise<{ state: DraftedCall; revision: number }> {
    const loaded = await this.commands.load('callForProposals', callId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    return { state: loaded.state, revision: loaded.revision };
  }

  /** A call draws on an envelope of its own programme, in the envelope's currency, within its amount. */
  private async checkEnvelope(prefix: string, terms: Partial<CallTerms>): Promise<void> {
    const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
    if (terms.envelopeId === undefined) return;
    const loaded = await this.commands.load('budgetEnvelope', terms.envelopeId);
    if (!loaded || loaded.state.status === 'none')
      throw invalidField(at('envelopeId'), 'no such budget envelope');
    const envelope = loaded.state as OpenedEnvelope;
    if (terms.programmeId !== undefined && terms.programmeId !== envelope.terms.programmeId)
      throw invalidField(
        at('programmeId'),
        `must be ${envelope.terms.programmeId}, the programme of the envelope`,
      );
    const budget = terms.budget;
    if (budget === undefined) return;
    if (budget.currency !== envelope.terms.amount.currency)
      throw invalidField(
        at('budget.currency'),
        `must be ${envelope.terms.amount.currency}, the envelope's currency`,
      );
    if (budget.amountMinor > envelope.terms.amount.amountMinor)
      throw invalidField(at('budget.amountMinor'), 'must not exceed the amount of the envelope');
  }

  private async run(
    actor: Actor,
    callId: string,
    command: Parameters<FundingCommands['execute']>[2],
    expectedRevision?: ExpectedRevision,
    /** The member of the command's data the body is (see ExecuteOptions.bodyAt). */
    bodyAt?: string,
  ) {
    const outcome = await this.commands.execute('callForProposals', callId, command as never, actor, {
      expectedRevision,
      bodyAt,
    });
    return commandResponse(outcome);
  }
}
