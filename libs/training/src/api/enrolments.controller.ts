import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  ApiListResponse,
  ApiPageResponse,
  ApiProblems,
  CommandEndpoint,
  commandResponse,
  CurrentActor,
  ExpectedRevisionHeader,
  ProblemException,
  Roles,
} from '@tadamon/nest-kit';
import { Page } from '@tadamon/read-store';
import type { FastifyReply } from 'fastify';
import { enrolmentOutcome } from '../application/enrolment-outcome';
import { TrainingCommands } from '../application/training-commands';
import { TRAINING_READ_MODELS, TrainingReadModels } from '../application/training-ports';
import {
  EnrolmentDoc,
  enrolmentsFilter,
  EnrolmentsQuery,
  TRAINING_ENROLMENTS,
  waitingPosition,
} from '../projections/enrolments';
import { SessionDoc, TRAINING_SESSIONS } from '../projections/sessions';
import { CancelEnrolmentDto, EnrolDto, EnrolmentsQueryDto } from './dto/sessions.dto';
import { EnrolmentResultDto } from './dto/enrolment-result.dto';
import { EnrolmentAccess } from './enrolment-access';
import { sessionListView } from './session-views';
import { commandActorOf } from './training-actors';

const MAX_TRAINED_LINES = 2000;

@ApiTags('training: enrolment')
@Controller('api/training')
export class EnrolmentsController {
  constructor(
    private readonly commands: TrainingCommands,
    private readonly access: EnrolmentAccess,
    @Inject(TRAINING_READ_MODELS) private readonly readModels: TrainingReadModels,
  ) {}

