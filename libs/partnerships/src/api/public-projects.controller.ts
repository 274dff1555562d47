import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiGeoJsonResponse,
  ApiPageResponse,
  ApiProblems,
  ApiRecordResponse,
  ProblemException,
  Public,
} from '@tadamon/nest-kit';
import { ActivityStatus } from '../domain/project/project-status';
import { listPage } from '@tadamon/read-store';
import { PARTNERSHIPS_READ_MODELS, PartnershipsReadModels } from '../application/partnerships-ports';
import { partnershipsFigures } from '../projections/partnerships-figures';
import { projectsGeoJson } from '../projections/project-map';
import { projectsByArea } from '../projections/projects-by-area';
import { PARTNERSHIPS_PROJECTS, ProjectDoc, projectsFilter } from '../projections/projects';
import { publicProjectView } from '../projections/public-project-view';
import { ProjectsByAreaQueryDto, ProjectsQueryDto } from './dto/project.dto';

const publicFilter = (query: ProjectsQueryDto) =>
  projectsFilter({
    regionCode: query.region,
    provinceCode: query.province,
    sectorCode: query.sector,
    status: query.status as never,
    publicOnly: true,
  });

/** The most features the map answers at once; the portal pages its lists instead. */
export const MAX_MAP_PROJECTS = 2000;

/**
 * What anyone sees without an account: published projects only, as publicProjectView shows
 * them (organisations, no user ids, no internal notes, public documents only). The Registry's
 * needs per region are at GET /api/registry/map/regions; they are not served again here.
 */
@ApiTags('partnerships: public portal and map')
@Controller('api/partnerships')
export class PublicProjectsController {
  constructor(@Inject(PARTNERSHIPS_READ_MODELS) private readonly readModels: PartnershipsReadModels) {}

  @Get('public/projects')
  @Public()
  @ApiPageResponse('Published projects')
  @ApiOperation({ summary: 'Published projects, by region, province, sector or status (anyone)' })
  @ApiProblems(400, 429)
  list(@Query() query: ProjectsQueryDto) {
    return listPage(
      this.readModels.collection<ProjectDoc>(PARTNERSHIPS_PROJECTS),
      publicFilter(query),
      { page: query.page, pageSize: query.pageSize, sort: { publishedAt: -1, _id: 1 } },
      publicProjectView,
    );
  }

  @Get('public/projects/:projectId')
  @Public()
  @ApiRecordResponse('A published project')
  @ApiOperation({ summary: 'A published project (an unpublished or unknown one answers 404) (anyone)' })
  @ApiProblems(404, 429)
  async one(@Param('projectId') projectId: string) {
    const doc = await this.readModels.collection<ProjectDoc>(PARTNERSHIPS_PROJECTS).get(projectId);
    const view = doc && publicProjectView(doc);
    if (!view) throw new ProblemException('not-found');
    return view;
  }

  @Get('map/projects.geojson')
  @Public()
  @ApiGeoJsonResponse(
    'RFC 7946 FeatureCollection: one feature per location of each published project (a Point where the location has one, else a null geometry with its region and province codes)',
  )
  @ApiOperation({
    summary:
      'The public map’s layer of published projects, by region, province, sector or status (anyone); the same by area with outlines: map/projects-by-area.geojson; the needs: GET /api/registry/map/needs.geojson',
  })
  @ApiProblems(400, 429)
  async map(@Query() query: ProjectsQueryDto) {
    const docs = await this.readModels
      .collection<ProjectDoc>(PARTNERSHIPS_PROJECTS)
      .find(publicFilter(query), {
        projection: { projectId: 1, title: 1, status: 1, locations: 1, sectorCodes: 1 },
        sort: { _id: 1 },
        limit: MAX_MAP_PROJECTS,
      });
    return projectsGeoJson(docs);
  }

  @Get('map/projects-by-area.geojson')
  @Public()
  @ApiGeoJsonResponse(
    'RFC 7946 FeatureCollection: every region (or province) with its outline, names in ar/fr/en and its published projects: count, by status, by sector, budget per currency. A project located at a province counts in it and in its region; a region-wide one in the region layer only.',
  )
  @ApiOperation({
    summary:
      'The published projects as a GeoJSON layer of areas, by region or province, for a sector or a status (anyone)',
  })
  @ApiProblems(400, 429)
  byArea(@Query() query: ProjectsByAreaQueryDto) {
    return projectsByArea(this.readModels, {
      level: query.level ?? 'region',
      sector: query.sector,
      status: query.status as ActivityStatus | undefined,
    });
  }

  @Get('figures')
  @Public()
  @ApiRecordResponse(
    'Published projects in all and per 2015 region: counts by status and sector, budgets per currency',
  )
  @ApiOperation({
    summary: 'The co-development projects in figures, per region (published projects only) (anyone)',
  })
  @ApiProblems(429)
  figures() {
    return partnershipsFigures(this.readModels);
  }
}
