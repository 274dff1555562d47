import { CommandEndpoint } from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import { ApiPageResponse, ApiRecordResponse, plainJson, revisionedIfStored } from '@tadamon/nest-kit';
import { Body, Controller, Delete, Get, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
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
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { RegistryCommands } from '../application/registry-commands';
import { invalidField } from '../application/registry-problems';
import { REGISTRY_READ_MODELS, RegistryReadModels } from '../application/registry-ports';
import { NetworkCommand, NetworkState } from '../domain/network/network';
import { directoryPage } from '../projections/association-directory-query';
import { NETWORKS, NetworkDoc, networksOfAssociationFilter } from '../projections/networks';
import { withoutInternals } from './read-model-view';
import { CreateNetworkDto, NetworkMemberDto, RenameNetworkDto } from './dto/actor.dto';
import { CommandResultDto } from './dto/common.dto';
import { NetworksQueryDto } from './dto/directory-query.dto';

@ApiTags('registry: networks')
@ApiBearerAuth()
@Controller('api/registry/networks')
export class NetworksController {
  constructor(
    private readonly commands: RegistryCommands,
    @Inject(REGISTRY_READ_MODELS) private readonly readModels: RegistryReadModels,
  ) {}

  @Post()
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Create a network or federation of associations (officer)',
    problems: [400, 401, 403, 409, 412, 422, 429],
    creates: true,
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateNetworkDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const networkId = body.networkId ?? `network-${randomUUID()}`;
    const outcome = await this.run(
      actor,
      networkId,
      { type: 'CreateNetwork', data: { ...plainJson(body), networkId } as never },
      expectedRevision,
    );
    reply.header('location', `/api/registry/networks/${encodeURIComponent(networkId)}`);
    return revisionedIfStored({ networkId, ...outcome }, outcome.revision);
  }

  @Get()
  @ApiPageResponse('The networks')
  @Public()
  @ApiOperation({ summary: 'Networks and federations (public); `associationId` lists those it belongs to' })
  @ApiProblems(400, 429)
  async list(@Query() query: NetworksQueryDto) {
    const { page, pageSize } = directoryPage({ page: query.page, pageSize: query.pageSize });
    const filter = query.associationId ? networksOfAssociationFilter(query.associationId) : {};
    return listPage(
      this.readModels.collection<NetworkDoc>(NETWORKS),
      filter,
      { page, pageSize, sort: { 'names.fr': 1, _id: 1 } },
      withoutInternals,
    );
  }

  @Get(':networkId')
  @ApiRecordResponse('The network with its members (ETag = revision)')
  @Public()
  @ApiOperation({ summary: 'One network with its members, from its stream (ETag = revision); public' })
  @ApiProblems(404, 429)
  async get(@Param('networkId') networkId: string) {
    const loaded = await this.commands.load('network', networkId);
    const state = loaded?.state as NetworkState | undefined;
    if (!loaded || !state || state.status === 'none') throw new ProblemException('not-found');
    return revisioned(state, loaded.revision);
  }

  @Patch(':networkId')
  @Roles('officer')
  @ApiOperation({ summary: 'Rename a network (officer). If-Match: the revision read.' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 429)
  async rename(
    @CurrentActor() actor: Actor,
    @Param('networkId') networkId: string,
    @Body() body: RenameNetworkDto,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    const outcome = await this.run(
      actor,
      networkId,
      { type: 'RenameNetwork', data: { networkId, names: plainJson(body.names) as never } },
      expected,
    );
    return revisionedIfStored(outcome, outcome.revision);
  }

  @Post(':networkId/members')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Add an association to a network (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async addMember(
    @CurrentActor() actor: Actor,
    @Param('networkId') networkId: string,
    @Body() body: NetworkMemberDto,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    if (!(await this.commands.load('association', body.associationId)))
      throw invalidField('associationId', 'no such association');
    const outcome = await this.run(
      actor,
      networkId,
      { type: 'AddNetworkMember', data: { networkId, associationId: body.associationId } },
      expected,
    );
    return revisionedIfStored(outcome, outcome.revision);
  }

  @Delete(':networkId/members/:associationId')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Remove an association from a network (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async removeMember(
    @CurrentActor() actor: Actor,
    @Param('networkId') networkId: string,
    @Param('associationId') associationId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    const outcome = await this.run(
      actor,
      networkId,
      { type: 'RemoveNetworkMember', data: { networkId, associationId } },
      expected,
    );
    return revisionedIfStored(outcome, outcome.revision);
  }

  private run(
    actor: Actor,
    networkId: string,
    command: Pick<NetworkCommand, 'type' | 'data'>,
    expectedRevision?: ExpectedRevision,
  ) {
    return this.commands.execute('network', networkId, command as never, actor, { expectedRevision });
  }
}
