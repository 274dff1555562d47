import { Body, Controller, Get, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  ProblemException,
  revisioned,
  Roles,
} from '@tadamon/nest-kit';
import { Filter, listPage } from '@tadamon/read-store';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { PartnershipsCommands } from '../application/partnerships-commands';
import { PARTNERSHIPS_READ_MODELS, PartnershipsReadModels } from '../application/partnerships-ports';
import { ValidationFailed } from '../domain/errors';
import { ProjectCommand } from '../domain/project/project-commands';
import { PARTNERSHIPS_PROJECTS, ProjectDoc, projectsFilter } from '../projections/projects';
import { projectPage } from '../projections/project-page';
import { PROJECT_PARTIES, PROJECT_READERS, readsAllProjects } from './project-access';
import { ProjectIatiChecks } from '../iati/project-iati-check';
import { ProjectCommandResultDto } from './dto/iati-validation.dto';
import { ProjectLoader } from './project-loader';
import {
  BackOfficeProjectsQueryDto,
  ExpenditureDto,
  OpenProjectDto,
  ProjectChangesDto,
  ProjectStatusDto,
  ProposeReplicationDto,
  ReachMilestoneDto,
  UnpublishDto,
} from './dto/project.dto';
import { KnownOrganisations } from './known-organisations.pipe';

const P = '/api/partnerships/projects';
type ProjectData<T extends ProjectCommand['type']> = Extract<ProjectCommand, { type: T }>['data'];

/** A page without the projection's bookkeeping. */
const pageView = (doc: ProjectDoc) => {
  const {
    _id: _i,
    _position: _p,
    ...page
  } = projectPage(doc) as ReturnType<typeof projectPage> & {
    _position?: unknown;
  };
  return page;
};

/** A line of the list: what a board shows, no facts lists. */
const listItem = (doc: ProjectDoc) => ({
  projectId: doc.projectId,
  carrierId: doc.carrierId,
  title: doc.title,
  status: doc.status,
  visibility: doc.visibility,
  agreementId: doc.agreementId,
  programmeId: doc.programmeId,
  replicationOf: doc.replicationOf,
  regionCodes: doc.regionCodes,
  provinceCodes: doc.provinceCodes,
  sectorCodes: doc.sectorCodes,
  partyIds: doc.partyIds,
  plannedStart: doc.plannedStart,
  plannedEnd: doc.plannedEnd,
  openedAt: doc.openedAt,
});

@ApiTags('partnerships: projects')
@ApiBearerAuth()
@Controller('api/partnerships/projects')
export class ProjectsController {
  constructor(
    private readonly commands: PartnershipsCommands,
    private readonly projects: ProjectLoader,
    private readonly iati: ProjectIatiChecks,
    @Inject(PARTNERSHIPS_READ_MODELS) private readonly readModels: PartnershipsReadModels,
  ) {}

  @Post()
  @CommandEndpoint({
    roles: ['officer'],
    result: ProjectCommandResultDto,
    summary:
      'Open a co-development project under an agreement and/or programme, or as the replica a finalised project proposed (replicationOf; else 400) (officer)',
    problems: [400, 401, 403, 409, 412, 429],
    creates: true,
  })
  async open(
    @CurrentActor() actor: Actor,
    @Body(KnownOrganisations) body: OpenProjectDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { projectId: given, ...details } = plainJson(body);
    const projectId = given ?? `project-${randomUUID()}`;
    if (body.replicationOf !== undefined) await this.checkProposedReplica(body.replicationOf, projectId);
    await this.checkReferences(body);
    const outcome = await this.commands.execute(
      'project',
      projectId,
      { type: 'OpenProject', data: { projectId, ...details } as never },
      actor,
      { expectedRevision },
    );
    reply.header('location', `${P}/${encodeURIComponent(projectId)}`);
    return commandResponse(outcome, { projectId, iati: await this.iati.check(projectId) });
  }

