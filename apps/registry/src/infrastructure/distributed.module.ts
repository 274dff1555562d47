import { ValueProvider } from '@nestjs/common';
import { DistributedInfrastructure } from './distributed-infrastructure';

export const EVENT_STORE = Symbol('EVENT_STORE');
export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
export const PERSONAL_DATA = Symbol('PERSONAL_DATA');
export const APPEND_LISTENER = Symbol('APPEND_LISTENER');
export const LOG_SEALS = Symbol('LOG_SEALS');

/** The distributed profile's infrastructure as the providers RegistryModule injects. */
export const registryProviders = (infrastructure: DistributedInfrastructure): ValueProvider[] => [
  { provide: EVENT_STORE, useValue: infrastructure.eventStore },
  { provide: DOCUMENT_STORE, useValue: infrastructure.documents },
  { provide: PERSONAL_DATA, useValue: infrastructure.personalData },
  { provide: APPEND_LISTENER, useValue: infrastructure.appendListener },
  { provide: LOG_SEALS, useValue: infrastructure.logSeals },
];
