import { Command, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { catalogueRecordDecider } from '../catalogue-record';
import { checkModuleDetails, MODULE_DETAILS, ModuleDetails } from './module-details';

export const TRAINING_MODULE_CATEGORY = 'trainingModule';
export const trainingModuleStreamName = (moduleId: string): string =>
  streamName(TRAINING_MODULE_CATEGORY, moduleId);

export type DefineModule = Command<'DefineModule', { moduleId: string } & ModuleDetails>;
/** Some details, each given whole (a new competences list replaces the old one). */
export type ReviseModule = Command<'ReviseModule', { moduleId: string; changes: Partial<ModuleDetails> }>;
export type RetireModule = Command<'RetireModule', { moduleId: string; reason?: string }>;
export type ModuleCommand = DefineModule | ReviseModule | RetireModule;

export type ModuleDefined = DomainEvent<
  'ModuleDefined',
  { moduleId: string; definedAt: string; by: string } & ModuleDetails
>;
/** `changes`: the details that changed, each whole. */
export type ModuleRevised = DomainEvent<
  'ModuleRevised',
  { moduleId: string; changes: Partial<ModuleDetails>; revisedAt: string; by: string }
>;
export type ModuleRetired = DomainEvent<
  'ModuleRetired',
  { moduleId: string; reason: string | null; retiredAt: string; by: string }
>;
export type ModuleEvent = ModuleDefined | ModuleRevised | ModuleRetired;

export type ModuleStatus = 'active' | 'retired';
export type TrainingModule = {
  readonly status: ModuleStatus;
  readonly moduleId: string;
  readonly definedAt: string;
  readonly retiredAt: string | null;
} & ModuleDetails;
export type ModuleState = { readonly status: 'none' } | TrainingModule;

/** Defined, revised detail by detail, retired: the life every record of the catalogue shares. */
export const moduleDecider = catalogueRecordDecider<ModuleCommand, ModuleEvent, ModuleState, ModuleDetails>({
  category: TRAINING_MODULE_CATEGORY,
  idKey: 'moduleId',
  noun: 'module',
  details: MODULE_DETAILS,
  check: checkModuleDetails,
  commands: { define: 'DefineModule', revise: 'ReviseModule', retire: 'RetireModule' },
  events: { defined: 'ModuleDefined', revised: 'ModuleRevised', retired: 'ModuleRetired' },
});
