import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { AgreementReads } from './api/agreement-reads';
import { DocumentTransfer } from './api/document-transfer';
import {
  DEFAULT_MAX_DOCUMENT_BYTES,
  DocumentUploads,
  PARTNERSHIPS_MAX_DOCUMENT_BYTES,
} from './api/document-uploads';
import { PARTNERSHIPS_CONTROLLERS } from './api/partnerships-controllers';
import {
  AgreementExpiry,
  AgreementExpirySettings,
  PARTNERSHIPS_AGREEMENT_EXPIRY_SETTINGS,
} from './application/agreement-expiry';
import { ProjectLoader } from './api/project-loader';
import { ProjectIatiChecks } from './iati/project-iati-check';
import { PartnershipsCommands } from './application/partnerships-commands';
import {
  PARTNERSHIPS_APPEND_LISTENER,
  PARTNERSHIPS_CONTENT_STORE,
  PARTNERSHIPS_EVENT_STORE,
  PARTNERSHIPS_IATI_ORGANISATIONS,
  PARTNERSHIPS_READ_MODELS,
  PartnershipsInfrastructure,
} from './application/partnerships-ports';
import { OnFundingEvents } from './policies/on-funding-events';
import { OnRegistryEvents } from './policies/on-registry-events';
import {
  directoryIatiOrganisations,
  PARTNERSHIPS_REGISTRY_DIRECTORY,
  RegistryDirectory,
} from './policies/registry-directory';
import { InMemoryRegistryDirectory } from './policies/registry-directory-stores';

export interface PartnershipsModuleOptions extends PartnershipsInfrastructure {
  /** Modules that export the host's providers named above, when they are not global. */
  imports?: (DynamicModule | Type<unknown>)[];
  /** The agreement expiry process: its pass interval (default one hour; 0: only the pass at start). */
  agreementExpiry?: Partial<AgreementExpirySettings>;
  /**
   * The largest document (of an agreement or a project) taken, in bytes: a bigger one answers 413
   * and nothing is kept (default 20 MiB; the service reads TADAMON_CONTENT_MAX_BYTES).
   */
  maxDocumentBytes?: number;
}

/**
 * Partnerships' HTTP API and command handling on the infrastructure its host profile provides
 * (event store, read models, content store for documents). The policies receive Funding's
 * integration events (`OnFundingEvents`) and the Registry's (`OnRegistryEvents`, which keeps the
 * directory the IATI file names parties with) from whichever transport the host connects for each
 * topic; the agreement expiry process runs in every instance.
 */
@Module({})
export class PartnershipsModule {
  static forRoot(options: PartnershipsModuleOptions): DynamicModule {
    const optional = (token: symbol, existing?: symbol | string): Provider[] =>
      existing ? [{ provide: token, useExisting: existing }] : [];
    return {
      module: PartnershipsModule,
      imports: options.imports ?? [],
      controllers: [...PARTNERSHIPS_CONTROLLERS, OnFundingEvents, OnRegistryEvents],
      providers: [
        { provide: PARTNERSHIPS_EVENT_STORE, useExisting: options.eventStore },
        { provide: PARTNERSHIPS_READ_MODELS, useExisting: options.readModels },
        { provide: PARTNERSHIPS_CONTENT_STORE, useExisting: options.contentStore },
        ...optional(PARTNERSHIPS_APPEND_LISTENER, options.appendListener),
        { provide: PARTNERSHIPS_AGREEMENT_EXPIRY_SETTINGS, useValue: options.agreementExpiry ?? {} },
        options.registryDirectory
          ? { provide: PARTNERSHIPS_REGISTRY_DIRECTORY, useExisting: options.registryDirectory }
          : { provide: PARTNERSHIPS_REGISTRY_DIRECTORY, useFactory: () => new InMemoryRegistryDirectory() },
        {
          provide: PARTNERSHIPS_IATI_ORGANISATIONS,
          inject: [PARTNERSHIPS_REGISTRY_DIRECTORY],
          useFactory: (directory: RegistryDirectory) => directoryIatiOrganisations(directory),
        },
        PartnershipsCommands,
        AgreementExpiry,
        ProjectLoader,
        ProjectIatiChecks,
        AgreementReads,
        {
          provide: PARTNERSHIPS_MAX_DOCUMENT_BYTES,
          useValue: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
        },
        DocumentUploads,
        DocumentTransfer,
      ],
      exports: [PartnershipsCommands],
    };
  }
}
