import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ApiRecordResponse, Public } from '@tadamon/nest-kit';
import { TRAINING_READ_MODELS, TrainingReadModels } from '../application/training-ports';
import { trainingFigures } from '../projections/training-figures';

@ApiTags('training: figures')
@Controller('api/training/figures')
export class TrainingFiguresController {
  constructor(@Inject(TRAINING_READ_MODELS) private readonly readModels: TrainingReadModels) {}

  @Get()
  @Public()
  @ApiRecordResponse(
    'Sessions, seats, confirmed, waiting and completed: in all, per module, per country and city',
  )
  @ApiOperation({
    summary:
      'Training figures: sessions (cancelled left out), seats offered, trainees confirmed, waiting and completed, per module and per country and city (public)',
  })
  @ApiProblems(429)
  figures() {
    return trainingFigures(this.readModels);
  }
}
