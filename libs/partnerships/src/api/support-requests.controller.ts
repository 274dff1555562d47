import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
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
  ExpectedRevisionHeader,
  plainJson,
  ProblemException,
  revisioned,
  Revisioned,
  Roles,
} from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { PartnershipsCommands, PartnershipsCommandInput } from '../application/partnerships-commands';
import { PARTNERSHIPS_READ_MODELS, PartnershipsReadModels } from '../application/partnerships-ports';
import { ValidationFailed } from '../domain/errors';
import { SupportRequest } from '../domain/support-request/support-request-state';
import {
  PARTNERSHIPS_SUPPORT_REQUESTS,
  SupportRequestDoc,
  supportRequestsFilter,
  supportRequestView,
} from '../projections/support-requests';
import {
  AnswerSupportRequestDto,
  AssignSupportRequestDto,
  RequestSupportDto,
  SupportNoteDto,
  SupportRequestsQueryDto,
  WithdrawSupportRequestDto,
} from './dto/support-request.dto';
import {
  actingOrganisation,
  assertSees,
  isOfficer,
  ownOrganisation,
  ORGANISATION_ROLES,
  PARTNERSHIPS_READ_ALL,
  readsAllPartnerships,
} from './organisation-access';
import { KnownOrganisations } from './known-organisations.pipe';

export const SUPPORT_REQUESTS_PATH = 'api/partnerships/support-requests';
const DAY_MS = 86_400_000;
const PROBLEMS = [400, 401, 403, 404, 409, 412, 429] as const;

@ApiTags('partnerships: support requests (mediation)')
@ApiBearerAuth()
@Controller(SUPPORT_REQUESTS_PATH)
export class SupportRequestsController {
  constructor(
    private readonly commands: PartnershipsCommands,
    @Inject(PARTNERSHIPS_READ_MODELS) private readonly readModels: PartnershipsReadModels,
  ) {}

  @Post()
  @CommandEndpoint({
    roles: ['officer', ...ORGANISATION_ROLES],
    summary:
      'Ask the ministry for support (administrative, technical, financial), possibly about a project: an association or partner for its own organisation; an officer on behalf of one',
    problems: [...PROBLEMS],
    creates: true,
  })
  async request(
    @CurrentActor() actor: Actor,
    @Body(KnownOrganisations) body: RequestSupportDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { requestId: given, requesterId: named, ...details } = plainJson(body);
    const requesterId = this.requesterFor(actor, named);
    const requestId = given ?? `support-${randomUUID()}`;
    const outcome = await this.commands.execute(
      'supportRequest',
      requestId,
      { type: 'RequestSupport', data: { requestId, requesterId, ...details } as never },
      actor,
      { expectedRevision },
    );
    reply.header('location', `/${SUPPORT_REQUESTS_PATH}/${encodeURIComponent(requestId)}`);
    return commandResponse(outcome, { requestId });
  }

