import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@tadamon/nest-kit';
import { REGISTRY_READ_MODELS, RegistryReadModels } from '../application/registry-ports';
import { associationFigures } from '../projections/association-figures';
import { AssociationFiguresDto } from './dto/association-figures.dto';

@ApiTags('registry: figures')
@Controller('api/registry/figures')
export class FiguresController {
  constructor(@Inject(REGISTRY_READ_MODELS) private readonly readModels: RegistryReadModels) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'The programme in figures: verified associations, per host country, per sector and per 2015 region of origin',
  })
  @ApiOkResponse({ type: AssociationFiguresDto })
  @ApiProblems(429)
  figures(): Promise<AssociationFiguresDto> {
    return associationFigures(this.readModels);
  }
}
