import { Controller, Get, Headers, Inject, Optional, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { writeIatiActivities } from '@tadamon/iati';
import { ApiProblems, ifNoneMatchHolds, ProblemException, Public, Roles } from '@tadamon/nest-kit';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import {
  PARTNERSHIPS_IATI_ORGANISATIONS,
  PARTNERSHIPS_READ_MODELS,
  PartnershipsReadModels,
} from '../application/partnerships-ports';
import { IatiOrganisationSource } from '../iati/project-to-iati-activity';
import { projectIatiValidation } from '../iati/project-iati-validation';
import { partyIdsOf, publishedActivities } from '../iati/published-activities';
import { PARTNERSHIPS_PROJECTS, ProjectDoc } from '../projections/projects';
import { IatiValidationDto } from './dto/iati-validation.dto';

/** IATI 2.03 publication of the projects (docs/iati.md, "Publishing Partnerships' projects"). */
@ApiTags('partnerships: IATI')
@Controller('api/partnerships')
export class PartnershipsIatiController {
  constructor(
    @Inject(PARTNERSHIPS_READ_MODELS) private readonly readModels: PartnershipsReadModels,
    @Optional()
    @Inject(PARTNERSHIPS_IATI_ORGANISATIONS)
    private readonly organisations?: IatiOrganisationSource,
  ) {}

  @Get('iati/activities.xml')
  @Public()
  @ApiProduces('application/xml')
  @ApiOperation({
    summary:
      'The published projects as one IATI 2.03 activities file, streamed, by identifier: organisations, places, sectors, yearly budgets, disbursements and expenditures; nothing personal. ETag and Last-Modified; If-None-Match answers 304 (public)',
  })
  @ApiOkResponse({
    description: 'iati-activities version 2.03, valid against its XSD',
    content: { 'application/xml': { schema: { type: 'string' } } },
  })
  @ApiProblems(429)
  async activities(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const { activities, lastModified, etag } = await publishedActivities(this.readModels, this.organisations);
    reply.header('etag', etag);
    reply.header('cache-control', 'public, no-cache');
    if (lastModified) reply.header('last-modified', new Date(lastModified).toUTCString());
    if (ifNoneMatchHolds(ifNoneMatch, etag)) {
      reply.status(304);
      return undefined;
    }
    const generatedAt = lastModified ?? new Date(0).toISOString();
    return new StreamableFile(Readable.from(writeIatiActivities(activities, { generatedAt })), {
      type: 'application/xml; charset=utf-8',
    });
  }

  @Get('projects/:projectId/iati')
  @Roles('officer', 'auditor', 'admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "A project's IATI status, published or not: its activity checked against the 2.03 XSD and by the IATI validator's rules and codelists, with the rules' ids (officer, auditor, admin)",
  })
  @ApiOkResponse({ type: IatiValidationDto })
  @ApiProblems(401, 403, 404, 429)
  async validation(@Param('projectId') projectId: string): Promise<IatiValidationDto> {
    const doc = await this.readModels.collection<ProjectDoc>(PARTNERSHIPS_PROJECTS).get(projectId);
    if (!doc) throw new ProblemException('not-found', `no project ${projectId}`);
    const organisations = await this.organisations?.directory(partyIdsOf([doc]));
    return projectIatiValidation(doc, { organisations });
  }
}