  @Post(':requestId/assign')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Assign a request to an officer (default: the caller), or re-assign it; the first assignment starts the clock of the answer (officer)',
    problems: [...PROBLEMS],
  })
  async assign(
    @CurrentActor() actor: Actor,
    @Param('requestId') requestId: string,
    @Body() body: AssignSupportRequestDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const officerId = body.officerId ?? actor.id;
    return this.run(
      actor,
      requestId,
      { type: 'AssignSupportRequest', data: { requestId, officerId } },
      expectedRevision,
    );
  }

  @Post(':requestId/answer')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Answer a request: advice, an introduction to an agency or CRI, or a referral to a call; only the assigned officer (403 NOT_THE_ASSIGNED_OFFICER) (officer)',
    problems: [...PROBLEMS],
  })
  async answer(
    @CurrentActor() actor: Actor,
    @Param('requestId') requestId: string,
    @Body(KnownOrganisations) body: AnswerSupportRequestDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { answer } = plainJson(body);
    return this.run(
      actor,
      requestId,
      { type: 'AnswerSupportRequest', data: { requestId, answer: answer as never } },
      expectedRevision,
    );
  }

  @Post(':requestId/close')
  @CommandEndpoint({
    roles: ['officer', ...ORGANISATION_ROLES],
    summary: 'Close an answered request, with an optional note (an officer, or the requesting organisation)',
    problems: [...PROBLEMS],
  })
  async close(
    @CurrentActor() actor: Actor,
    @Param('requestId') requestId: string,
    @Body() body: SupportNoteDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(
      actor,
      requestId,
      { type: 'CloseSupportRequest', data: { requestId, note: body.note } },
      expectedRevision,
    );
  }

  @Post(':requestId/withdraw')
  @CommandEndpoint({
    roles: [...ORGANISATION_ROLES],
    summary: 'Withdraw a request not yet answered, with an optional reason (the requesting organisation)',
    problems: [...PROBLEMS],
  })
  async withdraw(
    @CurrentActor() actor: Actor,
    @Param('requestId') requestId: string,
    @Body() body: WithdrawSupportRequestDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const requesterId = actingOrganisation(actor);
    return this.run(
      actor,
      requestId,
      { type: 'WithdrawSupportRequest', data: { requestId, requesterId, reason: body.reason } },
      expectedRevision,
    );
  }

  @Get()
  @Roles(...PARTNERSHIPS_READ_ALL, ...ORGANISATION_ROLES)
  @ApiPageResponse('Support requests, oldest first, each with the time each step took and its age')
  @ApiOperation({
    summary:
      'Support requests by status and age, oldest first (officer, auditor, admin: all; an association or partner: its own)',
  })
  @ApiProblems(400, 401, 403, 429)
  async list(@CurrentActor() actor: Actor, @Query() query: SupportRequestsQueryDto) {
    const now = new Date();
    const requesterId = readsAllPartnerships(actor) ? query.requesterId : actingOrganisation(actor);
    if (!readsAllPartnerships(actor) && query.requesterId !== undefined && query.requesterId !== requesterId)
      return { items: [], total: 0, page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
    const filter = supportRequestsFilter({
      status: query.status,
      openOnly: query.openOnly,
      requesterId,
      officerId: query.officerId,
      projectId: query.projectId,
      receivedBefore:
        query.olderThanDays === undefined
          ? undefined
          : new Date(now.getTime() - query.olderThanDays * DAY_MS).toISOString(),
    });
    return listPage(
      this.readModels.collection<SupportRequestDoc>(PARTNERSHIPS_SUPPORT_REQUESTS),
      filter,
      { page: query.page, pageSize: query.pageSize, sort: { receivedAt: 1, _id: 1 } },
      (doc) => withoutBookkeeping(supportRequestView(doc, now.toISOString())),
    );
  }

  @Get(':requestId')
  @Roles(...PARTNERSHIPS_READ_ALL, ...ORGANISATION_ROLES)
  @ApiRecordResponse('The request with the instant and duration of each step (ETag = revision)')
  @ApiOperation({
    summary:
      'One support request: its steps, the time each took (received to assigned, to answered, to closed) and its age while open (readers of all; the requesting organisation)',
  })
  @ApiProblems(401, 403, 404, 429)
  async get(
    @CurrentActor() actor: Actor,
    @Param('requestId') requestId: string,
  ): Promise<Revisioned<unknown>> {
    const { revision } = await this.load(actor, requestId);
    const doc = await this.readModels
      .collection<SupportRequestDoc>(PARTNERSHIPS_SUPPORT_REQUESTS)
      .get(requestId);
    if (!doc) throw new ProblemException('not-found');
    return revisioned(
      { ...withoutBookkeeping(supportRequestView(doc, new Date().toISOString())), revision },
      revision,
    );
  }

  private requesterFor(actor: Actor, named: string | undefined): string {
    if (!isOfficer(actor)) return ownOrganisation(actor, 'requesterId', named);
    if (named === undefined)
      throw new ValidationFailed([
        { field: 'requesterId', reason: 'required when an officer asks on behalf of an organisation' },
      ]);
    return named;
  }

  private async load(actor: Actor, requestId: string): Promise<{ state: SupportRequest; revision: number }> {
    const loaded = await this.commands.load('supportRequest', requestId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    const state = loaded.state as SupportRequest;
    assertSees(actor, [state.requesterId]);
    return { state, revision: loaded.revision };
  }

  private async run(
    actor: Actor,
    requestId: string,
    command: PartnershipsCommandInput<'supportRequest'>,
    expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.load(actor, requestId);
    return commandResponse(
      await this.commands.execute('supportRequest', requestId, command, actor, { expectedRevision }),
    );
  }
}

const withoutBookkeeping = <T extends { _id?: unknown; _position?: unknown }>({
  _id: _i,
  _position: _p,
  ...view
}: T) => view;
