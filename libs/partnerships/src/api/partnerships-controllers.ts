import { Type } from '@nestjs/common';
import { AgreementAmendmentsController } from './agreement-amendments.controller';
import { AgreementDocumentsController } from './agreement-documents.controller';
import { AgreementLifecycleController } from './agreement-lifecycle.controller';
import { PartnershipAgreementsController } from './agreements.controller';
import { ProgrammesController } from './programmes.controller';
import { SupportRequestsController } from './support-requests.controller';

/** Every controller of Partnerships' HTTP API (the module mounts them). */
export const PARTNERSHIPS_CONTROLLERS: Type<unknown>[] = [
  PartnershipAgreementsController,
  AgreementAmendmentsController,
  AgreementLifecycleController,
  AgreementDocumentsController,
  ProgrammesController,
  SupportRequestsController,
];
