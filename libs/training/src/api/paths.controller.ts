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
import { PathDoc, pathsFilter, TRAINING_PATHS } from '../projections/catalogue';
import { CatalogueModules } from './catalogue-modules';
import { notModified } from './not-modified';
import { CatalogueQueryDto, DefinePathDto, RevisePathDto, RetireDto } from './dto/catalogue.dto';

export const PATHS_PATH = 'api/training/paths';

const pathView = ({ _id: _i, _position: _p, ...doc }: PathDoc) => doc;

@ApiTags('training: catalogue')
@Controller(PATHS_PATH)
export class PathsController {
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
      'Define a path: a title and 2 to 20 modules of the catalogue in the order they are taken; unknown modules are refused (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
    creates: true,
  })
  async define(
    @CurrentActor() actor: Actor,
    @Body() body: DefinePathDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { pathId: given, ...details } = plainJson(body);
    const pathId = given ?? `path-${randomUUID()}`;
    await this.modules.requireKnown('moduleIds', details.moduleIds);
    const outcome = await this.commands.execute(
      'path',
      pathId,
      { type: 'DefinePath', data: { pathId, ...details } as never },
      actor,
      { expectedRevision },
    );
    reply.header('location', `/${PATHS_PATH}/${encodeURIComponent(pathId)}`);
    return commandResponse(outcome, { pathId });
  }

  @Patch(':pathId')
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Revise an active path: title or modules, each whole; unknown modules are refused (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async revise(
    @CurrentActor() actor: Actor,
    @Param('pathId') pathId: string,
    @Body() body: RevisePathDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.existing(pathId);
    const { changes } = plainJson(body);
    if (changes.moduleIds) await this.modules.requireKnown('changes.moduleIds', changes.moduleIds);
    return commandResponse(
      await this.commands.execute(
        'path',
        pathId,
        { type: 'RevisePath', data: { pathId, changes: changes as never } },
        actor,
        { expectedRevision, bodyAt: 'changes' },
      ),
    );
  }

  @Post(':pathId/retire')
  @ApiBearerAuth()
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Retire a path (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async retire(
    @CurrentActor() actor: Actor,
    @Param('pathId') pathId: string,
    @Body() body: RetireDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.existing(pathId);
    return commandResponse(
      await this.commands.execute(
        'path',
        pathId,
        { type: 'RetirePath', data: { pathId, reason: body.reason } },
        actor,
        { expectedRevision },
      ),
    );
  }

  @Get()
  @Public()
  @ApiPageResponse('Paths of the catalogue, oldest first')
  @ApiOperation({ summary: 'The paths of the catalogue, by status or by a module they contain (public)' })
  @ApiProblems(400, 429)
  async list(@Query() query: CatalogueQueryDto) {
    return listPage(
      this.readModels.collection<PathDoc>(TRAINING_PATHS),
      pathsFilter(query),
      { page: query.page, pageSize: query.pageSize, sort: { definedAt: 1, _id: 1 } },
      pathView,
    );
  }

  @Get(':pathId')
  @Public()
  @ApiRecordResponse('The path (ETag = revision)')
  @ApiOperation({
    summary: 'A path of the catalogue with its modules in order; If-None-Match answers 304 (public)',
  })
  @ApiProblems(404, 429)
  async get(
    @Param('pathId') pathId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // From the stream, not the read model: the body and its ETag are of the same revision.
    const loaded = await this.commands.load('path', pathId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    if (notModified(reply, ifNoneMatch, loaded.revision)) return undefined;
    return revisioned(loaded.state, loaded.revision);
  }

  private async existing(pathId: string): Promise<void> {
    const loaded = await this.commands.load('path', pathId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
  }
}
