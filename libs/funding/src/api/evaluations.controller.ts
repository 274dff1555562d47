import { commandResponse } from '@tadamon/nest-kit';
import { CommandEndpoint } from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import { ApiPageResponse, ApiRecordResponse, plainJson } from '@tadamon/nest-kit';
import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  ApiProblems,
  CurrentActor,
  EmptyBody,
  ExpectedRevisionHeader,
  ProblemException,
  revisioned,
  Revisioned,
  Roles,
} from '@tadamon/nest-kit';
import { ApplicantFacts } from '../application/applicant-facts';
import { FundingCommands, Loaded } from '../application/funding-commands';
import { FUNDING_READ_MODELS, FundingReadModels } from '../application/funding-ports';
import { GrantApplicationCommand } from '../domain/grant-application/grant-application-commands';
import { GrantApplication } from '../domain/grant-application/grant-application-state';
import { ApplicationDoc, applicationsFilter, FUNDING_APPLICATIONS } from '../projections/applications';
import { assertNamedEvaluator } from './access';
import { PageQueryDto, FundingReasonDto } from './dto/common.dto';
import { AssignEvaluatorDto, DeclarationDto, DetectedConflictDto, ScoresDto } from './dto/evaluation.dto';
import { assignmentItem, dossierView } from './views';

@ApiTags('funding: evaluation')
@ApiBearerAuth()
@Controller('api/funding')
export class EvaluationsController {
  constructor(
    private readonly commands: FundingCommands,
    private readonly facts: ApplicantFacts,
    @Inject(FUNDING_READ_MODELS) private readonly readModels: FundingReadModels,
  ) {}

  @Get('assignments')
  @ApiPageResponse('The dossiers assigned to the evaluator')
  @Roles('evaluator')
  @ApiOperation({
    summary:
      'My assignments: the applications the caller was named evaluator on, with their place on each (evaluator)',
  })
  @ApiProblems(400, 401, 403, 429)
  async assignments(@CurrentActor() actor: Actor, @Query() query: PageQueryDto) {
    const filter = applicationsFilter({ evaluatorId: actor.id });
    return listPage(
      this.readModels.collection<ApplicationDoc>(FUNDING_APPLICATIONS),
      filter,
      { page: query.page, pageSize: query.pageSize, sort: { submittedAt: 1, _id: 1 } },
      (doc) => assignmentItem(doc, actor.id),
    );
  }

