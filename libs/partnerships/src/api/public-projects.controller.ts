import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, ApiRecordResponse, ProblemException, Public } from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import { PARTNERSHIPS_READ_MODELS, PartnershipsReadModels } from '../application/partnerships-ports';
import { partnershipsFigures } from '../projections/partnerships-figures';
import { projectsGeoJson } from '../projections/project-map';
import { PARTNERSHIPS_PROJECTS, ProjectDoc, projectsFilter } from '../projections/projects';
import { publicProjectView } from '../projections/public-project-view';
import { ProjectsQueryDto } from './dto/project.dto';

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
  @Header('content-type', 'application/geo+json; charset=utf-8')
  @ApiProduces('application/geo+json')
  @ApiOkResponse({
    description:
      'RFC 7946 FeatureCollection: one feature per location of each published project (a Point where the location has one, else a null geometry with its region and province codes)',
    schema: { type: 'object' },
  })
  @ApiOperation({
    summary:
      'The public map’s layer of published projects, by region, province, sector or status (anyone); needs per region: GET /api/registry/map/regions',
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
