import { Type } from '@nestjs/common';
import { CertificatesController } from './certificates.controller';
import { CredentialDocumentsController } from './credential-documents.controller';

/** Training's HTTP controllers, mounted under /api/training. */
export const TRAINING_CONTROLLERS: Type<unknown>[] = [CertificatesController, CredentialDocumentsController];
