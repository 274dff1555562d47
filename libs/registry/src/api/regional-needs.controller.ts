import { CommandEndpoint } from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import { ApiPageResponse, ApiRecordResponse, plainJson, revisionedIfStored } from '@tadamon/nest-kit';
import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  ApiProblems,
  CurrentActor,
  ExpectedRevisionHeader,
  ProblemException,
  Public,
  revisioned,
  Roles,
} from '@tadamon/nest-kit';
import { GeoCode, SCHEME_2015 } from '@tadamon/reference-data';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { RegistryCommands } from '../application/registry-commands';
import { invalidField } from '../application/registry-problems';
import { REGISTRY_READ_MODELS, RegistryReadModels } from '../application/registry-ports';
import { ActorState } from '../domain/actor/actor';
import { matchAssociations, matchFunders } from '../domain/matching/matching';
import {
  PublishedNeed,
  RegionalNeedDetails,
  RegionalNeedCommand,
  RegionalNeedState,
  RegionalNeedStatus,
} from '../domain/regional-need/regional-need';
import { ACTOR_DIRECTORY, ActorDirectoryDoc } from '../projections/actor-directory';
import { ASSOCIATION_DIRECTORY, AssociationDirectoryDoc } from '../projections/association-directory';
import { directoryPage } from '../projections/association-directory-query';
import { REGIONAL_NEEDS, RegionalNeedDoc, regionalNeedsFilter } from '../projections/regional-needs';
import { assertActsFor, readsAll } from './access';
import { withoutInternals } from './read-model-view';
import { ReasonDto } from './dto/common.dto';
import { RegionalNeedsQueryDto } from './dto/directory-query.dto';
import { AddressedDto, MatchRegionalNeedDto, PublishRegionalNeedDto } from './dto/regional-need.dto';

const geo2015 = (code: string): GeoCode => ({ scheme: SCHEME_2015, code });

@ApiTags('registry: regional needs')
@ApiBearerAuth()
@Controller('api/registry/needs')
export class RegionalNeedsController {
  constructor(
    private readonly commands: RegistryCommands,
    @Inject(REGISTRY_READ_MODELS) private readonly readModels: RegistryReadModels,
  ) {}

  @Post()
  @CommandEndpoint({
    roles: ['partner', 'officer'],
    summary:
      'Publish a regional need. A partner (CRI or development agency) publishes as itself, for the regions it covers; an officer names the publisher.',
    problems: [400, 401, 403, 409, 412, 422, 429],
    creates: true,
  })
  async publish(
    @CurrentActor() actor: Actor,
    @Body() body: PublishRegionalNeedDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const officer = actor.roles.includes('officer');
    const publisherId = officer ? body.publisherId : actor.organisationId;
    if (!officer && body.publisherId !== undefined && body.publisherId !== publisherId)
      throw new ProblemException('forbidden', 'A partner publishes its own needs only.');
    if (!publisherId) throw invalidField('publisherId', 'is required when an officer publishes');
    const publisher = (await this.commands.load('actor', publisherId))?.state as ActorState | undefined;
    if (!publisher || publisher.status === 'none') throw invalidField('publisherId', 'no such organisation');
    if (publisher.status !== 'active')
      throw new ProblemException('forbidden', 'The publisher is not active.');
    const needId = body.needId ?? `need-${randomUUID()}`;
    const { needId: _n, publisherId: _p, ...details } = body;
    const outcome = await this.run(
      actor,
      needId,
      {
        type: 'PublishRegionalNeed',
        data: {
          ...(plainJson(details) as unknown as RegionalNeedDetails),
          needId,
          publisherId,
          publisherKind: publisher.kind,
          publisherRegions: publisher.regions,
        },
      },
      expectedRevision,
    );
    reply.header('location', `/api/registry/needs/${encodeURIComponent(needId)}`);
    return revisionedIfStored({ needId, ...outcome }, outcome.revision);
  }

  @Get()
  @ApiPageResponse('The needs of the catalogue')
  @Public()
  @ApiOperation({
    summary:
      'The catalogue of regional needs: open needs for everyone; every status for officers, auditors, admins, and for a publisher asking for its own (publisherId = its organisation)',
  })
  @ApiProblems(400, 429)
  async catalogue(@CurrentActor() actor: Actor | undefined, @Query() query: RegionalNeedsQueryDto) {
    const { page, pageSize } = directoryPage({ page: query.page, pageSize: query.pageSize });
    // A CRI or agency follows its own needs past "open" (matched, addressed, withdrawn).
    const ownNeeds = !!actor?.organisationId && query.publisherId === actor.organisationId;
    const privileged = readsAll(actor) || ownNeeds;
    const filter = regionalNeedsFilter({
      region: query.region,
      sector: query.sector,
      priority: query.priority as never,
      status: privileged ? (query.status as RegionalNeedStatus | undefined) : undefined,
      openOnly: !privileged,
    });
    if (query.publisherId) filter['publisherId'] = query.publisherId;
    return listPage(
      this.readModels.collection<RegionalNeedDoc>(REGIONAL_NEEDS),
      filter,
      { page, pageSize, sort: { publishedAt: -1, _id: 1 } },
      withoutInternals,
    );
  }

  @Get(':needId')
  @ApiRecordResponse('The need (ETag = revision)')
  @Public()
  @ApiOperation({
    summary:
      'One need, from its stream (ETag = revision): public while open; its publisher, officers, auditors see it always',
  })
  @ApiProblems(404, 429)
  async get(@CurrentActor() actor: Actor | undefined, @Param('needId') needId: string) {
    const { state, revision } = await this.need(needId);
    const visible = state.status === 'open' || readsAll(actor) || actor?.organisationId === state.publisherId;
    if (!visible) throw new ProblemException('not-found');
    return revisioned(state, revision);
  }

