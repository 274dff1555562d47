import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
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
  ApiListResponse,
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
import { ProjectDocumentKind } from '../domain/project/project-commands';
import { DocumentTransfer } from './document-transfer';
import { DOCUMENT_MEDIA_TYPES } from './document-uploads';
import { ProjectDocumentQueryDto } from './dto/project.dto';
import { assertOfficerOrCarrier, PROJECT_PARTIES, PROJECT_READERS } from './project-access';
import { ProjectLoader } from './project-loader';

const PROJECT_DOCUMENTS_PATH = 'api/partnerships/projects/:projectId/documents';

@ApiTags('partnerships: project documents')
@ApiBearerAuth()
@Controller(PROJECT_DOCUMENTS_PATH)
export class ProjectDocumentsController {
  constructor(
    private readonly commands: PartnershipsCommands,
    private readonly projects: ProjectLoader,
    private readonly documents: DocumentTransfer,
  ) {}

  @Post()
  @CommandEndpoint({
    roles: ['officer', 'association'],
    summary:
      'Attach a document to the project: the body is the file, its Content-Type the file’s media type, at most 20 MiB unless configured otherwise (413 beyond; 415 for a media type not listed); it is kept by its SHA-256, which the answer gives (an officer or the carrying association)',
    problems: [400, 401, 403, 404, 409, 412, 413, 415, 429],
    creates: true,
  })
  @ApiConsumes(...DOCUMENT_MEDIA_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async attach(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Query() query: ProjectDocumentQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { state } = await this.projects.open(projectId);
    assertOfficerOrCarrier(actor, state);
    const { sha256, size, mediaType } = await this.documents.receive(request);
    const outcome = await this.commands.execute(
      'project',
      projectId,
      {
        type: 'AttachProjectDocument',
        data: {
          projectId,
          sha256,
          size,
          name: query.name,
          mediaType,
          kind: query.kind as ProjectDocumentKind,
        },
      },
      actor,
      { expectedRevision },
    );
    reply.header(
      'location',
      `/api/partnerships/projects/${encodeURIComponent(projectId)}/documents/${sha256}`,
    );
    return commandResponse(outcome, { sha256, size });
  }

  @Get()
  @ApiListResponse('The project’s documents: sha256, name, mediaType, size, kind')
  @Roles(...PROJECT_READERS, ...PROJECT_PARTIES)
  @ApiOperation({ summary: 'The documents attached to a project (whoever may see the project)' })
  @ApiProblems(401, 403, 404, 429)
  async list(@CurrentActor() actor: Actor, @Param('projectId') projectId: string) {
    const { state } = await this.projects.seenBy(actor, projectId);
    return Object.values(state.documents);
  }

  @Get(':sha256')
  @Roles(...PROJECT_READERS, ...PROJECT_PARTIES)
  @ApiOperation({
    summary:
      'Download an attached document by its SHA-256, verified against it before a byte is sent (a stored file that no longer matches answers 500, never other bytes) (whoever may see the project)',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file, with its media type and Content-Disposition: attachment',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(401, 403, 404, 429, 500)
  async download(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Param('sha256') sha256: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { state } = await this.projects.seenBy(actor, projectId);
    const document = Object.hasOwn(state.documents, sha256) ? state.documents[sha256] : undefined;
    if (!document) throw new ProblemException('not-found');
    return this.documents.send(reply, document);
  }
}
