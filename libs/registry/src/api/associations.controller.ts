import { CommandEndpoint } from '@tadamon/nest-kit';
import { ApiPageResponse, ApiRecordResponse, plainJson, revisionedIfStored } from '@tadamon/nest-kit';
import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ApiProblems,
  CurrentActor,
  EmptyBody,
  ExpectedRevisionHeader,
  ProblemException,
  Public,
  revisioned,
  Revisioned,
  Roles,
} from '@tadamon/nest-kit';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import {
  AssociationCommand,
  AssociationState,
  RegisteredAssociation,
} from '../domain/association/association';
import { queryAssociationDirectory, DirectorySort } from '../projections/association-directory-query';
import { AssociationStatus } from '../domain/association/association';
import { CommandOutcome, RegistryCommands } from '../application/registry-commands';
import { invalidField } from '../application/registry-problems';
import { REGISTRY_READ_MODELS, RegistryReadModels } from '../application/registry-ports';
import { assertActsFor, readsAll } from './access';
import {
  AssociationProfileChangesDto,
  FlagDuplicateDto,
  MergeAssociationDto,
  RegisterAssociationDto,
} from './dto/association.dto';
import { CommandResultDto, ReasonDto } from './dto/common.dto';
import { AssociationDirectoryQueryDto } from './dto/directory-query.dto';
import { pageView } from './read-model-view';

/** What anyone may read of a verified association: no legal registration, no duplicate suspicions. */
const publicView = (state: RegisteredAssociation) => {
  const { legalRegistration: _hidden, ...profile } = state.profile;
  return { associationId: state.associationId, status: state.status, profile };
};

const fullView = (state: RegisteredAssociation) => ({
  associationId: state.associationId,
  status: state.status,
  profile: state.profile,
  suspectedDuplicates: state.suspectedDuplicates,
  survivorId: state.survivorId,
});

@ApiTags('registry: associations')
@ApiBearerAuth()
@Controller('api/registry/associations')
export class AssociationsController {
  constructor(
    private readonly commands: RegistryCommands,
    @Inject(REGISTRY_READ_MODELS) private readonly readModels: RegistryReadModels,
  ) {}

  @Post()
  @CommandEndpoint({
    roles: ['officer', 'association'],
    summary:
      'Register an association (status submitted). An association account registers its own organisation.',
    problems: [400, 401, 403, 404, 409, 412, 422, 429],
    creates: true,
  })
  async register(
    @CurrentActor() actor: Actor,
    @Body() body: RegisterAssociationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const own = actor.roles.includes('officer') ? undefined : actor.organisationId;
    if (!actor.roles.includes('officer') && (!own || (body.associationId ?? own) !== own))
      throw new ProblemException('forbidden', 'An association account registers its own organisation only.');
    const associationId = body.associationId ?? own ?? `assoc-${randomUUID()}`;
    const outcome = await this.association(
      actor,
      associationId,
      { type: 'RegisterAssociation', data: { associationId, profile: plainJson(body.profile) as never } },
      expectedRevision,
    );
    reply.header('location', `/api/registry/associations/${encodeURIComponent(associationId)}`);
    return revisionedIfStored({ associationId, ...outcome }, outcome.revision);
  }

  @Get()
  @ApiPageResponse('The associations of the directory')
  @Public()
  @ApiOperation({
    summary:
      'The association directory: filters, free text, sort, pages. The public (and associations, partners) see verified associations; officers, auditors and admins every status.',
  })
  @ApiProblems(400, 429)
  async directory(@CurrentActor() actor: Actor | undefined, @Query() query: AssociationDirectoryQueryDto) {
    const privileged = readsAll(actor);
    const found = await queryAssociationDirectory(this.readModels, {
      ...query,
      status: privileged ? (query.status as AssociationStatus | undefined) : undefined,
      publicOnly: !privileged,
      sort: query.sort as DirectorySort | undefined,
    });
    return pageView(found);
  }

  @Get(':associationId')
  @ApiRecordResponse('The association (ETag = revision)')
  @Public()
  @ApiOperation({
    summary:
      'One association, from its stream (ETag = revision). Public fields of a verified association for everyone; the whole record for its own account, officers, auditors and admins.',
  })
  @ApiProblems(404, 429)
  async get(
    @CurrentActor() actor: Actor | undefined,
    @Param('associationId') associationId: string,
  ): Promise<Revisioned<unknown>> {
    const loaded = await this.commands.load('association', associationId);
    const state = loaded?.state as AssociationState | undefined;
    if (!loaded || !state || state.status === 'none') throw new ProblemException('not-found');
    const whole =
      readsAll(actor) || (actor?.organisationId !== undefined && actor.organisationId === associationId);
    if (whole) return revisioned(fullView(state), loaded.revision);
    if (state.status !== 'verified') throw new ProblemException('not-found');
    return revisioned(publicView(state), loaded.revision);
  }