  @Get(':needId/matches')
  @ApiRecordResponse('The associations and funders ranked for the need, with reasons')
  @Roles('officer', 'auditor', 'admin', 'partner')
  @ApiOperation({
    summary:
      'Associations and funders ranked for a need, with the reasons for each score (ar/fr/en). Its publisher, officers, auditors.',
  })
  @ApiProblems(401, 403, 404, 429)
  async matches(@CurrentActor() actor: Actor, @Param('needId') needId: string) {
    const { state } = await this.need(needId);
    if (!readsAll(actor) && actor.organisationId !== state.publisherId)
      throw new ProblemException('not-found');
    const [associations, funders] = await Promise.all([
      this.readModels.collection<AssociationDirectoryDoc>(ASSOCIATION_DIRECTORY).find({ public: true }),
      this.readModels.collection<ActorDirectoryDoc>(ACTOR_DIRECTORY).find({ kind: 'funder', active: true }),
    ]);
    return {
      needId,
      associations: matchAssociations(
        state,
        associations.map((a) => ({
          associationId: a.associationId,
          originRegions: a.originRegions.map(geo2015),
          originProvinces: a.originProvinces.map(geo2015),
          sectors: a.sectors,
          // Partnerships and Training are not built yet: no track record is counted.
          completedProjects: 0,
          certifiedManagers: 0,
        })),
      ),
      funders: matchFunders(
        state,
        funders.map((f) => ({
          funderId: f.actorId,
          sectors: f.sectors,
          regions: f.regions.map(geo2015),
          budgetCapacity: null,
        })),
      ),
    };
  }

  @Post(':needId/match')
  @CommandEndpoint({
    roles: ['officer', 'partner'],
    summary: 'Record the associations and funders matched to a need (its publisher, officers)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async match(
    @CurrentActor() actor: Actor,
    @Param('needId') needId: string,
    @Body() body: MatchRegionalNeedDto,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    await this.publishedBy(actor, needId);
    // Only public (verified) associations can be matched, as only they are suggested: one that is
    // not public is answered as one that does not exist, so a match reveals nothing of it.
    await this.mustExist(
      'association',
      'associationIds',
      body.associationIds,
      'no such association',
      (status) => status === 'verified',
    );
    await this.mustExist('actor', 'funderIds', body.funderIds, 'no such organisation');
    return this.respond(
      actor,
      needId,
      { type: 'MatchRegionalNeed', data: { needId, ...plainJson(body) } },
      expected,
    );
  }

  @Post(':needId/addressed')
  @CommandEndpoint({
    roles: ['officer', 'partner'],
    summary: 'Mark a need addressed, with a note (its publisher, officers)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async addressed(
    @CurrentActor() actor: Actor,
    @Param('needId') needId: string,
    @Body() body: AddressedDto,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    await this.publishedBy(actor, needId);
    return this.respond(
      actor,
      needId,
      { type: 'MarkRegionalNeedAddressed', data: { needId, note: body.note } },
      expected,
    );
  }

  @Post(':needId/withdraw')
  @CommandEndpoint({
    roles: ['officer', 'partner'],
    summary: 'Withdraw a need, with the reason (its publisher, officers)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async withdraw(
    @CurrentActor() actor: Actor,
    @Param('needId') needId: string,
    @Body() body: ReasonDto,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    await this.publishedBy(actor, needId);
    return this.respond(
      actor,
      needId,
      { type: 'WithdrawRegionalNeed', data: { needId, reason: body.reason } },
      expected,
    );
  }

  private async need(needId: string): Promise<{ state: PublishedNeed; revision: number }> {
    const loaded = await this.commands.load('regionalNeed', needId);
    const state = loaded?.state as RegionalNeedState | undefined;
    if (!loaded || !state || state.status === 'none') throw new ProblemException('not-found');
    return { state, revision: loaded.revision };
  }

  /** A match names records that exist (and are in a status it may name): 400 on the first that is not. */
  private async mustExist(
    aggregate: 'association' | 'actor',
    field: string,
    ids: readonly string[],
    reason: string,
    named: (status: string) => boolean = (status) => status !== 'none',
  ): Promise<void> {
    for (const [index, id] of ids.entries()) {
      const state = (await this.commands.load(aggregate, id))?.state;
      if (!state || !named(state.status)) throw invalidField(`${field}[${index}]`, reason);
    }
  }

  /** Only its publisher (or an officer) acts on a need; others get 404, as for a need that does not exist. */
  private async publishedBy(actor: Actor, needId: string): Promise<void> {
    const { state } = await this.need(needId);
    assertActsFor(actor, state.publisherId);
  }

  private run(
    actor: Actor,
    needId: string,
    command: Pick<RegionalNeedCommand, 'type' | 'data'>,
    expectedRevision?: ExpectedRevision,
  ) {
    return this.commands.execute('regionalNeed', needId, command as never, actor, { expectedRevision });
  }

  private async respond(
    actor: Actor,
    needId: string,
    command: Pick<RegionalNeedCommand, 'type' | 'data'>,
    expectedRevision?: ExpectedRevision,
  ) {
    const outcome = await this.run(actor, needId, command, expectedRevision);
    return revisionedIfStored(outcome, outcome.revision);
  }
}
