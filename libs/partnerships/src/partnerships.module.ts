import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { AgreementReads } from './api/agreement-reads';
import { DocumentUploads } from './api/document-uploads';
import { PARTNERSHIPS_CONTROLLERS } from './api/partnerships-controllers';
import { PartnershipsCommands } from './application/partnerships-commands';
import {
  PARTNERSHIPS_APPEND_LISTENER,
  PARTNERSHIPS_CONTENT_STORE,
  PARTNERSHIPS_EVENT_STORE,
  PARTNERSHIPS_READ_MODELS,
  PartnershipsInfrastructure,
} from './application/partnerships-ports';

export interface PartnershipsModuleOptions extends PartnershipsInfrastructure {
  /** Modules that export the host's providers named above, when they are not global. */
  imports?: (DynamicModule | Type<unknown>)[];
}

/**
 * Partnerships' HTTP API and command handling on the infrastructure its host profile provides
 * (event store, read models, content store for documents).
 */
@Module({})
export class PartnershipsModule {
  static forRoot(options: PartnershipsModuleOptions): DynamicModule {
    const optional = (token: symbol, existing?: symbol | string): Provider[] =>
      existing ? [{ provide: token, useExisting: existing }] : [];
    return {
      module: PartnershipsModule,
      imports: options.imports ?? [],
      controllers: PARTNERSHIPS_CONTROLLERS,
      providers: [
        { provide: PARTNERSHIPS_EVENT_STORE, useExisting: options.eventStore },
        { provide: PARTNERSHIPS_READ_MODELS, useExisting: options.readModels },
        { provide: PARTNERSHIPS_CONTENT_STORE, useExisting: options.contentStore },
        ...optional(PARTNERSHIPS_APPEND_LISTENER, options.appendListener),
        PartnershipsCommands,
        AgreementReads,
        DocumentUploads,
      ],
      exports: [PartnershipsCommands],
    };
  }
}
