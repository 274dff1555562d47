import { DynamicModule } from '@nestjs/common';
import { ContextServiceModule } from '@tadamon/messaging';
import { partnershipsProblems, PartnershipsModule } from '@tadamon/partnerships';
import { ServiceLogLevel } from '@tadamon/nest-kit';
import { PartnershipsInfrastructure } from './infrastructure/partnerships-infrastructure';

/** Where the documents attached to agreements and projects are kept, for PartnershipsModule. */
export const CONTENT_STORE = Symbol('CONTENT_STORE');
/** Partnerships' directory of Registry organisations, in the consumer's database. */
const REGISTRY_DIRECTORY = Symbol('REGISTRY_DIRECTORY');

/** The Partnerships service: the Partnerships context alone, on the distributed profile's infrastructure. */
export const partnershipsServiceModule = (
  infrastructure: PartnershipsInfrastructure,
  logLevel: ServiceLogLevel,
): DynamicModule =>
  ContextServiceModule.create({
    appName: 'partnerships',
    infrastructure,
    logLevel,
    problemMappers: [partnershipsProblems],
    // Closed by the infrastructure, after the app (and every upload in flight) has stopped.
    providers: [
      { provide: CONTENT_STORE, useValue: infrastructure.contentStore },
      { provide: REGISTRY_DIRECTORY, useValue: infrastructure.consumerState.directory },
    ],
    context: ({ eventStore, readModels, appendListener }) =>
      PartnershipsModule.forRoot({
        eventStore,
        readModels,
        appendListener,
        contentStore: CONTENT_STORE,
        registryDirectory: REGISTRY_DIRECTORY,
        agreementExpiry: infrastructure.config.agreementExpiry,
        maxDocumentBytes: infrastructure.config.maxDocumentBytes,
      }),
  });