  @Post('applications/:applicationId/evaluators')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Assign an evaluator to an eligible application. When the registry links the evaluator to the applicant (same organisation, shared network), the conflict is recorded instead and they are excluded (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async assign(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Body() body: AssignEvaluatorDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { state } = await this.application(applicationId);
    const linksToApplicant = await this.facts.conflictLinks(body.evaluatorId, state.associationId);
    const outcome = await this.execute(
      actor,
      applicationId,
      { type: 'AssignEvaluator', data: { applicationId, evaluatorId: body.evaluatorId, linksToApplicant } },
      expectedRevision,
    );
    return commandResponse(outcome, { linksToApplicant });
  }

  @Post('applications/:applicationId/evaluators/:evaluatorId/remove')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Remove an evaluator from an application under evaluation, with the reason; a consensus reached with them is annulled (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Param('evaluatorId') evaluatorId: string,
    @Body() body: FundingReasonDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.application(applicationId);
    return this.respond(
      actor,
      applicationId,
      { type: 'RemoveEvaluator', data: { applicationId, evaluatorId, reason: body.reason } },
      expectedRevision,
    );
  }

  @Post('applications/:applicationId/conflicts')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Record a conflict of interest detected between an evaluator and the applicant, with the links found: the evaluator is removed or excluded (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async detected(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Body() body: DetectedConflictDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.application(applicationId);
    const { evaluatorId, links } = plainJson(body);
    return this.respond(
      actor,
      applicationId,
      { type: 'RecordDetectedConflict', data: { applicationId, evaluatorId, links } },
      expectedRevision,
    );
  }

  @Post('applications/:applicationId/declaration')
  @CommandEndpoint({
    roles: ['evaluator'],
    summary:
      'Declare, before opening the dossier, whether the caller has a conflict of interest; a conflict removes them from the evaluation. Only on dossiers assigned to the caller (evaluator)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async declare(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Body() body: DeclarationDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.assigned(actor, applicationId);
    return this.respond(
      actor,
      applicationId,
      {
        type: 'DeclareConflictOfInterest',
        data: {
          applicationId,
          evaluatorId: actor.id,
          hasConflict: body.hasConflict,
          statement: body.statement,
        },
      },
      expectedRevision,
    );
  }

  @Post('applications/:applicationId/dossier/open')
  @CommandEndpoint({
    roles: ['evaluator'],
    summary: 'Open the dossier, after declaring no conflict of interest (evaluator assigned to it)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async open(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.assigned(actor, applicationId);
    return this.respond(
      actor,
      applicationId,
      { type: 'OpenEvaluationDossier', data: { applicationId, evaluatorId: actor.id } },
      expectedRevision,
    );
  }

  @Get('applications/:applicationId/dossier')
  @ApiRecordResponse('The evaluation dossier (ETag = revision)')
  @Roles('evaluator')
  @ApiOperation({
    summary:
      'The dossier an evaluator opened (ETag = revision): the proposal, the criteria, their own declaration and scores. Another evaluator’s dossier answers 404 (evaluator)',
  })
  @ApiProblems(401, 403, 404, 409, 429)
  async dossier(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
  ): Promise<Revisioned<unknown>> {
    const { state, revision } = await this.assigned(actor, applicationId);
    const evaluator = state.evaluators[actor.id];
    if (evaluator.status !== 'assigned') throw new ProblemException('not-found');
    if (evaluator.dossierOpenedAt === null)
      throw new ProblemException('conflict', 'Declare any conflict of interest and open the dossier first.', {
        code: 'DOSSIER_NOT_OPENED',
      });
    return revisioned(dossierView(state, actor.id), revision);
  }

  @Post('applications/:applicationId/scores')
  @CommandEndpoint({
    roles: ['evaluator'],
    summary:
      'Record the caller’s own score of each criterion, with a comment, on a dossier they opened (evaluator)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async score(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Body() body: ScoresDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.assigned(actor, applicationId);
    return this.respond(
      actor,
      applicationId,
      {
        type: 'RecordEvaluatorScores',
        data: { applicationId, evaluatorId: actor.id, scores: plainJson(body.scores) },
      },
      expectedRevision,
    );
  }

  @Post('applications/:applicationId/consensus')
  @CommandEndpoint({
    roles: ['committee'],
    summary:
      'Combine the evaluators’ scores into the consensus score, with the scoring rules version of the call, once every assigned evaluator scored (committee)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async consensus(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.application(applicationId);
    return this.respond(
      actor,
      applicationId,
      { type: 'ReachConsensusScore', data: { applicationId } },
      expectedRevision,
    );
  }

  private async application(applicationId: string): Promise<Loaded<GrantApplication>> {
    const loaded = await this.commands.load('grantApplication', applicationId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    return loaded as Loaded<GrantApplication>;
  }

  /** A dossier the caller was named evaluator on; any other answers 404. */
  private async assigned(actor: Actor, applicationId: string): Promise<Loaded<GrantApplication>> {
    const loaded = await this.application(applicationId);
    assertNamedEvaluator(actor, loaded.state);
    return loaded;
  }

  private execute(
    actor: Actor,
    applicationId: string,
    command: Pick<GrantApplicationCommand, 'type' | 'data'>,
    expectedRevision?: ExpectedRevision,
  ) {
    return this.commands.execute('grantApplication', applicationId, command as never, actor, {
      expectedRevision,
    });
  }

  private async respond(
    actor: Actor,
    applicationId: string,
    command: Pick<GrantApplicationCommand, 'type' | 'data'>,
    expectedRevision?: ExpectedRevision,
  ) {
    return commandResponse(await this.execute(actor, applicationId, command, expectedRevision));
  }
}
