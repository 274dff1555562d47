import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
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
  domainValidationProblem,
  EmptyBody,
  ExpectedRevisionHeader,
  plainJson,
  revisionedIfStored,
  Roles,
} from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import { randomUUID } from 'node:crypto';
import { PartnershipsCommands } from '../application/partnerships-commands';
import { PARTNERSHIPS_READ_MODELS, PartnershipsReadModels } from '../application/partnerships-ports';
import { OpenedProject } from '../domain/project/project-state';
import { ResultsCommand } from '../domain/results/results-commands';
import {
  IndicatorUpdateDoc,
  indicatorUpdatesFilter,
  PARTNERSHIPS_INDICATOR_UPDATES,
  PARTNERSHIPS_RESULTS,
  ResultsDoc,
} from '../projections/results';
import { resultsView } from '../projections/results-view';
import {
  DefineIndicatorDto,
  DefineResultDto,
  IndicatorUpdatesQueryDto,
  ReturnUpdateDto,
  ReviseTargetsDto,
  SubmitUpdateDto,
} from './dto/results.dto';
import { assertOfficerOrCarrier, PROJECT_PARTIES, PROJECT_READERS } from './project-access';
import { ProjectLoader } from './project-loader';

type ResultsData<T extends ResultsCommand['type']> = Extract<ResultsCommand, { type: T }>['data'];

/** The project's planned dates: targets lie inside them. */
const periodOf = (project: OpenedProject) =>
  project.details.plannedStart && project.details.plannedEnd
    ? { start: project.details.plannedStart, end: project.details.plannedEnd }
    : null;

const withoutInternals = <T extends object>({
  _id: _i,
  _position: _p,
  ...rest
}: T & { _id?: unknown; _position?: unknown }) => rest;

/**
 * A project's results framework (one stream per project, beside the project's): results and
 * indicators defined by officers, targets revised by an officer or the carrying association,
 * updates entered by either and approved or returned by another officer (four eyes).
 */
@ApiTags('partnerships: results')
@ApiBearerAuth()
@Controller('api/partnerships')
export class ResultsController {
  constructor(
    private readonly commands: PartnershipsCommands,
    private readonly projects: ProjectLoader,
    @Inject(PARTNERSHIPS_READ_MODELS) private readonly readModels: PartnershipsReadModels,
  ) {}

  @Get('projects/:projectId/results')
  @ApiRecordResponse(
    '{ projectId, results }: each result with its indicators, progress against targets and updates (ETag = the framework’s revision)',
  )
  @Roles(...PROJECT_READERS, ...PROJECT_PARTIES)
  @ApiOperation({
    summary:
      'The project’s results framework: outcomes then outputs, each indicator with its progress per target period (approved updates only) and its updates (whoever may see the project)',
  })
  @ApiProblems(401, 403, 404, 429)
  async results(@CurrentActor() actor: Actor, @Param('projectId') projectId: string) {
    await this.projects.seenBy(actor, projectId);
    const loaded = await this.commands.load('projectResults', projectId);
    const doc = await this.readModels.collection<ResultsDoc>(PARTNERSHIPS_RESULTS).get(projectId);
    return revisionedIfStored(
      { projectId, results: doc ? resultsView(doc) : [] },
      loaded && loaded.state.status !== 'none' ? loaded.revision : -1,
    );
  }

