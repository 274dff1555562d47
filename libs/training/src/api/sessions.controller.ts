import { Body, Controller, Get, Headers, Inject, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
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
  ProblemException,
  Public,
  revisioned,
} from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { TrainingCommandInput, TrainingCommands } from '../application/training-commands';
import { TRAINING_READ_MODELS, TrainingReadModels } from '../application/training-ports';
import { Session } from '../domain/session/session-state';
import { SessionDoc, sessionsFilter, TRAINING_SESSIONS } from '../projections/sessions';
import { CatalogueModules } from './catalogue-modules';
import {
  CancelSessionDto,
  RescheduleSessionDto,
  ScheduleSessionDto,
  SessionCapacityDto,
  SessionsQueryDto,
} from './dto/sessions.dto';
import { notModified } from './not-modified';
import { seesSessionUrl, sessionListView, sessionPageView } from './session-views';
import { commandActorOf } from './training-actors';
import { SESSIONS_PATH } from './training-paths';

const OFFICER_PROBLEMS = [400, 401, 403, 404, 409, 412, 429] as const;

@ApiTags('training: sessions')
@Controller(SESSIONS_PATH)
export class SessionsController {
  constructor(
    private readonly commands: TrainingCommands,
    private readonly modules: CatalogueModules,
    @Inject(TRAINING_READ_MODELS) private readonly readModels: TrainingReadModels,
  ) {}

  @Post()
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Schedule a session of an active module: language, time zone, place (in person or online), sittings, trainers, capacity, completion rule (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
    creates: true,
  })
  async schedule(
    @CurrentActor() actor: Actor,
    @Body() body: ScheduleSessionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { sessionId: given, ...plan } = plainJson(body);
    const sessionId = given ?? `session-${randomUUID()}`;
    await this.modules.requireActive('moduleId', plan.moduleId);
    const outcome = await this.commands.execute(
      'session',
      sessionId,
      { type: 'ScheduleSession', data: { sessionId, ...plan } as never },
      actor,
      { expectedRevision },
    );
    reply.header('location', `/${SESSIONS_PATH}/${encodeURIComponent(sessionId)}`);
    return commandResponse(outcome, { sessionId });
  }

  @Patch(':sessionId')
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Reschedule a session: language, time zone, place, sittings or trainers, each whole; sittings with marks cannot move (officer)',
    problems: [...OFFICER_PROBLEMS],
  })
  reschedule(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @Body() body: RescheduleSessionDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { changes, reason } = plainJson(body);
    return this.run(
      actor,
      sessionId,
      { type: 'RescheduleSession', data: { sessionId, changes: changes as never, reason } },
      {
        expectedRevision,
        bodyAt: 'changes',
      },
    );
  }

  @Put(':sessionId/capacity')
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Change the capacity: seats freed go to the first waiting, in order; never below the confirmed count (officer)',
    problems: [...OFFICER_PROBLEMS],
  })
  capacity(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @Body() body: SessionCapacityDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const data = { sessionId, capacity: body.capacity };
    return this.run(actor, sessionId, { type: 'ChangeSessionCapacity', data }, { expectedRevision });
  }

  @Post(':sessionId/enrolment/open')
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Open enrolment (officer)',
    problems: [...OFFICER_PROBLEMS],
  })
  openEnrolment(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(actor, sessionId, { type: 'OpenEnrolment', data: { sessionId } }, { expectedRevision });
  }

  @Post(':sessionId/enrolment/close')
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Close enrolment: seats and the waiting list stay (officer)',
    problems: [...OFFICER_PROBLEMS],
  })
  closeEnrolment(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(actor, sessionId, { type: 'CloseEnrolment', data: { sessionId } }, { expectedRevision });
  }

  @Post(':sessionId/cancel')
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Cancel a session before it is held, with a reason (officer)',
    problems: [...OFFICER_PROBLEMS],
  })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @Body() body: CancelSessionDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const data = { sessionId, reason: body.reason };
    return this.run(actor, sessionId, { type: 'CancelSession', data }, { expectedRevision });
  }

  @Get()
  @Public()
  @ApiPageResponse('Sessions, soonest first')
  @ApiOperation({
    summary:
      'The catalogue of sessions, by module, country, city, language, dates (from, to) and status, with seats free and the waiting count; an online session’s URL is never listed (public)',
  })
  @ApiProblems(400, 429)
  list(@Query() query: SessionsQueryDto) {
    return listPage(
      this.readModels.collection<SessionDoc>(TRAINING_SESSIONS),
      sessionsFilter(query),
      { page: query.page, pageSize: query.pageSize, sort: { startsAt: 1, _id: 1 } },
      (doc) => sessionListView(doc),
    );
  }

  @Get(':sessionId')
  @Public()
  @ApiRecordResponse('The session (ETag = revision)')
  @ApiOperation({
    summary:
      'A session: plan, status, seats free and waiting count; an online session’s URL only to its confirmed trainees, its trainers and officers; If-None-Match answers 304 (public)',
  })
  @ApiProblems(404, 429)
  async get(
    @CurrentActor() actor: Actor | undefined,
    @Param('sessionId') sessionId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { state, revision } = await this.existing(sessionId);
    if (notModified(reply, ifNoneMatch, revision)) return undefined;
    const showUrl = seesSessionUrl(actor, state, (p) => state.enrolments.get(p)?.status === 'confirmed');
    // The ETag names the revision; the URL shown depends on who asks, so caches keep them apart.
    reply.header('vary', 'authorization');
    return revisioned(sessionPageView(state, showUrl), revision);
  }

  private async existing(sessionId: string): Promise<{ state: Session; revision: number }> {
    const loaded = await this.commands.load('session', sessionId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    return { state: loaded.state, revision: loaded.revision };
  }

  private async run(
    actor: Actor,
    sessionId: string,
    command: TrainingCommandInput<'session'>,
    options: { expectedRevision?: ExpectedRevision; bodyAt?: string },
  ) {
    // An unknown session is the domain's answer (404 NOT_CREATED): the stream is read once, by the command.
    return commandResponse(
      await this.commands.execute('session', sessionId, command, commandActorOf(actor), options),
    );
  }
}
