import { commandResponse } from '@tadamon/nest-kit';
import { CommandEndpoint } from '@tadamon/nest-kit';
import { plainJson } from '@tadamon/nest-kit';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import { Actor, CurrentActor, EmptyBody, ExpectedRevisionHeader, ProblemException } from '@tadamon/nest-kit';
import { AgreementParties } from '../application/agreement-parties';
import { FundingCommands } from '../application/funding-commands';
import { GrantDecisions } from '../application/grant-decisions';
import { GrantApplication } from '../domain/grant-application/grant-application-state';
import { assertApplicant } from './access';
import { ReportReviewDto, SignAgreementDto, TrancheReportDto } from './dto/agreement.dto';

/** The next id of a tranche's report: `report-<tranche>-1`, then one more after each return. */
const nextReportId = (state: GrantApplication, trancheId: string): string => {
  const current = state.agreement?.tranches.find((t) => t.trancheId === trancheId)?.report;
  if (!current) return `report-${trancheId}-1`;
  if (current.status !== 'returned') return current.reportId;
  const match = /-(\d+)$/.exec(current.reportId);
  return match ? current.reportId.replace(/\d+$/, String(Number(match[1]) + 1)) : `${current.reportId}-2`;
};

@ApiTags('funding: agreements and tranches')
@ApiBearerAuth()
@Controller('api/funding/applications')
export class AgreementsController {
  constructor(
    private readonly commands: FundingCommands,
    private readonly decisions: GrantDecisions,
    private readonly parties: AgreementParties,
  ) {}

  @Post(':applicationId/agreement')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Record the signed grant agreement of an award: signatories (the parties: the applicant association, which must sign, the envelope’s funder and the ministry, by Registry id; else 400 INVALID_SIGNATORY or APPLICANT_MUST_SIGN) and the disbursement tranches, which add up to the award (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async sign(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Body() body: SignAgreementDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.parties.check(await this.application(applicationId), body.signatories);
    const { agreementId, ...agreement } = plainJson(body);
    const outcome = await this.commands.execute(
      'grantApplication',
      applicationId,
      {
        type: 'SignGrantAgreement',
        data: {
          applicationId,
          agreementId: agreementId ?? `agreement-${applicationId}`,
          ...agreement,
        } as never,
      },
      actor,
      { expectedRevision },
    );
    return commandResponse(outcome);
  }

  @Post(':applicationId/tranches/:trancheId/release')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Release the next tranche (the report on the previous one approved) and record the payment on the envelope (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async release(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Param('trancheId') trancheId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.application(applicationId);
    return commandResponse(
      await this.decisions.releaseTranche(applicationId, trancheId, actor, { expectedRevision }),
    );
  }

  @Post(':applicationId/tranches/:trancheId/report')
  @CommandEndpoint({
    roles: ['association'],
    summary: 'Submit the report on a released tranche (its association)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async report(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Param('trancheId') trancheId: string,
    @Body() body: TrancheReportDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const state = await this.application(applicationId);
    assertApplicant(actor, state);
    const reportId = body.reportId ?? nextReportId(state, trancheId);
    const outcome = await this.commands.execute(
      'grantApplication',
      applicationId,
      { type: 'SubmitTrancheReport', data: { applicationId, trancheId, reportId, summary: body.summary } },
      actor,
      { expectedRevision },
    );
    return commandResponse(outcome, { reportId });
  }

  @Post(':applicationId/tranches/:trancheId/review')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Approve a tranche report (the next tranche may then be released) or return it, with a comment (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async review(
    @CurrentActor() actor: Actor,
    @Param('applicationId') applicationId: string,
    @Param('trancheId') trancheId: string,
    @Body() body: ReportReviewDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.application(applicationId);
    const outcome = await this.commands.execute(
      'grantApplication',
      applicationId,
      {
        type: 'ReviewTrancheReport',
        data: { applicationId, trancheId, approved: body.approved, comment: body.comment },
      },
      actor,
      { expectedRevision },
    );
    return commandResponse(outcome);
  }

  private async application(applicationId: string): Promise<GrantApplication> {
    const loaded = await this.commands.load('grantApplication', applicationId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    return loaded.state;
  }
}
