import { Module } from '@nestjs/common';
import { DocumentStore } from '@tadamon/read-store';
import { DOCUMENT_STORE } from '../embedded/embedded.module';
import { registryIatiOrganisations } from './registry-iati-organisations';

/** The IatiOrganisationSource Partnerships' IATI routes name parties with (the Registry's read models). */
export const IATI_ORGANISATIONS = Symbol('IATI_ORGANISATIONS');

@Module({
  providers: [
    {
      provide: IATI_ORGANISATIONS,
      useFactory: (readModels: DocumentStore) => registryIatiOrganisations(readModels),
      inject: [DOCUMENT_STORE],
    },
  ],
  exports: [IATI_ORGANISATIONS],
})
export class IatiOrganisationsModule {}