  @Patch(':associationId/profile')
  @Roles('officer', 'association')
  @ApiOperation({
    summary:
      'Change profile fields (only those sent). An association changes its own profile only. If-Match: the revision read.',
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 429)
  async changeProfile(
    @CurrentActor() actor: Actor,
    @Param('associationId') associationId: string,
    @Body() body: AssociationProfileChangesDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    assertActsFor(actor, associationId);
    return this.respond(
      actor,
      associationId,
      { type: 'ChangeAssociationProfile', data: { associationId, changes: plainJson(body) as never } },
      expectedRevision,
      'changes',
    );
  }

  @Post(':associationId/verify')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Verify a submitted association: it becomes public (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  verify(
    @CurrentActor() actor: Actor,
    @Param('associationId') associationId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    return this.respond(
      actor,
      associationId,
      { type: 'VerifyAssociation', data: { associationId } },
      expected,
    );
  }

  @Post(':associationId/reject')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Reject a submitted association, with the reason (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  reject(
    @CurrentActor() actor: Actor,
    @Param('associationId') associationId: string,
    @Body() body: ReasonDto,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    return this.respond(
      actor,
      associationId,
      { type: 'RejectAssociation', data: { associationId, reason: body.reason } },
      expected,
    );
  }

  @Post(':associationId/suspend')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Suspend a verified association, with the reason (officer); funding flags its open applications',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  suspend(
    @CurrentActor() actor: Actor,
    @Param('associationId') associationId: string,
    @Body() body: ReasonDto,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    return this.respond(
      actor,
      associationId,
      { type: 'SuspendAssociation', data: { associationId, reason: body.reason } },
      expected,
    );
  }

  @Post(':associationId/reinstate')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Reinstate a suspended association (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  reinstate(
    @CurrentActor() actor: Actor,
    @Param('associationId') associationId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    return this.respond(
      actor,
      associationId,
      { type: 'ReinstateAssociation', data: { associationId } },
      expected,
    );
  }

  @Post(':associationId/dissolve')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Record the dissolution of an association, with the reason (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  dissolve(
    @CurrentActor() actor: Actor,
    @Param('associationId') associationId: string,
    @Body() body: ReasonDto,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    return this.respond(
      actor,
      associationId,
      { type: 'DissolveAssociation', data: { associationId, reason: body.reason } },
      expected,
    );
  }

  @Post(':associationId/suspected-duplicates')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Flag another association as a suspected duplicate of this one (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async flagDuplicate(
    @CurrentActor() actor: Actor,
    @Param('associationId') associationId: string,
    @Body() body: FlagDuplicateDto,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    await this.mustExist(body.otherAssociationId, '/otherAssociationId');
    return this.respond(
      actor,
      associationId,
      { type: 'FlagSuspectedDuplicate', data: { associationId, ...plainJson(body) } },
      expected,
    );
  }

  @Post(':associationId/merge')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Merge this association into its survivor: an explicit, final event (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async merge(
    @CurrentActor() actor: Actor,
    @Param('associationId') associationId: string,
    @Body() body: MergeAssociationDto,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    const survivor = await this.mustExist(body.survivorId, '/survivorId');
    if (['merged', 'dissolved', 'rejected'].includes(survivor.status))
      throw invalidField('survivorId', `is ${survivor.status}: an association is merged into a living one`);
    return this.respond(
      actor,
      associationId,
      { type: 'MergeAssociationInto', data: { associationId, survivorId: body.survivorId } },
      expected,
    );
  }

  private async mustExist(associationId: string, pointer: string): Promise<{ status: string }> {
    const loaded = await this.commands.load('association', associationId);
    if (!loaded)
      throw new ProblemException('validation', 'The association named does not exist.', {
        errors: [{ pointer, detail: 'no such association' }],
      });
    return loaded.state;
  }

  private association(
    actor: Actor,
    associationId: string,
    command: Pick<AssociationCommand, 'type' | 'data'>,
    expectedRevision?: ExpectedRevision,
    bodyAt?: string,
  ): Promise<CommandOutcome> {
    return this.commands.execute('association', associationId, command as never, actor, {
      expectedRevision,
      bodyAt,
    });
  }

  private async respond(
    actor: Actor,
    associationId: string,
    command: Pick<AssociationCommand, 'type' | 'data'>,
    expectedRevision?: ExpectedRevision,
    /** The member of the command's data the body is (see ExecuteOptions.bodyAt). */
    bodyAt?: string,
  ) {
    const outcome = await this.association(actor, associationId, command, expectedRevision, bodyAt);
    return revisionedIfStored(outcome, outcome.revision);
  }
}
