import { commandResponse } from '@tadamon/nest-kit';
import { CommandEndpoint } from '@tadamon/nest-kit';
import { plainJson } from '@tadamon/nest-kit';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import { Actor, CurrentActor, ExpectedRevisionHeader, ProblemException } from '@tadamon/nest-kit';
import { CallRanking } from '../application/call-ranking';
import { CommitteeComposition } from '../application/committee-composition';
import { FundingCommands } from '../application/funding-commands';
import { GrantDecisions } from '../application/grant-decisions';
import { GrantApplication } from '../domain/grant-application/grant-application-state';
import { committeeOf } from './access';
import { AppealDecisionDto, AwardDto, RecommendationDto, RejectionDto } from './dto/decision.dto';

/**
 * The selection committee's decisions. Consensus, recommendation, award, rejection and appeals
 * are the committee's (DOMAIN.md: "the committee ranks ... within the budget"); officers prepare
 * (screening, evaluators) and execute (agreement, tranches) but decide nothing here.
 */
@ApiTags('funding: decisions')
@ApiBearerAuth()
@Controller('api/funding/applications')
export class DecisionsController {
  constructor(
    private readonly commands: FundingCommands,
    private readonly ranking: CallRanking,
    private readonly decisions: GrantDecisions,
    private readonly committee: CommitteeComposition,
  ) {}

  @Post(':applicationId/recommendation')
  @CommandEndpoint({
    roles: ['committee'],
    summary:
      'Recommend a scored application for funding, or not, with the rationale; its rank is the call’s ranking now (committee)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async recommend(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Body() body: RecommendationDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const state = await this.application(applicationId);
    const committeeMembers = await this.committeeOf(state, actor, body.committeeMembers);
    const rank = state.consensus === null ? null : await this.ranking.rankOf(state);
    const outcome = await this.commands.execute(
      'grantApplication',
      applicationId,
      {
        type: 'RecordCommitteeRecommendation',
        data: {
          applicationId,
          recommended: body.recommended,
          rank,
          rationale: body.rationale,
          committeeMembers,
        },
      },
      actor,
      { expectedRevision },
    );
    return commandResponse(outcome, { rank });
  }

  @Post(':applicationId/award')
  @CommandEndpoint({
    roles: ['committee'],
    summary:
      'Award a recommended application (amount, conditions, rationale): the funds are committed on the call’s envelope first, which never over-commits; an application outside the funded set of the call’s ranking needs a derogation (409 OUTSIDE_FUNDED_SET without one); the decision records the committee, the criteria and scoring rules versions, the envelope’s remaining amount, the ranking place and the derogation (committee)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async award(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Body() body: AwardDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const input = plainJson(body);
    const state = await this.application(applicationId);
    const committeeMembers = await this.committeeOf(state, actor, input.committeeMembers);
    if (input.derogation)
      await this.committee.check(
        state,
        input.derogation.committeeMembers,
        actor,
        'derogation.committeeMembers',
      );
    const outcome = await this.decisions.award(
      applicationId,
      {
        ...(input.amount ? { amount: input.amount as never } : {}),
        conditions: input.conditions,
        rationale: input.rationale,
        committeeMembers,
        derogation: input.derogation ?? null,
      },
      actor,
      { expectedRevision },
    );
    return commandResponse(outcome, { envelope: outcome.envelope });
  }

  @Post(':applicationId/reject')
  @CommandEndpoint({
    roles: ['committee'],
    summary:
      'Reject a recommended or not-recommended application, with the reasons; the association may appeal within the call’s window; a commitment the application still holds is released (committee)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async reject(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Body() body: RejectionDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const committeeMembers = await this.committeeOf(
      await this.application(applicationId),
      actor,
      body.committeeMembers,
    );
    const outcome = await this.decisions.reject(
      applicationId,
      { reasons: [...body.reasons], committeeMembers },
      actor,
      { expectedRevision },
    );
    return commandResponse(outcome, { envelope: outcome.envelope });
  }

  @Post(':applicationId/appeal/decision')
  @CommandEndpoint({
    roles: ['committee'],
    summary:
      'Decide a pending appeal: upheld annuls the rejection (the committee decides again), or dismissed; a commitment the application still holds is released (committee)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async decideAppeal(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Body() body: AppealDecisionDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const committeeMembers = await this.committeeOf(
      await this.application(applicationId),
      actor,
      body.committeeMembers,
    );
    const outcome = await this.decisions.decideAppeal(
      applicationId,
      { upheld: body.upheld, rationale: body.rationale, committeeMembers },
      actor,
      { expectedRevision },
    );
    return commandResponse(outcome);
  }

  /** The members named (default: the caller alone), once the committee's composition is checked. */
  private async committeeOf(
    application: GrantApplication,
    actor: Actor,
    named: readonly string[] | undefined,
  ): Promise<string[]> {
    const members = committeeOf(actor, named);
    await this.committee.check(application, members, actor, 'committeeMembers', (named?.length ?? 0) > 0);
    return members;
  }

  private async application(applicationId: string): Promise<GrantApplication> {
    const loaded = await this.commands.load('grantApplication', applicationId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    return loaded.state;
  }
}