  @Post('sessions/:sessionId/enrolments')
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['trainee', 'association', 'officer'],
    summary:
      'Ask for a seat: answered confirmed, or waiting with the place on the waiting list. A trainee for themselves, an association for its contact persons, an officer for anyone',
    problems: [400, 401, 403, 404, 409, 412, 429],
    creates: true,
    result: EnrolmentResultDto,
  })
  async enrol(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @Body() body: EnrolDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const standing = await this.access.traineeFor(actor, body.traineeId);
    // An unknown session is the domain's answer (404 NOT_CREATED): the stream is read once, by the command.
    const { traineeId, associationId } = standing;
    const outcome = await this.commands.execute(
      'session',
      sessionId,
      {
        type: 'RequestEnrolment',
        data: {
          sessionId,
          traineeId,
          associationId,
          eligibility: {
            associationVerified: standing.associationVerified,
            contactOfAssociation: standing.contactActive,
          },
        },
      },
      commandActorOf(actor),
      { expectedRevision },
    );
    // A repeated request changed nothing: the answer is read from the session's state.
    const loaded = outcome.events.length === 0 ? await this.commands.load('session', sessionId) : undefined;
    const answer = enrolmentOutcome(traineeId, outcome.recorded, loaded?.state);
    if (!answer) throw new ProblemException('conflict', 'The enrolment was not recorded.');
    reply.header(
      'location',
      `/api/training/sessions/${encodeURIComponent(sessionId)}/enrolments/${encodeURIComponent(traineeId)}`,
    );
    return commandResponse(outcome, {
      traineeId,
      status: answer.status,
      ...(answer.status === 'waiting' ? { waitingPosition: answer.position } : {}),
    });
  }

  @Post('sessions/:sessionId/enrolments/:traineeId/cancel')
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['trainee', 'association', 'officer'],
    summary:
      'Cancel an enrolment: a confirmed seat freed goes to the first waiting. The trainee themselves, the association they were enrolled for, or an officer',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async cancel(
    @CurrentActor() actor: Actor,
    @Param('sessionId') sessionId: string,
    @Param('traineeId') traineeId: string,
    @Body() body: CancelEnrolmentDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return commandResponse(
      await this.commands.execute(
        'session',
        sessionId,
        {
          type: 'CancelEnrolment',
          data: { sessionId, traineeId, reason: body.reason, ...this.access.cancellingAssociation(actor) },
        },
        commandActorOf(actor),
        { expectedRevision },
      ),
    );
  }

  @Get('enrolments/mine')
  @ApiBearerAuth()
  @Roles('trainee')
  @ApiPageResponse('The trainee’s enrolments, latest request first')
  @ApiOperation({
    summary:
      'My enrolments: each session (with its URL when online and my seat is confirmed), my status and my place on the waiting list (trainee)',
  })
  @ApiProblems(400, 401, 403, 429)
  async mine(@CurrentActor() actor: Actor, @Query() query: EnrolmentsQueryDto) {
    const { id: traineeId } = commandActorOf(actor);
    return this.enrolmentsPage({ traineeId, status: query.status }, query, true);
  }

  @Get('associations/:associationId/enrolments')
  @ApiBearerAuth()
  @Roles('association', 'officer')
  @ApiPageResponse('The association’s people’s enrolments, latest request first')
  @ApiOperation({
    summary:
      'The enrolments of an association’s contact persons, with each session, status, waiting place and completion (the association itself, officer)',
  })
  @ApiProblems(400, 401, 403, 429)
  async ofAssociation(
    @CurrentActor() actor: Actor,
    @Param('associationId') associationId: string,
    @Query() query: EnrolmentsQueryDto,
  ) {
    this.access.requireAssociationOrOfficer(actor, associationId);
    return this.enrolmentsPage({ associationId, status: query.status }, query, false);
  }

  @Get('associations/:associationId/trained-managers')
  @ApiBearerAuth()
  @Roles('association', 'officer')
  @ApiListResponse('The association’s people who completed modules, with the modules')
  @ApiOperation({
    summary:
      'The association’s contact persons who completed modules, each with the modules and sessions completed: for the Registry’s matching (the association itself, officer)',
  })
  @ApiProblems(401, 403, 429)
  async trainedManagers(@CurrentActor() actor: Actor, @Param('associationId') associationId: string) {
    this.access.requireAssociationOrOfficer(actor, associationId);
    const completed = await this.readModels
      .collection<EnrolmentDoc>(TRAINING_ENROLMENTS)
      .find(enrolmentsFilter({ associationId, completed: true }), {
        sort: { traineeId: 1, _id: 1 },
        limit: MAX_TRAINED_LINES,
      });
    const sessions = await this.sessionsById(completed.map((e) => e.sessionId));
    const byTrainee = new Map<string, { moduleId: string; sessionId: string; endedAt: string }[]>();
    for (const e of completed) {
      const session = sessions.get(e.sessionId);
      if (!session) continue;
      const modules = byTrainee.get(e.traineeId) ?? [];
      modules.push({ moduleId: session.moduleId, sessionId: e.sessionId, endedAt: session.endsAt });
      byTrainee.set(e.traineeId, modules);
    }
    return [...byTrainee].map(([traineeId, modules]) => ({
      traineeId,
      moduleIds: [...new Set(modules.map((m) => m.moduleId))].sort(),
      completed: modules,
    }));
  }

  /** `ownSeats`: the lines are the caller's own, so a confirmed seat shows its online session's URL. */
  private async enrolmentsPage(
    filter: EnrolmentsQuery,
    query: EnrolmentsQueryDto,
    ownSeats: boolean,
  ): Promise<Page<unknown>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const enrolments = this.readModels.collection<EnrolmentDoc>(TRAINING_ENROLMENTS);
    const { items, total } = await enrolments.findPage(enrolmentsFilter(filter), {
      sort: { requestedAt: -1, _id: 1 },
      skip: (page - 1) * pageSize,
      limit: pageSize,
    });
    const sessions = await this.sessionsById(items.map((e) => e.sessionId));
    const lines = await Promise.all(
      items.map(async (e) => {
        const session = sessions.get(e.sessionId);
        return {
          sessionId: e.sessionId,
          traineeId: e.traineeId,
          associationId: e.associationId,
          status: e.status,
          waitingPosition: await waitingPosition(enrolments, e),
          requestedAt: e.requestedAt,
          confirmedAt: e.confirmedAt,
          cancelledAt: e.cancelledAt,
          completed: e.completed,
          attendancePercent: e.attendancePercent,
          session: session ? sessionListView(session, ownSeats && e.status === 'confirmed') : null,
        };
      }),
    );
    return { items: lines, total, page, pageSize };
  }

  private async sessionsById(ids: string[]): Promise<Map<string, SessionDoc>> {
    if (ids.length === 0) return new Map();
    const docs = await this.readModels
      .collection<SessionDoc>(TRAINING_SESSIONS)
      .find({ _id: { $in: [...new Set(ids)] } });
    return new Map(docs.map((d) => [d.sessionId, d]));
  }
}
