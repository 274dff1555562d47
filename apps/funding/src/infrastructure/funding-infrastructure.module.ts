import { ValueProvider } from '@nestjs/common';
import { listedCommittee } from '@tadamon/funding';
import { FundingInfrastructure } from './funding-infrastructure';

export const EVENT_STORE = Symbol('EVENT_STORE');
export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
export const REGISTRY_FACTS = Symbol('REGISTRY_FACTS');
export const APPEND_LISTENER = Symbol('APPEND_LISTENER');
export const COMMITTEE_DIRECTORY = Symbol('COMMITTEE_DIRECTORY');
export const LOG_SEALS = Symbol('LOG_SEALS');

/** The distributed profile's infrastructure as the providers FundingModule injects. */
export const fundingProviders = (infrastructure: FundingInfrastructure): ValueProvider[] => [
  { provide: EVENT_STORE, useValue: infrastructure.eventStore },
  { provide: DOCUMENT_STORE, useValue: infrastructure.documents },
  { provide: REGISTRY_FACTS, useValue: infrastructure.consumerState.facts },
  { provide: APPEND_LISTENER, useValue: infrastructure.appendListener },
  { provide: COMMITTEE_DIRECTORY, useValue: listedCommittee(infrastructure.config.committeeMembers) },
  { provide: LOG_SEALS, useValue: infrastructure.logSeals },
];
