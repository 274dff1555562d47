import { DynamicModule, Module } from '@nestjs/common';
import { fundingProblems, FundingModule } from '@tadamon/funding';
import { SEAL_WITNESS_VIEW, SealWitnessController, serviceModules, ServiceLogLevel } from '@tadamon/nest-kit';
import { FundingInfrastructure } from './infrastructure/funding-infrastructure';
import {
  APPEND_LISTENER,
  COMMITTEE_DIRECTORY,
  DOCUMENT_STORE,
  EVENT_STORE,
  fundingProviders,
  LOG_SEALS,
  REGISTRY_FACTS,
} from './infrastructure/funding-infrastructure.module';

export interface AppModuleOptions {
  infrastructure: FundingInfrastructure;
  logLevel: ServiceLogLevel;
}

/** The Funding service: the Funding context alone, on the distributed profile's infrastructure. */
@Module({})
export class AppModule {
  static create({ infrastructure, logLevel }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceModules({
          appName: 'funding',
          config: infrastructure.config,
          logLevel,
          problemMappers: [fundingProblems],
          infrastructure,
          providers: fundingProviders(infrastructure),
        }),
        // No evaluator affiliations: this service has no user directory (see docs/funding-service.md);
        // the committee is the configured list TADAMON_COMMITTEE_MEMBERS.
        FundingModule.forRoot({
          eventStore: EVENT_STORE,
          readModels: DOCUMENT_STORE,
          registryFacts: REGISTRY_FACTS,
          appendListener: APPEND_LISTENER,
          committeeDirectory: COMMITTEE_DIRECTORY,
          // Several instances may write the log: a young commitment is left to its award.
          awardProcess: infrastructure.config.awardProcess,
        }),
      ],
      controllers: [SealWitnessController],
      providers: [{ provide: SEAL_WITNESS_VIEW, useExisting: LOG_SEALS }],
    };
  }
}