  @Post('projects/:projectId/results')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Define a result of the project (an outcome or an output) (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async defineResult(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Body() body: DefineResultDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.projects.open(projectId);
    const { resultId, level, title, description } = plainJson(body);
    return this.run(
      actor,
      projectId,
      'DefineResult',
      { projectId, resultId, level: level as never, title, description: description ?? null },
      expectedRevision,
    );
  }

  @Post('projects/:projectId/results/indicators')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Define an indicator of a result: measure, baseline and targets per period inside the project’s planned dates (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async defineIndicator(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Body() body: DefineIndicatorDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { state } = await this.projects.open(projectId);
    const indicator = plainJson(body);
    return this.run(
      actor,
      projectId,
      'DefineIndicator',
      { projectId, ...indicator, unit: indicator.unit ?? null, projectPeriod: periodOf(state) } as never,
      expectedRevision,
    );
  }

  @Post('projects/:projectId/results/indicators/:indicatorId/targets')
  @CommandEndpoint({
    roles: ['officer', 'association'],
    summary:
      'Revise an indicator’s targets; periods that updates report on stay (409 TARGET_PERIOD_IN_USE) (an officer or the carrying association)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async reviseTargets(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Param('indicatorId') indicatorId: string,
    @Body() body: ReviseTargetsDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { state } = await this.projects.open(projectId);
    assertOfficerOrCarrier(actor, state);
    return this.run(
      actor,
      projectId,
      'ReviseIndicatorTargets',
      { projectId, indicatorId, targets: plainJson(body).targets, projectPeriod: periodOf(state) },
      expectedRevision,
    );
  }

  @Post('projects/:projectId/results/updates')
  @CommandEndpoint({
    roles: ['officer', 'association'],
    summary:
      'Submit an indicator update for a begun target period, with evidence (documents attached to the project, by SHA-256); another officer approves or returns it (an officer or the carrying association)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Body() body: SubmitUpdateDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { state } = await this.projects.open(projectId);
    assertOfficerOrCarrier(actor, state);
    const { updateId: given, ...update } = plainJson(body);
    const unknown = update.evidence.filter((e) => !Object.hasOwn(state.documents, e.sha256));
    if (unknown.length > 0)
      throw domainValidationProblem(
        update.evidence.flatMap((e, i) =>
          unknown.includes(e)
            ? [{ field: `evidence[${i}].sha256`, reason: 'must be a document attached to the project' }]
            : [],
        ),
      );
    const updateId = given ?? `update-${randomUUID()}`;
    return this.run(
      actor,
      projectId,
      'SubmitIndicatorUpdate',
      { projectId, updateId, ...update, comment: update.comment ?? null },
      expectedRevision,
      { updateId },
    );
  }

  @Post('projects/:projectId/results/updates/:updateId/approve')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Approve a pending indicator update: it then counts in the progress. Never by the one who entered it (403 FOUR_EYES_REQUIRED). If-Match: the framework’s revision (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async approve(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Param('updateId') updateId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.projects.open(projectId);
    return this.run(actor, projectId, 'ApproveIndicatorUpdate', { projectId, updateId }, expectedRevision);
  }

  @Post('projects/:projectId/results/updates/:updateId/return')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Return a pending indicator update with what to correct. Never by the one who entered it (403 FOUR_EYES_REQUIRED) (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async return(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Param('updateId') updateId: string,
    @Body() body: ReturnUpdateDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.projects.open(projectId);
    return this.run(
      actor,
      projectId,
      'ReturnIndicatorUpdate',
      { projectId, updateId, reason: body.reason },
      expectedRevision,
    );
  }

  @Get('indicator-updates')
  @ApiPageResponse('Indicator updates, oldest first')
  @Roles(...PROJECT_READERS)
  @ApiOperation({
    summary:
      'The queue of indicator updates across projects (default: pending); decidable=true leaves out the caller’s own (four eyes) (officers, auditors, admins)',
  })
  @ApiProblems(400, 401, 403, 429)
  queue(@CurrentActor() actor: Actor, @Query() query: IndicatorUpdatesQueryDto) {
    return listPage(
      this.readModels.collection<IndicatorUpdateDoc>(PARTNERSHIPS_INDICATOR_UPDATES),
      indicatorUpdatesFilter({
        status: (query.status ?? 'pending') as never,
        projectId: query.projectId,
        decidableBy: query.decidable === 'true' ? actor.id : undefined,
      }),
      { page: query.page, pageSize: query.pageSize, sort: { submittedAt: 1, _id: 1 } },
      withoutInternals,
    );
  }

  private async run<T extends ResultsCommand['type']>(
    actor: Actor,
    projectId: string,
    type: T,
    data: ResultsData<T>,
    expectedRevision: ExpectedRevision | undefined,
    extra: Record<string, unknown> = {},
  ) {
    const outcome = await this.commands.execute('projectResults', projectId, { type, data } as never, actor, {
      expectedRevision,
    });
    return commandResponse(outcome, extra);
  }
}
