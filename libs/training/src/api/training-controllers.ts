import { Type } from '@nestjs/common';
import { EnrolmentsController } from './enrolments.controller';
import { TrainingFiguresController } from './figures.controller';
import { ModulesController } from './modules.controller';
import { PathsController } from './paths.controller';
import { SessionsController } from './sessions.controller';

/** Training's HTTP controllers, mounted under /api/training. */
export const TRAINING_CONTROLLERS: Type<unknown>[] = [
  ModulesController,
  PathsController,
  SessionsController,
  EnrolmentsController,
  TrainingFiguresController,
];
