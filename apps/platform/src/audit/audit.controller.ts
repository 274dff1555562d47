import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, ApiProblems, CurrentActor, ProblemException, Roles } from '@tadamon/nest-kit';
import type { FastifyReply } from 'fastify';
import { ApplicationAudits } from './application-audits';
import { LogVerificationDto, ReplayDto } from './audit.dto';
import { DossierQueryDto, ReplayQueryDto } from './audit-query.dto';
import { LogVerifications } from './log-verifications';

const verificationPath = (id: string) => `/api/audit/verifications/${encodeURIComponent(id)}`;

/** What the auditor CLI does, for the back office (docs/audit.md, "From the back office"). Auditor and admin. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly verifications: LogVerifications,
    private readonly audits: ApplicationAudits,
  ) {}

  @Post('verifications')
  @Roles('auditor', 'admin')
  @HttpCode(202)
  @ApiOperation({
    summary:
      "Start a verification of the whole log (every stream's hash chain and the seals, with the platform's key), off the request thread: 202 with its id and Location at once. One at a time: while one runs, the answer is 202 with the running one (auditor, admin)",
  })
  @ApiAcceptedResponse({ type: LogVerificationDto })
  @ApiProblems(401, 403, 429)
  start(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): LogVerificationDto {
    const { record } = this.verifications.start(actor.id);
    reply.header('location', verificationPath(record.id));
    return record;
  }

  @Get('verifications')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary:
      'The running verification, if any, then the last 20 finished, newest first, kept across restarts (auditor, admin)',
  })
  @ApiOkResponse({ type: [LogVerificationDto] })
  @ApiProblems(401, 403, 429)
  list(): LogVerificationDto[] {
    return this.verifications.list();
  }

  @Get('verifications/:verificationId')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary:
      'A verification: its progress (positions checked of the head, percent) and, when done, its result (verdict, chains, seals, unsealed events, first break) (auditor, admin)',
  })
  @ApiOkResponse({ type: LogVerificationDto })
  @ApiProblems(401, 403, 404, 429)
  get(@Param('verificationId') verificationId: string): LogVerificationDto {
    const record = this.verifications.get(verificationId);
    if (!record) throw new ProblemException('not-found', `no verification ${verificationId}`);
    return record;
  }

  @Get('applications/:applicationId/replay')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary:
      'An application as of a moment: its timeline (events recorded up to asOf, with actors and times), each consensus, recommendation and decision recomputed with the rules version it recorded (same or the differences), its money facts and the chains read; as `tadamon-audit replay --json` (auditor, admin)',
  })
  @ApiOkResponse({ type: ReplayDto })
  @ApiProblems(400, 401, 403, 404, 429)
  replay(@Param('applicationId') applicationId: string, @Query() query: ReplayQueryDto): Promise<ReplayDto> {
    return this.audits.replay(applicationId, query.asOf) as Promise<ReplayDto>;
  }

  @Get('applications/:applicationId/dossier')
  @Roles('auditor', 'admin')
  @ApiProduces('text/html')
  @ApiOperation({
    summary:
      "An application's audit dossier, the print-ready HTML page of `tadamon-audit export --format html`, as an attachment (auditor, admin)",
  })
  @ApiOkResponse({
    description: 'The dossier (Content-Disposition: attachment; filename=dossier-<id>-<day>-<lang>.html)',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiProblems(400, 401, 403, 404, 429)
  async dossier(
    @Param('applicationId') applicationId: string,
    @Query() query: DossierQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { html, fileName } = await this.audits.dossier(applicationId, query.asOf, query.lang ?? 'fr');
    reply.type('text/html; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return html;
  }
}
