import { Body, Controller, Get, Headers, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
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
  revisioned,
} from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { TrainingCommands } from '../application/training-commands';
import { TRAINING_READ_MODELS, TrainingReadModels } from '../application/training-ports';
import { ModuleDoc, modulesFilter, TRAINING_MODULES } from '../projections/catalogue';
import { notModified } from './not-modified';
import { CatalogueQueryDto, DefineModuleDto, ReviseModuleDto, RetireDto } from './dto/catalogue.dto';

export const MODULES_PATH = 'api/training/modules';

const moduleView = ({ _id: _i, _position: _p, ...doc }: ModuleDoc) => doc;

@ApiTags('training: catalogue')
@Controller(MODULES_PATH)
export class ModulesController {
  constructor(
    private readonly commands: TrainingCommands,
    @Inject(TRAINING_READ_MODELS) private readonly readModels: TrainingReadModels,
  ) {}

  @Post()
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Define a module of the catalogue: code, title, description, duration, competences, languages, theme (officer)',
    problems: [400, 401, 403, 409, 412, 429],
    creates: true,
  })
  async define(
    @CurrentActor() actor: Actor,
    @Body() body: DefineModuleDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { moduleId: given, ...details } = plainJson(body);
    const moduleId = given ?? `module-${randomUUID()}`;
    const outcome = await this.commands.execute(
      'module',
      moduleId,
      { type: 'DefineModule', data: { moduleId, ...details } as never },
      actor,
      { expectedRevision },
    );
    reply.header('location', `/${MODULES_PATH}/${encodeURIComponent(moduleId)}`);
    return commandResponse(outcome, { moduleId });
  }

  @Patch(':moduleId')
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Revise an active module: the details given, each whole (If-Match: the revision read) (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async revise(
    @CurrentActor() actor: Actor,
    @Param('moduleId') moduleId: string,
    @Body() body: ReviseModuleDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.existing(moduleId);
    const { changes } = plainJson(body);
    return commandResponse(
      await this.commands.execute(
        'module',
        moduleId,
        { type: 'ReviseModule', data: { moduleId, changes: changes as never } },
        actor,
        { expectedRevision, bodyAt: 'changes' },
      ),
    );
  }

  @Post(':moduleId/retire')
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Retire a module: no new session of it can be scheduled (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async retire(
    @CurrentActor() actor: Actor,
    @Param('moduleId') moduleId: string,
    @Body() body: RetireDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.existing(moduleId);
    return commandResponse(
      await this.commands.execute(
        'module',
        moduleId,
        { type: 'RetireModule', data: { moduleId, reason: body.reason } },
        actor,
        { expectedRevision },
      ),
    );
  }

  @Get()
  @Public()
  @ApiPageResponse('Modules of the catalogue, by code')
  @ApiOperation({ summary: 'The modules of the catalogue, by status or theme (public)' })
  @ApiProblems(400, 429)
  async list(@Query() query: CatalogueQueryDto) {
    return listPage(
      this.readModels.collection<ModuleDoc>(TRAINING_MODULES),
      modulesFilter(query),
      { page: query.page, pageSize: query.pageSize, sort: { code: 1, _id: 1 } },
      moduleView,
    );
  }

  @Get(':moduleId')
  @Public()
  @ApiRecordResponse('The module (ETag = revision)')
  @ApiOperation({ summary: 'A module of the catalogue; If-None-Match answers 304 (public)' })
  @ApiProblems(404, 429)
  async get(
    @Param('moduleId') moduleId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // From the stream, not the read model: the body and its ETag are of the same revision.
    const loaded = await this.commands.load('module', moduleId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    if (notModified(reply, ifNoneMatch, loaded.revision)) return undefined;
    return revisioned(loaded.state, loaded.revision);
  }

  private async existing(moduleId: string): Promise<void> {
    const loaded = await this.commands.load('module', moduleId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
  }
}
