import { commandResponse } from '@tadamon/nest-kit';
import { CommandEndpoint } from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import { ApiPageResponse, ApiRecordResponse, plainJson } from '@tadamon/nest-kit';
import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  ApiProblems,
  CurrentActor,
  ExpectedRevisionHeader,
  ProblemException,
  revisioned,
  Revisioned,
  Roles,
} from '@tadamon/nest-kit';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { EnvelopeFunder } from '../application/envelope-funder';
import { FundingCommands } from '../application/funding-commands';
import { FUNDING_READ_MODELS, FundingReadModels } from '../application/funding-ports';
import { OpenedEnvelope } from '../domain/budget-envelope/budget-envelope';
import { EnvelopeDoc, FUNDING_ENVELOPES, programmeTotals } from '../projections/envelopes';
import { READ_ALL } from './access';
import { FundingReasonDto } from './dto/common.dto';
import { EnvelopesQueryDto, OpenEnvelopeDto } from './dto/envelope.dto';
import { ProgrammeStatusDto } from './dto/programme-status.dto';
import { envelopeView, withoutInternals } from './views';

@ApiTags('funding: budget envelopes')
@ApiBearerAuth()
@Controller('api/funding')
export class EnvelopesController {
  constructor(
    private readonly commands: FundingCommands,
    @Inject(FUNDING_READ_MODELS) private readonly readModels: FundingReadModels,
    private readonly funder: EnvelopeFunder,
  ) {}

  @Post('envelopes')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Open a budget envelope for a programme (currency, amount, period); the programme exists from its first envelope; the funder is a Registry actor, not an association (400 UNKNOWN_FUNDER, FUNDER_IS_ASSOCIATION) (officer)',
    problems: [400, 401, 403, 409, 412, 422, 429],
    creates: true,
  })
  async open(
    @CurrentActor() actor: Actor,
    @Body() body: OpenEnvelopeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const envelopeId = body.envelopeId ?? `env-${randomUUID()}`;
    await this.funder.check(body.funderId);
    const { envelopeId: _e, ...terms } = plainJson(body);
    const outcome = await this.commands.execute(
      'budgetEnvelope',
      envelopeId,
      { type: 'OpenBudgetEnvelope', data: { envelopeId, ...terms } as never },
      actor,
      { expectedRevision },
    );
    reply.header('location', `/api/funding/envelopes/${encodeURIComponent(envelopeId)}`);
    return commandResponse(outcome, { envelopeId });
  }

  @Get('envelopes')
  @ApiPageResponse('The budget envelopes')
  @Roles(...READ_ALL)
  @ApiOperation({
    summary:
      'Envelope status: amount, committed, disbursed, remaining per envelope (officer, committee, auditor, admin)',
  })
  @ApiProblems(400, 401, 403, 429)
  async list(@Query() query: EnvelopesQueryDto) {
    const filter = query.programmeId ? { programmeId: query.programmeId } : {};
    return listPage(
      this.readModels.collection<EnvelopeDoc>(FUNDING_ENVELOPES),
      filter,
      { page: query.page, pageSize: query.pageSize, sort: { openedAt: 1, _id: 1 } },
      withoutInternals,
    );
  }

  @Get('envelopes/:envelopeId')
  @ApiRecordResponse('The envelope with its balance (ETag = revision)')
  @Roles(...READ_ALL)
  @ApiOperation({
    summary:
      'One envelope from its stream (ETag = revision): balance and every commitment (officer, committee, auditor, admin)',
  })
  @ApiProblems(401, 403, 404, 429)
  async get(@Param('envelopeId') envelopeId: string): Promise<Revisioned<unknown>> {
    const loaded = await this.commands.load('budgetEnvelope', envelopeId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    return revisioned(envelopeView(loaded.state as OpenedEnvelope), loaded.revision);
  }

  @Post('envelopes/:envelopeId/close')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Close an envelope to new commitments, with the reason (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async close(
    @CurrentActor() actor: Actor,
    @Param('envelopeId') envelopeId: string,
    @Body() body: FundingReasonDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const outcome = await this.commands.execute(
      'budgetEnvelope',
      envelopeId,
      { type: 'CloseBudgetEnvelope', data: { envelopeId, reason: body.reason } },
      actor,
      { expectedRevision },
    );
    return commandResponse(outcome);
  }

  @Get('programmes/:programmeId')
  @Roles(...READ_ALL)
  @ApiOperation({
    summary:
      'A programme’s envelopes and their totals per currency: committed, disbursed, remaining (officer, committee, auditor, admin)',
  })
  @ApiOkResponse({
    description: "The programme's totals per currency and its envelopes",
    type: ProgrammeStatusDto,
  })
  @ApiProblems(401, 403, 404, 429)
  async programme(@Param('programmeId') programmeId: string) {
    const envelopes = await this.readModels
      .collection<EnvelopeDoc>(FUNDING_ENVELOPES)
      .find({ programmeId }, { sort: { openedAt: 1, _id: 1 } });
    if (envelopes.length === 0) throw new ProblemException('not-found');
    return { programmeId, totals: programmeTotals(envelopes), envelopes: envelopes.map(withoutInternals) };
  }
}
