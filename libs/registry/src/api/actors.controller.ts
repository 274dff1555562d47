import { CommandEndpoint } from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import { ApiPageResponse, ApiRecordResponse, plainJson, revisionedIfStored } from '@tadamon/nest-kit';
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
  Roles,
} from '@tadamon/nest-kit';
import { Filter } from '@tadamon/read-store';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { RegistryCommands } from '../application/registry-commands';
import { REGISTRY_READ_MODELS, RegistryReadModels } from '../application/registry-ports';
import { ActorCommand, ActorState } from '../domain/actor/actor';
import { ACTOR_DIRECTORY, ActorDirectoryDoc } from '../projections/actor-directory';
import { directoryPage } from '../projections/association-directory-query';
import { textCondition } from '../projections/search-text';
import { assertActsFor } from './access';
import { withoutInternals } from './read-model-view';
import { ActorChangesDto, RegisterActorDto } from './dto/actor.dto';
import { CommandResultDto } from './dto/common.dto';
import { ActorDirectoryQueryDto } from './dto/directory-query.dto';

@ApiTags('registry: actors')
@ApiBearerAuth()
@Controller('api/registry/actors')
export class ActorsController {
  constructor(
    private readonly commands: RegistryCommands,
    @Inject(REGISTRY_READ_MODELS) private readonly readModels: RegistryReadModels,
  ) {}

  @Post()
  @CommandEndpoint({
    roles: ['officer', 'admin'],
    summary:
      'Register an organisation other than an association: CRI, agency, council, funder (officer, admin)',
    problems: [400, 401, 403, 409, 412, 422, 429],
    creates: true,
  })
  async register(
    @CurrentActor() actor: Actor,
    @Body() body: RegisterActorDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const actorId = body.actorId ?? `actor-${randomUUID()}`;
    const outcome = await this.run(
      actor,
      actorId,
      { type: 'RegisterActor', data: { ...plainJson(body), actorId } as never },
      expectedRevision,
    );
    reply.header('location', `/api/registry/actors/${encodeURIComponent(actorId)}`);
    return revisionedIfStored({ actorId, ...outcome }, outcome.revision);
  }

  @Get()
  @ApiPageResponse('The organisations of the directory')
  @Public()
  @ApiOperation({ summary: 'The actor directory (public): filter by kind, region, name' })
  @ApiProblems(400, 429)
  async directory(@Query() query: ActorDirectoryQueryDto) {
    const { page, pageSize } = directoryPage({
      page: query.page,
      pageSize: query.pageSize,
      text: query.text,
    });
    const filter: Filter = {};
    if (query.kind) filter['kind'] = query.kind;
    if (query.region) filter['regions'] = query.region;
    const text = query.text === undefined ? undefined : textCondition(query.text);
    if (text) filter['search.names'] = text;
    return listPage(
      this.readModels.collection<ActorDirectoryDoc>(ACTOR_DIRECTORY),
      filter,
      { page, pageSize, sort: { 'names.fr': 1, _id: 1 }, projection: { search: 0 } },
      withoutInternals,
    );
  }

  @Get(':actorId')
  @ApiRecordResponse('The organisation (ETag = revision)')
  @Public()
  @ApiOperation({ summary: 'One organisation, from its stream (ETag = revision); public' })
  @ApiProblems(404, 429)
  async get(@Param('actorId') actorId: string) {
    const loaded = await this.commands.load('actor', actorId);
    const state = loaded?.state as ActorState | undefined;
    if (!loaded || !state || state.status === 'none') throw new ProblemException('not-found');
    return revisioned(state, loaded.revision);
  }

  @Patch(':actorId')
  @Roles('officer', 'admin', 'partner')
  @ApiOperation({
    summary:
      'Change names, regions or sectors. A partner changes its own organisation only, and not its regions. If-Match: the revision read.',
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 429)
  async update(
    @CurrentActor() actor: Actor,
    @Param('actorId') actorId: string,
    @Body() body: ActorChangesDto,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    assertActsFor(actor, actorId);
    // The regions covered decide where a CRI or agency may publish needs: not its own to widen.
    if (body.regions !== undefined && !actor.roles.some((role) => role === 'officer' || role === 'admin'))
      throw new ProblemException('forbidden', 'Only an officer or an admin changes the regions covered.');
    const outcome = await this.run(
      actor,
      actorId,
      { type: 'UpdateActor', data: { ...plainJson(body), actorId } as never },
      expected,
    );
    return revisionedIfStored(outcome, outcome.revision);
  }

  @Post(':actorId/deactivate')
  @CommandEndpoint({
    roles: ['officer', 'admin'],
    summary: 'Deactivate an organisation (officer, admin)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async deactivate(
    @CurrentActor() actor: Actor,
    @Param('actorId') actorId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    const outcome = await this.run(actor, actorId, { type: 'DeactivateActor', data: { actorId } }, expected);
    return revisionedIfStored(outcome, outcome.revision);
  }

  private run(
    actor: Actor,
    actorId: string,
    command: Pick<ActorCommand, 'type' | 'data'>,
    expectedRevision?: ExpectedRevision,
  ) {
    return this.commands.execute('actor', actorId, command as never, actor, { expectedRevision });
  }
}
