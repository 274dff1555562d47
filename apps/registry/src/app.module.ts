import { DynamicModule } from '@nestjs/common';
import { ContextServiceModule } from '@tadamon/messaging';
import { ServiceLogLevel } from '@tadamon/nest-kit';
import { registryProblems, RegistryModule } from '@tadamon/registry';
import { DistributedInfrastructure } from './infrastructure/distributed-infrastructure';

const PERSONAL_DATA = Symbol('PERSONAL_DATA');

/** The Registry service: the Registry context alone, on the distributed profile's infrastructure. */
export const registryServiceModule = (
  infrastructure: DistributedInfrastructure,
  logLevel: ServiceLogLevel,
): DynamicModule =>
  ContextServiceModule.create({
    appName: 'registry',
    infrastructure,
    logLevel,
    problemMappers: [registryProblems],
    providers: [{ provide: PERSONAL_DATA, useValue: infrastructure.personalData }],
    context: ({ eventStore, readModels, appendListener }) =>
      RegistryModule.forRoot({ eventStore, readModels, appendListener, personalData: PERSONAL_DATA }),
  });
