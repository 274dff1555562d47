import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  ApiProblems,
  CommandEndpoint,
  commandResponse,
  CurrentActor,
  ExpectedRevisionHeader,
  ProblemException,
  Roles,
} from '@tadamon/nest-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PartnershipsCommands } from '../application/partnerships-commands';
import { AgreementDocumentKind } from '../domain/agreement/agreement-documents';
import { findDocument } from '../domain/agreement/decide-documents';
import { AgreementReads } from './agreement-reads';
import { AGREEMENTS_PATH } from './agreements.controller';
import { AgreementDocumentQueryDto, AgreementReasonDto } from './dto/agreement-commands.dto';
import { DocumentTransfer } from './document-transfer';
import { DOCUMENT_MEDIA_TYPES } from './document-uploads';
import { ORGANISATION_ROLES, PARTNERSHIPS_READ_ALL } from './organisation-access';

const SHA256 = /^[0-9a-f]{64}$/;

@ApiTags('partnerships: agreements')
@ApiBearerAuth()
@Controller(AGREEMENTS_PATH)
export class AgreementDocumentsController {
  constructor(
    private readonly commands: PartnershipsCommands,
    private readonly reads: AgreementReads,
    private readonly documents: DocumentTransfer,
  ) {}

  @Post(':agreementId/documents')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Attach a document (the signed convention, an annex, a letter): the body is the file, its Content-Type the file’s media type, at most 20 MiB unless configured otherwise (413 beyond; 415 for a media type not listed); it is kept by its SHA-256, which the answer gives (officer)',
    problems: [400, 401, 403, 404, 409, 412, 413, 415, 429],
    creates: true,
  })
  @ApiConsumes(...DOCUMENT_MEDIA_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async attach(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @Query() query: AgreementDocumentQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.reads.stream(actor, agreementId);
    const stored = await this.documents.receive(request);
    const document = {
      sha256: stored.sha256,
      size: stored.size,
      name: query.name,
      kind: query.kind as AgreementDocumentKind,
      mediaType: stored.mediaType,
    };
    const outcome = await this.commands.execute(
      'agreement',
      agreementId,
      { type: 'AttachAgreementDocument', data: { agreementId, document } },
      actor,
      { expectedRevision },
    );
    reply.header(
      'location',
      `/${AGREEMENTS_PATH}/${encodeURIComponent(agreementId)}/documents/${stored.sha256}`,
    );
    return commandResponse(outcome, { sha256: stored.sha256, size: stored.size });
  }

  @Get(':agreementId/documents/:sha256')
  @Roles(...PARTNERSHIPS_READ_ALL, ...ORGANISATION_ROLES)
  @ApiProduces('application/octet-stream')
  @ApiOperation({
    summary:
      'Download an attached document, verified against its SHA-256 before a byte is sent (a stored file that no longer matches answers 500, never other bytes) (readers of all; a party’s account)',
  })
  @ApiOkResponse({
    description: 'The file, with its media type and Content-Disposition: attachment',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(401, 403, 404, 429, 500)
  async download(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @Param('sha256') sha256: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { state } = await this.reads.stream(actor, agreementId);
    const attached = SHA256.test(sha256) ? findDocument(state, sha256) : undefined;
    if (!attached || attached.detached !== null) throw new ProblemException('not-found');
    return this.documents.send(reply, attached);
  }

  @Post(':agreementId/documents/:sha256/detach')
  @CommandEndpoint({
    roles: ['officer'],
    summary:
      'Detach a document, with the reason: it leaves the agreement’s documents but stays in its history and in the store (officer)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async detach(
    @CurrentActor() actor: Actor,
    @Param('agreementId') agreementId: string,
    @Param('sha256') sha256: string,
    @Body() body: AgreementReasonDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.reads.stream(actor, agreementId);
    return commandResponse(
      await this.commands.execute(
        'agreement',
        agreementId,
        { type: 'DetachAgreementDocument', data: { agreementId, sha256, reason: body.reason } },
        actor,
        { expectedRevision },
      ),
    );
  }
}
