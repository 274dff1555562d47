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
  Public,
} from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { PartnershipsCommands } from '../application/partnerships-commands';
import { PARTNERSHIPS_READ_MODELS, PartnershipsReadModels } from '../application/partnerships-ports';
import { PARTNERSHIPS_PROGRAMMES, ProgrammeDoc, programmesFilter } from '../projections/programmes';
import { PARTNERSHIPS_PROJECTS, ProjectDoc, projectsFilter } from '../projections/projects';
import {
  CloseProgrammeDto,
  DefineProgrammeDto,
  ProgrammesQueryDto,
  ReviseProgrammeDto,
} from './dto/programme.dto';
import {
  FUNDING_ENVELOPES_OF_PROGRAMMES,
  programmeEnvelopeView,
  ProgrammeEnvelopeDoc,
  publicProgrammeView,
} from './programme-views';
import { KnownOrganisations } from './known-organisations.pipe';

export const PROGRAMMES_PATH = 'api/partnerships/programmes';
const MAX_PAGE_LINES = 200;

@ApiTags('partnerships: programmes')
@Controller(PROGRAMMES_PATH)
export class ProgrammesController {
  constructor(
    private readonly commands: PartnershipsCommands,
    @Inject(PARTNERSHIPS_READ_MODELS) private readonly readModels: PartnershipsReadModels,
  ) {}

  @Post()
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Define a programme: a framework with an external partner (name, description, partner, funders, budget per currency, period) (officer)',
    problems: [400, 401, 403, 409, 412, 429],
    creates: true,
  })
  async define(
    @CurrentActor() actor: Actor,
    @Body(KnownOrganisations) body: DefineProgrammeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { programmeId: given, ...details } = plainJson(body);
    const programmeId = given ?? `programme-${randomUUID()}`;
    const outcome = await this.commands.execute(
      'programme',
      programmeId,
      { type: 'DefineProgramme', data: { programmeId, ...details } as never },
      actor,
      { expectedRevision },
    );
    reply.header('location', `/${PROGRAMMES_PATH}/${encodeURIComponent(programmeId)}`);
    return commandResponse(outcome, { programmeId });
  }

  @Post(':programmeId/revise')
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Revise an active programme: the details given, each whole (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async revise(
    @CurrentActor() actor: Actor,
    @Param('programmeId') programmeId: string,
    @Body(KnownOrganisations) body: ReviseProgrammeDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.existing(programmeId);
    const { changes } = plainJson(body);
    return commandResponse(
      await this.commands.execute(
        'programme',
        programmeId,
        { type: 'ReviseProgramme', data: { programmeId, changes: changes as never } },
        actor,
        { expectedRevision },
      ),
    );
  }

  @Post(':programmeId/close')
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Close a programme, with an optional reason (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async close(
    @CurrentActor() actor: Actor,
    @Param('programmeId') programmeId: string,
    @Body() body: CloseProgrammeDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.existing(programmeId);
    return commandResponse(
      await this.commands.execute(
        'programme',
        programmeId,
        { type: 'CloseProgramme', data: { programmeId, reason: body.reason } },
        actor,
        { expectedRevision },
      ),
    );
  }

  @Get()
  @Public()
  @ApiPageResponse('Programmes, oldest first')
  @ApiOperation({ summary: 'Programmes, by status or by the actor partnering or funding them (public)' })
  @ApiProblems(400, 429)
  async list(@Query() query: ProgrammesQueryDto) {
    return listPage(
      this.readModels.collection<ProgrammeDoc>(PARTNERSHIPS_PROGRAMMES),
      programmesFilter(query),
      { page: query.page, pageSize: query.pageSize, sort: { definedAt: 1, _id: 1 } },
      publicProgrammeView,
    );
  }

  @Get(':programmeId')
  @Public()
  @ApiRecordResponse('The programme with its published projects and the budget envelopes opened under it')
  @ApiOperation({
    summary:
      'A programme’s page: its details, its published projects and the Funding budget envelopes that name it (public)',
  })
  @ApiProblems(404, 429)
  async page(@Param('programmeId') programmeId: string) {
    const doc = await this.readModels.collection<ProgrammeDoc>(PARTNERSHIPS_PROGRAMMES).get(programmeId);
    if (!doc) throw new ProblemException('not-found');
    const [projects, envelopes] = await Promise.all([
      this.readModels
        .collection<ProjectDoc>(PARTNERSHIPS_PROJECTS)
        .find(projectsFilter({ programmeId, publicOnly: true }), {
          sort: { openedAt: 1, _id: 1 },
          limit: MAX_PAGE_LINES,
        }),
      this.readModels
        .collection<ProgrammeEnvelopeDoc>(FUNDING_ENVELOPES_OF_PROGRAMMES)
        .find({ programmeId }, { sort: { openedAt: 1, _id: 1 }, limit: MAX_PAGE_LINES }),
    ]);
    return {
      ...publicProgrammeView(doc),
      projects: projects.map((p) => ({
        projectId: p.projectId,
        title: p.title,
        status: p.status,
        carrierId: p.carrierId,
        regionCodes: p.regionCodes,
        sectorCodes: p.sectorCodes,
        plannedStart: p.plannedStart,
        plannedEnd: p.plannedEnd,
      })),
      envelopes: envelopes.map(programmeEnvelopeView),
    };
  }

  private async existing(programmeId: string): Promise<void> {
    const loaded = await this.commands.load('programme', programmeId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
  }
}
