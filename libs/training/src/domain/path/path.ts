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
import { checkPathDetails, PATH_DETAILS, PathDetails } from './path-details';

export const TRAINING_PATH_CATEGORY = 'trainingPath';
export const trainingPathStreamName = (pathId: string): string => streamName(TRAINING_PATH_CATEGORY, pathId);

export type DefinePath = Command<'DefinePath', { pathId: string } & PathDetails>;
/** Some details, each given whole (a new module list replaces the old one). */
export type RevisePath = Command<'RevisePath', { pathId: string; changes: Partial<PathDetails> }>;
export type RetirePath = Command<'RetirePath', { pathId: string; reason?: string }>;
export type PathCommand = DefinePath | RevisePath | RetirePath;

export type PathDefined = DomainEvent<
  'PathDefined',
  { pathId: string; definedAt: string; by: string } & PathDetails
>;
/** `changes`: the details that changed, each whole. */
export type PathRevised = DomainEvent<
  'PathRevised',
  { pathId: string; changes: Partial<PathDetails>; revisedAt: string; by: string }
>;
export type PathRetired = DomainEvent<
  'PathRetired',
  { pathId: string; reason: string | null; retiredAt: string; by: string }
>;
export type PathEvent = PathDefined | PathRevised | PathRetired;

export type PathStatus = 'active' | 'retired';
export type TrainingPath = {
  readonly status: PathStatus;
  readonly pathId: string;
  readonly definedAt: string;
  readonly retiredAt: string | null;
} & PathDetails;
export type PathState = { readonly status: 'none' } | TrainingPath;

export const initialPathState = (): PathState => ({ status: 'none' });

const PATH = 'trainingPath';

const checkChanges = (issues: FieldIssues, current: PathDetails, value: unknown): Partial<PathDetails> =>
  checkDetailChanges(issues, current, value, PATH_DETAILS, checkPathDetails, 'is not a detail of the path');

export const decidePath = (command: PathCommand, state: PathState): PathEvent[] => {
  const { now, actor } = command.metadata;
  const by = actor.id;
  const issues = new FieldIssues();
  const pathId = checkId(issues, 'pathId', command.data.pathId);
  if (state.status === 'none') {
    if (command.type !== 'DefinePath') throw new NotCreated(PATH, command.type);
    const details = checkPathDetails(issues, '', command.data);
    issues.throwIfAny();
    return [{ type: 'PathDefined', data: { pathId, ...details, definedAt: now, by } }];
  }
  if (pathId !== state.pathId) issues.add('pathId', `must be ${state.pathId}, the path of this stream`);
  issues.throwIfAny();
  switch (command.type) {
    case 'DefinePath': {
      const details = checkPathDetails(issues, '', command.data);
      issues.throwIfAny();
      if (sameJson(details, detailsOf(state, PATH_DETAILS))) return [];
      throw new AlreadyCreated(PATH, pathId);
    }
    case 'RevisePath': {
      if (state.status !== 'active') throw new InvalidTransition(PATH, state.status, command.type);
      const changes = checkChanges(issues, detailsOf(state, PATH_DETAILS), command.data.changes);
      issues.throwIfAny();
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'PathRevised', data: { pathId, changes, revisedAt: now, by } }];
    }
    case 'RetirePath': {
      const reason = checkOptionalText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      issues.throwIfAny();
      if (state.status === 'retired') return [];
      return [{ type: 'PathRetired', data: { pathId, reason, retiredAt: now, by } }];
    }
  }
};

export const evolvePath = (state: PathState, event: PathEvent): PathState => {
  if (event.type === 'PathDefined') {
    const { pathId, definedAt, by: _by, ...details } = event.data;
    return { status: 'active', pathId, definedAt, retiredAt: null, ...details };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PathRevised':
      return { ...state, ...event.data.changes };
    case 'PathRetired':
      return { ...state, status: 'retired', retiredAt: event.data.retiredAt };
  }
};

export const pathDecider: Decider<PathCommand, PathEvent, PathState> = {
  decide: decidePath,
  evolve: evolvePath,
  initialState: initialPathState,
};
