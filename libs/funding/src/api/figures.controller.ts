import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@tadamon/nest-kit';
import { FUNDING_READ_MODELS, FundingReadModels } from '../application/funding-ports';
import { fundingFigures } from '../projections/funding-figures';
import { FundingFiguresDto } from './dto/funding-figures.dto';

@ApiTags('funding: figures')
@Controller('api/funding/figures')
export class FundingFiguresController {
  constructor(@Inject(FUNDING_READ_MODELS) private readonly readModels: FundingReadModels) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'The programme in figures: grants awarded (withdrawn ones excluded) and their amount per currency, open calls, programmes',
  })
  @ApiOkResponse({ type: FundingFiguresDto })
  @ApiProblems(429)
  figures(): Promise<FundingFiguresDto> {
    return fundingFigures(this.readModels, new Date().toISOString());
  }
}