  @Get()
  @ApiPageResponse('The projects')
  @Roles(...PROJECT_READERS, ...PROJECT_PARTIES)
  @ApiOperation({
    summary:
      'Projects by region, province, sector, status, programme, agreement or carrier: officers, auditors and admins see all; an association or partner the projects its organisation carries or takes part in',
  })
  @ApiProblems(400, 401, 403, 429)
  async list(@CurrentActor() actor: Actor, @Query() query: BackOfficeProjectsQueryDto) {
    const filter: Filter = projectsFilter({
      regionCode: query.region,
      provinceCode: query.province,
      sectorCode: query.sector,
      status: query.status as never,
      programmeId: query.programme,
      agreementId: query.agreement,
    });
    if (query.carrier !== undefined) filter['carrierId'] = query.carrier;
    if (!readsAllProjects(actor)) {
      if (!actor.organisationId)
        throw new ProblemException('forbidden', 'This account acts for no organisation.');
      filter['partyIds'] = actor.organisationId;
    }
    return listPage(
      this.readModels.collection<ProjectDoc>(PARTNERSHIPS_PROJECTS),
      filter,
      { page: query.page, pageSize: query.pageSize, sort: { openedAt: -1, _id: 1 } },
      listItem,
    );
  }

  @Get(':projectId')
  @ApiRecordResponse('The project page (ETag = revision)')
  @Roles(...PROJECT_READERS, ...PROJECT_PARTIES)
  @ApiOperation({
    summary:
      'A project page: details, totals, milestones, money, documents, replicas, history (ETag = revision); an association or partner only for its own projects (else 404)',
  })
  @ApiProblems(401, 403, 404, 429)
  async page(@CurrentActor() actor: Actor, @Param('projectId') projectId: string) {
    const { revision } = await this.projects.seenBy(actor, projectId);
    const doc = await this.readModels.collection<ProjectDoc>(PARTNERSHIPS_PROJECTS).get(projectId);
    // The page follows the log a few milliseconds behind the stream.
    if (!doc) throw new ProblemException('not-found');
    return revisioned(pageView(doc), revision);
  }

