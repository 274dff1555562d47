import { FundingFiguresController } from './api/figures.controller';
import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { AgreementsController } from './api/agreements.controller';
import { ApplicantsController } from './api/applicants.controller';
import { ApplicationsController } from './api/applications.controller';
import { CallsController } from './api/calls.controller';
import { DecisionsController } from './api/decisions.controller';
import { EnvelopesController } from './api/envelopes.controller';
import { EvaluationsController } from './api/evaluations.controller';
import { AgreementParties } from './application/agreement-parties';
import { ApplicantFacts } from './application/applicant-facts';
import { ApplicantSuspension } from './application/applicant-suspension';
import {
  AwardProcess,
  AwardProcessSettings,
  FUNDING_AWARD_PROCESS_SETTINGS,
} from './application/award-process';
import { CallRanking } from './application/call-ranking';
import { CommitteeComposition } from './application/committee-composition';
import { EnvelopeFunder } from './application/envelope-funder';
import { FundingCommands } from './application/funding-commands';
import {
  FUNDING_APPEND_LISTENER,
  FUNDING_COMMITTEE_DIRECTORY,
  FUNDING_EVALUATOR_AFFILIATIONS,
  FUNDING_EVENT_STORE,
  FUNDING_READ_MODELS,
  FUNDING_REGISTRY_FACTS,
  FundingInfrastructure,
} from './application/funding-ports';
import { GrantDecisions } from './application/grant-decisions';
import { OnRegistryEvents } from './policies/on-registry-events';
import { InMemoryRegistryFacts } from './policies/registry-facts-stores';

export interface FundingModuleOptions extends FundingInfrastructure {
  /** Modules that export the host's providers named above, when they are not global. */
  imports?: (DynamicModule | Type<unknown>)[];
  /** The award process: its pass interval, and its grace period (0 where one process writes the log). */
  awardProcess?: Partial<AwardProcessSettings>;
}

/**
 * Funding's HTTP API, command handling, award process and Registry policy, on the infrastructure
 * its host profile provides. The policy (`OnRegistryEvents`) receives the Registry's integration events
 * from whichever transport the host connects (Kafka, or the embedded transport).
 */
@Module({})
export class FundingModule {
  static forRoot(options: FundingModuleOptions): DynamicModule {
    const optional = (token: symbol, existing?: symbol | string): Provider[] =>
      existing ? [{ provide: token, useExisting: existing }] : [];
    return {
      module: FundingModule,
      imports: options.imports ?? [],
      controllers: [
        EnvelopesController,
        CallsController,
        ApplicationsController,
        EvaluationsController,
        DecisionsController,
        AgreementsController,
        ApplicantsController,
        FundingFiguresController,
        OnRegistryEvents,
      ],
      providers: [
        { provide: FUNDING_EVENT_STORE, useExisting: options.eventStore },
        { provide: FUNDING_READ_MODELS, useExisting: options.readModels },
        options.registryFacts
          ? { provide: FUNDING_REGISTRY_FACTS, useExisting: options.registryFacts }
          : { provide: FUNDING_REGISTRY_FACTS, useFactory: () => new InMemoryRegistryFacts() },
        ...optional(FUNDING_APPEND_LISTENER, options.appendListener),
        ...optional(FUNDING_EVALUATOR_AFFILIATIONS, options.evaluatorAffiliations),
        { provide: FUNDING_COMMITTEE_DIRECTORY, useExisting: options.committeeDirectory },
        FundingCommands,
        CommitteeComposition,
        AgreementParties,
        EnvelopeFunder,
        ApplicantFacts,
        ApplicantSuspension,
        CallRanking,
        GrantDecisions,
        { provide: FUNDING_AWARD_PROCESS_SETTINGS, useValue: options.awardProcess ?? {} },
        AwardProcess,
      ],
      exports: [
        FundingCommands,
        GrantDecisions,
        AwardProcess,
        CallRanking,
        ApplicantFacts,
        FUNDING_REGISTRY_FACTS,
      ],
    };
  }
}
