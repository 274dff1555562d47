import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@tadamon/nest-kit';
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
}
