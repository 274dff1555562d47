import { ApiPageResponse, ApiRecordResponse, plainJson } from '@tadamon/nest-kit';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { commandResponse } from './command-response';
import { CommandResultDto, FundingReasonDto } from './dto/common.dto';
import { EnvelopesQueryDto, OpenEnvelopeDto } from './dto/envelope.dto';
import { ProgrammeStatusDto } from './dto/programme-status.dto';
import { envelopeView, page, withoutInternals } from './views';

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
  @Roles('officer')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Open a budget envelope for a programme (currency, amount, period); the programme exists from its first envelope; the funder is a Registry actor, not an association (400 UNKNOWN_FUNDER, FUNDER_IS_ASSOCIATION) (officer)',
  })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiProblems(400, 401, 403, 409, 412, 422, 429)
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
    const pageSize = query.pageSize ?? 20;
    const pageNumber = query.page ?? 1;
    const filter = query.programmeId ? { programmeId: query.programmeId } : {};
    const collection = this.readModels.collection<EnvelopeDoc>(FUNDING_ENVELOPES);
    const [items, total] = await Promise.all([
      collection.find(filter, {
        sort: { openedAt: 1, _id: 1 },
        skip: (pageNumber - 1) * pageSize,
        limit: pageSize,
      }),
      collection.count(filter),
    ]);
    return page(items.map(withoutInternals), total, pageNumber, pageSize);
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
  @Roles('officer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close an envelope to new commitments, with the reason (officer)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 429)
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