  @Patch(':projectId')
  @Roles('officer')
  @ApiOperation({
    summary: 'Revise a project’s details (only the fields sent; If-Match: the revision read) (officer)',
  })
  @ApiOkResponse({ type: ProjectCommandResultDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 429)
  async revise(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Body(KnownOrganisations) body: ProjectChangesDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const changes = plainJson(body);
    if (Object.keys(changes).length === 0)
      throw domainValidationProblem([{ field: '', reason: 'must name at least one detail to revise' }]);
    await this.checkReferences(body);
    try {
      return await this.run(
        actor,
        projectId,
        'ReviseProject',
        { projectId, changes } as never,
        expectedRevision,
      );
    } catch (error) {
      // The domain names the command's fields (`changes.title`); the body has them at its top.
      if (error instanceof ValidationFailed && error.issues)
        throw domainValidationProblem(
          error.issues.map((i) => ({ field: i.field.replace(/^changes\./, ''), reason: i.reason })),
        );
      throw error;
    }
  }

  @Post(':projectId/status')
  @CommandEndpoint({
    roles: ['officer'],
    result: ProjectCommandResultDto,
    summary:
      'Change the IATI status (1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended) along the allowed transitions; cancelling or suspending says why (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  status(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Body() body: ProjectStatusDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(
      actor,
      projectId,
      'ChangeProjectStatus',
      { projectId, status: body.status as never, reason: body.reason ?? null },
      expectedRevision,
    );
  }

  @Post(':projectId/milestones/:milestoneId/reach')
  @CommandEndpoint({
    roles: ['officer'],
    result: ProjectCommandResultDto,
    summary:
      'Record that a milestone was reached on a day (not in the future), while the work goes on (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  reach(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Param('milestoneId') milestoneId: string,
    @Body() body: ReachMilestoneDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(
      actor,
      projectId,
      'ReachMilestone',
      { projectId, milestoneId, reachedOn: body.reachedOn },
      expectedRevision,
    );
  }

  @Post(':projectId/expenditures')
  @CommandEndpoint({
    roles: ['officer'],
    result: ProjectCommandResultDto,
    summary: 'Record an expenditure of the project (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  expenditure(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Body() body: ExpenditureDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const expenditureId = body.expenditureId ?? `expenditure-${randomUUID()}`;
    const { amount, on, description } = plainJson(body);
    return this.run(
      actor,
      projectId,
      'RecordExpenditure',
      { projectId, expenditureId, amount: amount as never, on, description },
      expectedRevision,
      { expenditureId },
    );
  }

  @Post(':projectId/publish')
  @CommandEndpoint({
    roles: ['officer'],
    result: ProjectCommandResultDto,
    summary:
      'Publish the project on the public portal, the map and IATI; it needs title, description, locations, sectors, budget and dates (else 409 PROJECT_INCOMPLETE) (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  publish(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(actor, projectId, 'PublishProject', { projectId }, expectedRevision);
  }

  @Post(':projectId/unpublish')
  @CommandEndpoint({
    roles: ['officer'],
    result: ProjectCommandResultDto,
    summary: 'Withdraw the project from the public portal, the map and IATI, saying why (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  unpublish(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Body() body: UnpublishDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(
      actor,
      projectId,
      'UnpublishProject',
      { projectId, reason: body.reason },
      expectedRevision,
    );
  }

  @Post(':projectId/replications')
  @CommandEndpoint({
    roles: ['officer'],
    result: ProjectCommandResultDto,
    summary:
      'Propose a finalised or closed project for replication in another region; the replica is then opened with replicationOf = this project (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  replicate(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Body() body: ProposeReplicationDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const replicaProjectId = body.replicaProjectId ?? `project-${randomUUID()}`;
    return this.run(
      actor,
      projectId,
      'ProposeReplication',
      { projectId, replicaProjectId, region: plainJson(body.region) as never },
      expectedRevision,
      { replicaProjectId },
    );
  }

  private async run<T extends ProjectCommand['type']>(
    actor: Actor,
    projectId: string,
    type: T,
    data: ProjectData<T>,
    expectedRevision: ExpectedRevision | undefined,
    extra: Record<string, unknown> = {},
  ) {
    await this.projects.open(projectId);
    const outcome = await this.commands.execute('project', projectId, { type, data } as never, actor, {
      expectedRevision,
    });
    return commandResponse(outcome, { ...extra, iati: await this.iati.check(projectId) });
  }

  /** The agreement and programme a project is placed under exist (their streams say so). */
  private async checkReferences(details: { agreementId?: string | null; programmeId?: string | null }) {
    const issues: { field: string; reason: string }[] = [];
    if (details.agreementId) {
      const agreement = await this.commands.load('agreement', details.agreementId);
      if (!agreement || agreement.state.status === 'none')
        issues.push({ field: 'agreementId', reason: 'must be an agreement of the ministry' });
    }
    if (details.programmeId) {
      const programme = await this.commands.load('programme', details.programmeId);
      if (!programme || programme.state.status === 'none')
        issues.push({ field: 'programmeId', reason: 'must be a programme of the ministry' });
    }
    if (issues.length > 0) throw domainValidationProblem(issues);
  }

  /** A replica is opened only once its original proposed it (the original's stream says so). */
  private async checkProposedReplica(originalId: string, replicaId: string): Promise<void> {
    const original = await this.commands.load('project', originalId);
    const proposed = original && original.state.status !== 'none' && original.state.replications[replicaId];
    if (!proposed)
      throw domainValidationProblem([
        { field: 'replicationOf', reason: `${originalId} has proposed no replica ${replicaId}` },
      ]);
  }
}
