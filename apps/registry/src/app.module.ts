import { DynamicModule, Module } from '@nestjs/common';
import { SEAL_WITNESS_VIEW, SealWitnessController, serviceModules } from '@tadamon/nest-kit';
import { registryProblems, RegistryModule } from '@tadamon/registry';
import { LogLevel } from './config';
import { DistributedInfrastructure } from './infrastructure/distributed-infrastructure';
import {
  APPEND_LISTENER,
  DOCUMENT_STORE,
  EVENT_STORE,
  LOG_SEALS,
  PERSONAL_DATA,
  registryProviders,
} from './infrastructure/distributed.module';

export interface AppModuleOptions {
  infrastructure: DistributedInfrastructure;
  logLevel: LogLevel;
}

/** The Registry service: the Registry context alone, on the distributed profile's infrastructure. */
@Module({})
export class AppModule {
  static create({ infrastructure, logLevel }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceModules({
          appName: 'registry',
          config: infrastructure.config,
          logLevel,
          problemMappers: [registryProblems],
          infrastructure,
          providers: registryProviders(infrastructure),
        }),
        RegistryModule.forRoot({
          eventStore: EVENT_STORE,
          readModels: DOCUMENT_STORE,
          personalData: PERSONAL_DATA,
          appendListener: APPEND_LISTENER,
        }),
      ],
      controllers: [SealWitnessController],
      providers: [{ provide: SEAL_WITNESS_VIEW, useExisting: LOG_SEALS }],
    };
  }
}
