import { Command, Decider, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated } from '../errors';
import {
  checkDetailChanges,
  checkId,
  checkOptionalText,
  detailsOf,
  FieldIssues,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
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

export const initialModuleState = (): ModuleState => ({ status: 'none' });

const MODULE = 'trainingModule';

const checkChanges = (issues: FieldIssues, current: ModuleDetails, value: unknown): Partial<ModuleDetails> =>
  checkDetailChanges(
    issues,
    current,
    value,
    MODULE_DETAILS,
    checkModuleDetails,
    'is not a detail of the module',
  );

export const decideModule = (command: ModuleCommand, state: ModuleState): ModuleEvent[] => {
  const { now, actor } = command.metadata;
  const by = actor.id;
  const issues = new FieldIssues();
  const moduleId = checkId(issues, 'moduleId', command.data.moduleId);
  if (state.status === 'none') {
    if (command.type !== 'DefineModule') throw new NotCreated(MODULE, command.type);
    const details = checkModuleDetails(issues, '', command.data);
    issues.throwIfAny();
    return [{ type: 'ModuleDefined', data: { moduleId, ...details, definedAt: now, by } }];
  }
  if (moduleId !== state.moduleId)
    issues.add('moduleId', `must be ${state.moduleId}, the module of this stream`);
  issues.throwIfAny();
  switch (command.type) {
    case 'DefineModule': {
      const details = checkModuleDetails(issues, '', command.data);
      issues.throwIfAny();
      if (sameJson(details, detailsOf(state, MODULE_DETAILS))) return [];
      throw new AlreadyCreated(MODULE, moduleId);
    }
    case 'ReviseModule': {
      if (state.status !== 'active') throw new InvalidTransition(MODULE, state.status, command.type);
      const changes = checkChanges(issues, detailsOf(state, MODULE_DETAILS), command.data.changes);
      issues.throwIfAny();
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'ModuleRevised', data: { moduleId, changes, revisedAt: now, by } }];
    }
    case 'RetireModule': {
      const reason = checkOptionalText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      issues.throwIfAny();
      if (state.status === 'retired') return [];
      return [{ type: 'ModuleRetired', data: { moduleId, reason, retiredAt: now, by } }];
    }
  }
};

export const evolveModule = (state: ModuleState, event: ModuleEvent): ModuleState => {
  if (event.type === 'ModuleDefined') {
    const { moduleId, definedAt, by: _by, ...details } = event.data;
    return { status: 'active', moduleId, definedAt, retiredAt: null, ...details };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ModuleRevised':
      return { ...state, ...event.data.changes };
    case 'ModuleRetired':
      return { ...state, status: 'retired', retiredAt: event.data.retiredAt };
  }
};

export const moduleDecider: Decider<ModuleCommand, ModuleEvent, ModuleState> = {
  decide: decideModule,
  evolve: evolveModule,
  initialState: initialModuleState,
};
