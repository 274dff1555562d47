import { Type } from '@nestjs/common';
import { PartnershipsIatiController } from './iati.controller';
import { ProjectDocumentsController } from './project-documents.controller';
import { ProjectsController } from './projects.controller';
import { PublicProjectsController } from './public-projects.controller';
import { ResultsController } from './results.controller';

/** Every controller of Partnerships' HTTP API (the module mounts them). */
export const PARTNERSHIPS_CONTROLLERS: Type<unknown>[] = [
  ProjectsController,
  ProjectDocumentsController,
  ResultsController,
  PublicProjectsController,
  PartnershipsIatiController,
];
