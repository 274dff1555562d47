import { Body, Controller, Get, Inject, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
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
import type { FastifyReply } from 'fastify';
import { PartnershipsCommands } from '../application/partnerships-commands';
import { PARTNERSHIPS_CONTENT_STORE, PartnershipsContentStore } from '../application/partnerships-ports';
import { ProjectDocumentKind } from '../domain/project/project-commands';
import { documentBody, storeDocument } from './document-upload';
import { UploadDocumentDto } from './dto/project.dto';
import { assertOfficerOrCarrier, PROJECT_PARTIES, PROJECT_READERS } from './project-access';
import { ProjectLoader } from './project-loader';

/** A file name as a Content-Disposition parameter (RFC 6266: ASCII fallback and UTF-8 form). */
const disposition = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

@ApiTags('partnerships: project documents')
@ApiBearerAuth()
@Controller('api/partnerships/projects/:projectId/documents')
export class ProjectDocumentsController {
  constructor(
    private readonly commands: PartnershipsCommands,
    private readonly projects: ProjectLoader,
    @Inject(PARTNERSHIPS_CONTENT_STORE) private readonly content: PartnershipsContentStore,
  ) {}

  @Post()
  @CommandEndpoint({
    roles: ['officer', 'association'],
    summary:
      'Attach a document to the project: the file (base64, at most 512 KiB) is kept by its SHA-256, then recorded with its name, media type and kind (an officer or the carrying association)',
    problems: [400, 401, 403, 404, 409, 412, 413, 429],
  })
  async attach(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Body() body: UploadDocumentDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { state } = await this.projects.open(projectId);
    assertOfficerOrCarrier(actor, state);
    const { sha256, size } = await storeDocument(this.content, body.contentBase64);
    const outcome = await this.commands.execute(
      'project',
      projectId,
      {
        type: 'AttachProjectDocument',
        data: {
          projectId,
          sha256,
          size,
          name: body.name,
          mediaType: body.mediaType,
          kind: body.kind as ProjectDocumentKind,
        },
      },
      actor,
      { expectedRevision },
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
      'Download an attached document by its SHA-256, verified as it streams (whoever may see the project)',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file, with its recorded media type and name',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiProblems(401, 403, 404, 429)
  async download(
    @CurrentActor() actor: Actor,
    @Param('projectId') projectId: string,
    @Param('sha256') sha256: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { state } = await this.projects.seenBy(actor, projectId);
    const document = Object.hasOwn(state.documents, sha256) ? state.documents[sha256] : undefined;
    if (!document) throw new ProblemException('not-found');
    const body = await documentBody(this.content, sha256);
    reply.header('content-type', document.mediaType);
    reply.header('content-disposition', disposition(document.name));
    reply.header('content-length', String(document.size));
    reply.header('x-content-type-options', 'nosniff');
    return new StreamableFile(body);
  }
}
