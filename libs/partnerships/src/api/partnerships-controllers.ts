import { Type } from '@nestjs/common';
import { AgreementAmendmentsController } from './agreement-amendments.controller';
import { AgreementDocumentsController } from './agreement-documents.controller';
import { AgreementLifecycleController } from './agreement-lifecycle.controller';
import { PartnershipAgreementsController } from './agreements.controller';
import { PartnershipsIatiController } from './iati.controller';
import { ProgrammesController } from './programmes.controller';
import { ProjectDocumentsController } from './project-documents.controller';
import { ProjectsController } from './projects.controller';
import { PublicProjectsController } from './public-projects.controller';
import { ResultsController } from './results.controller';
import { SupportRequestsController } from './support-requests.controller';

/** Every controller of Partnerships' HTTP API (the module mounts them). */
export const PARTNERSHIPS_CONTROLLERS: Type<unknown>[] = [
  PartnershipAgreementsController,
  AgreementAmendmentsController,
  AgreementLifecycleController,
  AgreementDocumentsController,
  ProgrammesController,
  SupportRequestsController,
  ProjectsController,
  ProjectDocumentsController,
  ResultsController,
  PublicProjectsController,
  PartnershipsIatiController,
];
