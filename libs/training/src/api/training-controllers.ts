import { Type } from '@nestjs/common';
import { AttendanceReadsController } from './attendance-reads.controller';
import { AttendanceController } from './attendance.controller';
import { CertificatesController } from './certificates.controller';
import { CheckInController } from './check-in.controller';
import { CredentialDocumentsController } from './credential-documents.controller';
import { EnrolmentsController } from './enrolments.controller';
import { TrainingFiguresController } from './figures.controller';
import { ModulesController } from './modules.controller';
import { PathsController } from './paths.controller';
import { SessionCompletionController } from './session-completion.controller';
import { SessionsController } from './sessions.controller';

/** Training's HTTP controllers, mounted under /api/training. */
export const TRAINING_CONTROLLERS: Type<unknown>[] = [
  ModulesController,
  PathsController,
  SessionsController,
  EnrolmentsController,
  TrainingFiguresController,
  AttendanceController,
  CheckInController,
  SessionCompletionController,
  AttendanceReadsController,
  CertificatesController,
  CredentialDocumentsController,
];
