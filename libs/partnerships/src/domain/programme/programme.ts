import { Command, Decider, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated } from '../errors';
import {
  checkDetailChanges,
  checkId,
  checkOptionalText,
  FieldIssues,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
import { checkProgrammeDetails, PROGRAMME_DETAILS, ProgrammeDetails } from './programme-details';

export const PROGRAMME_CATEGORY = 'programme';
export const programmeStreamName = (programmeId: string): string =>
  streamName(PROGRAMME_CATEGORY, programmeId);

/** Details as a client sends them: the description may be left out. */
export type ProgrammeDetailsInput = Omit<ProgrammeDetails, 'description'> &
  Partial<Pick<ProgrammeDetails, 'description'>>;

export type DefineProgramme = Command<'DefineProgramme', { programmeId: string } & ProgrammeDetailsInput>;
/** Some details, each given whole (a new budget replaces the old one). */
export type ReviseProgramme = Command<
  'ReviseProgramme',
  { programmeId: string; changes: Partial<ProgrammeDetailsInput> }
>;
export type CloseProgramme = Command<'CloseProgramme', { programmeId: string; reason?: string }>;
export type ProgrammeCommand = DefineProgramme | ReviseProgramme | CloseProgramme;

export type ProgrammeDefined = DomainEvent<
  'ProgrammeDefined',
  { programmeId: string; definedAt: string; by: string } & ProgrammeDetails
>;
/** `changes`: the details that changed, each whole. */
export type ProgrammeRevised = DomainEvent<
  'ProgrammeRevised',
  { programmeId: string; changes: Partial<ProgrammeDetails>; revisedAt: string; by: string }
>;
export type ProgrammeClosed = DomainEvent<
  'ProgrammeClosed',
  { programmeId: string; reason: string | null; closedAt: string; by: string }
>;
export type ProgrammeEvent = ProgrammeDefined | ProgrammeRevised | ProgrammeClosed;

export type ProgrammeStatus = 'active' | 'closed';
export type Programme = {
  readonly status: ProgrammeStatus;
  readonly programmeId: string;
  readonly definedAt: string;
  readonly closedAt: string | null;
  readonly closingReason: string | null;
} & ProgrammeDetails;
export type ProgrammeState = { readonly status: 'none' } | Programme;

export const initialProgrammeState = (): ProgrammeState => ({ status: 'none' });

const PROGRAMME = 'programme';

const detailsOf = (state: Programme): ProgrammeDetails => {
  const { name, description, partnerId, funderIds, budget, period } = state;
  return { name, description, partnerId, funderIds, budget, period };
};

const checkChanges = (
  issues: FieldIssues,
  current: ProgrammeDetails,
  value: unknown,
): Partial<ProgrammeDetails> =>
  checkDetailChanges(
    issues,
    current,
    value,
    PROGRAMME_DETAILS,
    checkProgrammeDetails,
    'is not a detail of the programme',
  );

export const decideProgramme = (command: ProgrammeCommand, state: ProgrammeState): ProgrammeEvent[] => {
  const { now, actor } = command.metadata;
  const by = actor.id;
  const issues = new FieldIssues();
  const programmeId = checkId(issues, 'programmeId', command.data.programmeId);
  if (state.status === 'none') {
    if (command.type !== 'DefineProgramme') throw new NotCreated(PROGRAMME, command.type);
    const details = checkProgrammeDetails(issues, '', command.data);
    issues.throwIfAny();
    return [{ type: 'ProgrammeDefined', data: { programmeId, ...details, definedAt: now, by } }];
  }
  if (programmeId !== state.programmeId)
    issues.add('programmeId', `must be ${state.programmeId}, the programme of this stream`);
  issues.throwIfAny();
  switch (command.type) {
    case 'DefineProgramme': {
      const details = checkProgrammeDetails(issues, '', command.data);
      issues.throwIfAny();
      if (sameJson(details, detailsOf(state))) return [];
      throw new AlreadyCreated(PROGRAMME, programmeId);
    }
    case 'ReviseProgramme': {
      if (state.status !== 'active') throw new InvalidTransition(PROGRAMME, state.status, command.type);
      const changes = checkChanges(issues, detailsOf(state), command.data.changes);
      issues.throwIfAny();
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'ProgrammeRevised', data: { programmeId, changes, revisedAt: now, by } }];
    }
    case 'CloseProgramme': {
      const reason = checkOptionalText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      issues.throwIfAny();
      if (state.status === 'closed') return [];
      return [{ type: 'ProgrammeClosed', data: { programmeId, reason, closedAt: now, by } }];
    }
  }
};

export const evolveProgramme = (state: ProgrammeState, event: ProgrammeEvent): ProgrammeState => {
  if (event.type === 'ProgrammeDefined') {
    const { programmeId, definedAt, by: _by, ...details } = event.data;
    return { status: 'active', programmeId, definedAt, closedAt: null, closingReason: null, ...details };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ProgrammeRevised':
      return { ...state, ...event.data.changes };
    case 'ProgrammeClosed':
      return { ...state, status: 'closed', closedAt: event.data.closedAt, closingReason: event.data.reason };
  }
};

export const programmeDecider: Decider<ProgrammeCommand, ProgrammeEvent, ProgrammeState> = {
  decide: decideProgramme,
  evolve: evolveProgramme,
  initialState: initialProgrammeState,
};
