import { DynamicModule } from '@nestjs/common';
import { fundingProblems, FundingModule, listedCommittee } from '@tadamon/funding';
import { ContextServiceModule } from '@tadamon/messaging';
import { ServiceLogLevel } from '@tadamon/nest-kit';
import { FundingInfrastructure } from './infrastructure/funding-infrastructure';

const REGISTRY_FACTS = Symbol('REGISTRY_FACTS');
const COMMITTEE_DIRECTORY = Symbol('COMMITTEE_DIRECTORY');

/** The Funding service: the Funding context alone, on the distributed profile's infrastructure. */
export const fundingServiceModule = (
  infrastructure: FundingInfrastructure,
  logLevel: ServiceLogLevel,
): DynamicModule =>
  ContextServiceModule.create({
    appName: 'funding',
    infrastructure,
    logLevel,
    problemMappers: [fundingProblems],
    providers: [
      { provide: REGISTRY_FACTS, useValue: infrastructure.consumerState.facts },
      { provide: COMMITTEE_DIRECTORY, useValue: listedCommittee(infrastructure.config.committeeMembers) },
    ],
    // No evaluator affiliations: this service has no user directory (see docs/funding-service.md);
    // the committee is the configured list TADAMON_COMMITTEE_MEMBERS.
    context: ({ eventStore, readModels, appendListener }) =>
      FundingModule.forRoot({
        eventStore,
        readModels,
        appendListener,
        registryFacts: REGISTRY_FACTS,
        committeeDirectory: COMMITTEE_DIRECTORY,
        // Several instances may write the log: a young commitment is left to its award.
        awardProcess: infrastructure.config.awardProcess,
      }),
  });
