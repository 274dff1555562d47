import { Command, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { catalogueRecordDecider } from '../catalogue-record';
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

/** Defined, revised detail by detail, retired: the life every record of the catalogue shares. */
export const pathDecider = catalogueRecordDecider<PathCommand, PathEvent, PathState, PathDetails>({
  category: TRAINING_PATH_CATEGORY,
  idKey: 'pathId',
  noun: 'path',
  details: PATH_DETAILS,
  check: checkPathDetails,
  commands: { define: 'DefinePath', revise: 'RevisePath', retire: 'RetirePath' },
  events: { defined: 'PathDefined', revised: 'PathRevised', retired: 'PathRetired' },
});
