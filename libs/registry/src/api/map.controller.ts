import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiGeoJsonResponse, ApiProblems, Public } from '@tadamon/nest-kit';
import { NeedPriority } from '../domain/regional-need/regional-need';
import { needsByArea } from '../projections/needs-by-area';
import { NeedsByAreaQueryDto } from './dto/directory-query.dto';
import { REGISTRY_READ_MODELS, RegistryReadModels } from '../application/registry-ports';
import { regionAggregates } from '../projections/region-aggregates';
import { RegionAggregateDto } from './dto/region-aggregate.dto';

@ApiTags('registry: map')
@Controller('api/registry/map')
export class MapController {
  constructor(@Inject(REGISTRY_READ_MODELS) private readonly readModels: RegistryReadModels) {}

  @Get('regions')
  @Public()
  @ApiOperation({
    summary:
      'Per 2015 region: verified associations originating there, open needs by sector and their budget per currency (names in ar/fr/en)',
  })
  @ApiOkResponse({
    description: 'One entry per region: associations, open needs, open budget',
    type: [RegionAggregateDto],
  })
  @ApiProblems(429)
  regions() {
    return regionAggregates(this.readModels);
  }

  @Get('needs.geojson')
  @Public()
  @ApiGeoJsonResponse(
    'RFC 7946 FeatureCollection: every region (or province) with its outline, names in ar/fr/en and its open needs: count, by sector, by priority, budget per currency. A need located at a province counts in it and in its region; a region-wide need in the region layer only.',
  )
  @ApiOperation({
    summary:
      'The open regional needs as a GeoJSON layer of areas, by region or province, for a sector or a priority (anyone)',
  })
  @ApiProblems(400, 429)
  needs(@Query() query: NeedsByAreaQueryDto) {
    return needsByArea(this.readModels, {
      level: query.level ?? 'region',
      sector: query.sector,
      priority: query.priority as NeedPriority | undefined,
    });
  }
}
