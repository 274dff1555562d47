import { Command, Decider, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { GeoCode, HOME_COUNTRY } from '@tadamon/reference-data';
import { AlreadyRegistered, InvalidTransition, NotRegistered, RegistryError } from '../errors';
import {
  checkCountry,
  checkCount,
  checkDate,
  checkGeoCode,
  checkId,
  checkList,
  checkLocalizedText,
  checkOptionalText,
  checkSector,
  checkText,
  checkWebsite,
  FieldIssues,
  LocalizedText,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';

export const ASSOCIATION_CATEGORY = 'association';
export const associationStreamName = (associationId: string): string =>
  streamName(ASSOCIATION_CATEGORY, associationId);

export type LegalRegistration = {
  readonly country: string;
  readonly authority: string;
  readonly number: string;
};
export type HostCity = { readonly country: string; readonly name: string };
/** Communes are not in the reference data yet: a name under its (2015) province. */
export type OriginCommune = { readonly province: GeoCode; readonly name: string };

export type AssociationProfile = {
  readonly names: LocalizedText;
  readonly acronym: string | null;
  readonly legalRegistration: LegalRegistration | null;
  readonly hostCountries: readonly string[];
  readonly hostCities: readonly HostCity[];
  readonly originRegions: readonly GeoCode[];
  readonly originProvinces: readonly GeoCode[];
  readonly originCommunes: readonly OriginCommune[];
  readonly sectors: readonly string[];
  readonly membersCount: number | null;
  readonly website: string | null;
  /** YYYY-MM-DD */
  readonly foundedOn: string | null;
};
export type ProfileField = keyof AssociationProfile;
export const PROFILE_FIELDS: readonly ProfileField[] = [
  'names',
  'acronym',
  'legalRegistration',
  'hostCountries',
  'hostCities',
  'originRegions',
  'originProvinces',
  'originCommunes',
  'sectors',
  'membersCount',
  'website',
  'foundedOn',
];

/** What a registration carries: the names and at least one host country; the rest may come later. */
export type AssociationProfileInput = Pick<AssociationProfile, 'names' | 'hostCountries'> &
  Partial<Omit<AssociationProfile, 'names' | 'hostCountries'>>;

export type AssociationStatus = 'submitted' | 'verified' | 'rejected' | 'suspended' | 'dissolved' | 'merged';

// ---- commands ----
export type RegisterAssociation = Command<
  'RegisterAssociation',
  { associationId: string; profile: AssociationProfileInput }
>;
export type ChangeAssociationProfile = Command<
  'ChangeAssociationProfile',
  { associationId: string; changes: Partial<AssociationProfile> }
>;
export type VerifyAssociation = Command<'VerifyAssociation', { associationId: string }>;
export type RejectAssociation = Command<'RejectAssociation', { associationId: string; reason: string }>;
export type SuspendAssociation = Command<'SuspendAssociation', { associationId: string; reason: string }>;
export type ReinstateAssociation = Command<'ReinstateAssociation', { associationId: string }>;
export type DissolveAssociation = Command<'DissolveAssociation', { associationId: string; reason: string }>;
export type FlagSuspectedDuplicate = Command<
  'FlagSuspectedDuplicate',
  { associationId: string; otherAssociationId: string; reason: string }
>;
export type MergeAssociationInto = Command<
  'MergeAssociationInto',
  { associationId: string; survivorId: string }
>;

export type AssociationCommand =
  | RegisterAssociation
  | ChangeAssociationProfile
  | VerifyAssociation
  | RejectAssociation
  | SuspendAssociation
  | ReinstateAssociation
  | DissolveAssociation
  | FlagSuspectedDuplicate
  | MergeAssociationInto;

// ---- events ----
type Audit<At extends string> = { readonly [K in At]: string } & { readonly by: string };
export type AssociationRegistered = DomainEvent<
  'AssociationRegistered',
  { associationId: string; profile: AssociationProfile } & Audit<'registeredAt'>
>;
export type AssociationProfileChanged = DomainEvent<
  'AssociationProfileChanged',
  { associationId: string; changes: Partial<AssociationProfile> } & Audit<'changedAt'>
>;
export type AssociationVerified = DomainEvent<
  'AssociationVerified',
  { associationId: string } & Audit<'verifiedAt'>
>;
export type AssociationRejected = DomainEvent<
  'AssociationRejected',
  { associationId: string; reason: string } & Audit<'rejectedAt'>
>;
export type AssociationSuspended = DomainEvent<
  'AssociationSuspended',
  { associationId: string; reason: string } & Audit<'suspendedAt'>
>;
export type AssociationReinstated = DomainEvent<
  'AssociationReinstated',
  { associationId: string } & Audit<'reinstatedAt'>
>;
export type AssociationDissolved = DomainEvent<
  'AssociationDissolved',
  { associationId: string; reason: string } & Audit<'dissolvedAt'>
>;
export type AssociationSuspectedDuplicateFlagged = DomainEvent<
  'AssociationSuspectedDuplicateFlagged',
  { associationId: string; otherAssociationId: string; reason: string } & Audit<'flaggedAt'>
>;
export type AssociationMerged = DomainEvent<
  'AssociationMerged',
  { associationId: string; survivorId: string } & Audit<'mergedAt'>
>;

export type AssociationEvent =
  | AssociationRegistered
  | AssociationProfileChanged
  | AssociationVerified
  | AssociationRejected
  | AssociationSuspended
  | AssociationReinstated
  | AssociationDissolved
  | AssociationSuspectedDuplicateFlagged
  | AssociationMerged;

// ---- state ----
export type RegisteredAssociation = {
  readonly status: AssociationStatus;
  readonly associationId: string;
  readonly profile: AssociationProfile;
  readonly suspectedDuplicates: readonly { otherAssociationId: string; reason: string }[];
  readonly survivorId: string | null;
};
export type AssociationState = { readonly status: 'none' } | RegisteredAssociation;

export const initialAssociationState = (): AssociationState => ({ status: 'none' });

// ---- errors ----
/** A merged association lives on in its survivor: it accepts no further command. */
export class AssociationMergedAway extends RegistryError {
  readonly code = 'ASSOCIATION_MERGED';
  constructor(
    readonly associationId: string,
    readonly survivorId: string,
  ) {
    super(`association ${associationId} was merged into ${survivorId}`);
  }
  override params() {
    return { survivorId: this.survivorId };
  }
  override extensions() {
    return { survivorId: this.survivorId };
  }
}

// ---- validation ----
const checkLegalRegistration = (
  issues: FieldIssues,
  field: string,
  value: unknown,
): LegalRegistration | null => {
  if (value === null) return null;
  const input = (typeof value === 'object' ? value : {}) as Record<string, unknown>;
  if (typeof value !== 'object') issues.add(field, 'must be { country, authority, number } or null');
  return {
    country: checkCountry(issues, `${field}.country`, input['country']),
    authority: checkText(issues, `${field}.authority`, input['authority']),
    number: checkText(issues, `${field}.number`, input['number'], 100),
  };
};

const fieldCheckers: {
  [K in ProfileField]: (
    issues: FieldIssues,
    field: string,
    value: unknown,
    now: string,
  ) => AssociationProfile[K];
} = {
  names: (issues, field, value) => checkLocalizedText(issues, field, value),
  acronym: (issues, field, value) => checkOptionalText(issues, field, value, 30),
  legalRegistration: checkLegalRegistration,
  hostCountries: (issues, field, value) =>
    checkList(
      issues,
      field,
      value,
      (f, v) => {
        const code = checkCountry(issues, f, v);
        if (code === HOME_COUNTRY) issues.add(f, 'Morocco is the country of origin, not a host country');
        return code;
      },
      { min: 1, key: String },
    ),
  hostCities: (issues, field, value) =>
    checkList(issues, field, value, (f, v) => {
      const input = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
      return {
        country: checkCountry(issues, `${f}.country`, input['country']),
        name: checkText(issues, `${f}.name`, input['name'], 100),
      };
    }),
  originRegions: (issues, field, value) =>
    checkList(issues, field, value, (f, v) => checkGeoCode(issues, f, v, { levels: ['region'] })),
  originProvinces: (issues, field, value) =>
    checkList(issues, field, value, (f, v) => checkGeoCode(issues, f, v, { levels: ['province'] })),
  originCommunes: (issues, field, value) =>
    checkList(issues, field, value, (f, v) => {
      const input = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
      return {
        province: checkGeoCode(issues, `${f}.province`, input['province'], { levels: ['province'] }),
        name: checkText(issues, `${f}.name`, input['name'], 100),
      };
    }),
  sectors: (issues, field, value) =>
    checkList(issues, field, value, (f, v) => checkSector(issues, f, v), { key: String }),
  membersCount: (issues, field, value) => (value === null ? null : checkCount(issues, field, value)),
  website: (issues, field, value) => (value === null ? null : checkWebsite(issues, field, value)),
  foundedOn: (issues, field, value, now) => (value === null ? null : checkDate(issues, field, value, now)),
};

/** Checks the given fields only (unknown ones refused); `undefined` values count as absent. */
const checkProfileFields = (
  issues: FieldIssues,
  field: string,
  input: unknown,
  now: string,
): Partial<AssociationProfile> => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    issues.add(field, 'must be an object');
    return {};
  }
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (!(PROFILE_FIELDS as readonly string[]).includes(key)) {
      issues.add(`${field}.${key}`, 'is not a profile field');
      continue;
    }
    result[key] = fieldCheckers[key as ProfileField](issues, `${field}.${key}`, value, now);
  }
  return result as Partial<AssociationProfile>;
};

/**
 * Rules across fields, on the whole profile after a registration or a change. A fault is named
 * where the command sent it (`sent`, under `prefix`): a change of the host countries alone that
 * leaves a city outside them names the countries, not cities the command did not carry.
 */
const checkProfileConsistency = (
  issues: FieldIssues,
  prefix: string,
  profile: AssociationProfile,
  sent: Partial<AssociationProfile> = profile,
): void => {
  profile.hostCities.forEach((city, i) => {
    if (profile.hostCountries.includes(city.country)) return;
    if (sent.hostCities !== undefined)
      issues.add(`${prefix}.hostCities[${i}].country`, 'must be one of the host countries');
    else issues.add(`${prefix}.hostCountries`, `must include ${city.country}, the country of a host city`);
  });
};

const EMPTY_PROFILE: Omit<AssociationProfile, 'names' | 'hostCountries'> = {
  acronym: null,
  legalRegistration: null,
  hostCities: [],
  originRegions: [],
  originProvinces: [],
  originCommunes: [],
  sectors: [],
  membersCount: null,
  website: null,
  foundedOn: null,
};

/** The normalised profile of a registration (trimmed, duplicates dropped), or ValidationFailed. */
export const checkAssociationProfile = (input: unknown, now: string): AssociationProfile => {
  const issues = new FieldIssues();
  const given = checkProfileFields(issues, 'profile', input, now);
  if (given.names === undefined) issues.add('profile.names', 'is required');
  if (given.hostCountries === undefined) issues.add('profile.hostCountries', 'is required');
  const profile = { ...EMPTY_PROFILE, ...given } as AssociationProfile;
  if (issues.count === 0) checkProfileConsistency(issues, 'profile', profile);
  issues.throwIfAny();
  return PROFILE_FIELDS.reduce((p, f) => ({ ...p, [f]: profile[f] }), {} as AssociationProfile);
};

// ---- decide ----
const ASSOCIATION = 'association';

const checkCommandId = (command: AssociationCommand, state: RegisteredAssociation | null): void => {
  const issues = new FieldIssues();
  checkId(issues, 'associationId', command.data.associationId);
  if (state && command.data.associationId !== state.associationId) {
    issues.add('associationId', `must be ${state.associationId}, the association of this stream`);
  }
  issues.throwIfAny();
};

const checkReason = (reason: unknown): string => {
  const issues = new FieldIssues();
  const text = checkText(issues, 'reason', reason, MAX_LONG_TEXT);
  issues.throwIfAny();
  return text;
};

const checkOtherId = (field: string, other: unknown, self: string): string => {
  const issues = new FieldIssues();
  checkId(issues, field, other);
  if (other === self) issues.add(field, 'must be another association');
  issues.throwIfAny();
  return String(other);
};

const requireStatus = (
  state: RegisteredAssociation,
  command: AssociationCommand,
  allowed: readonly AssociationStatus[],
): void => {
  if (!allowed.includes(state.status)) throw new InvalidTransition(ASSOCIATION, state.status, command.type);
};

const LIVING: readonly AssociationStatus[] = ['submitted', 'verified', 'suspended'];

export const decideAssociation = (
  command: AssociationCommand,
  state: AssociationState,
): AssociationEvent[] => {
  const { now, actor } = command.metadata;
  if (state.status === 'none') {
    if (command.type !== 'RegisterAssociation') throw new NotRegistered(ASSOCIATION, command.type);
    checkCommandId(command, null);
    const profile = checkAssociationProfile(command.data.profile, now);
    const { associationId } = command.data;
    return [
      { type: 'AssociationRegistered', data: { associationId, profile, registeredAt: now, by: actor.id } },
    ];
  }
  checkCommandId(command, state);
  const { associationId } = state;
  if (state.status === 'merged') {
    if (command.type === 'MergeAssociationInto' && command.data.survivorId === state.survivorId) return [];
    throw new AssociationMergedAway(associationId, state.survivorId ?? '');
  }
  switch (command.type) {
    case 'RegisterAssociation': {
      const profile = checkAssociationProfile(command.data.profile, now);
      if (sameJson(profile, state.profile)) return [];
      throw new AlreadyRegistered(ASSOCIATION, associationId);
    }
    case 'ChangeAssociationProfile': {
      requireStatus(state, command, LIVING);
      const issues = new FieldIssues();
      const given = checkProfileFields(issues, 'changes', command.data.changes, now);
      issues.throwIfAny();
      const changes = Object.fromEntries(
        PROFILE_FIELDS.filter((f) => f in given && !sameJson(given[f], state.profile[f])).map((f) => [
          f,
          given[f],
        ]),
      ) as Partial<AssociationProfile>;
      if (Object.keys(changes).length === 0) return [];
      checkProfileConsistency(issues, 'changes', { ...state.profile, ...changes }, given);
      issues.throwIfAny();
      return [
        { type: 'AssociationProfileChanged', data: { associationId, changes, changedAt: now, by: actor.id } },
      ];
    }
    case 'VerifyAssociation':
      if (state.status === 'verified') return [];
      requireStatus(state, command, ['submitted']);
      return [{ type: 'AssociationVerified', data: { associationId, verifiedAt: now, by: actor.id } }];
    case 'RejectAssociation': {
      if (state.status === 'rejected') return [];
      requireStatus(state, command, ['submitted']);
      const reason = checkReason(command.data.reason);
      return [
        { type: 'AssociationRejected', data: { associationId, reason, rejectedAt: now, by: actor.id } },
      ];
    }
    case 'SuspendAssociation': {
      if (state.status === 'suspended') return [];
      requireStatus(state, command, ['verified']);
      const reason = checkReason(command.data.reason);
      return [
        { type: 'AssociationSuspended', data: { associationId, reason, suspendedAt: now, by: actor.id } },
      ];
    }
    case 'ReinstateAssociation':
      if (state.status === 'verified') return [];
      requireStatus(state, command, ['suspended']);
      return [{ type: 'AssociationReinstated', data: { associationId, reinstatedAt: now, by: actor.id } }];
    case 'DissolveAssociation': {
      if (state.status === 'dissolved') return [];
      requireStatus(state, command, LIVING);
      const reason = checkReason(command.data.reason);
      return [
        { type: 'AssociationDissolved', data: { associationId, reason, dissolvedAt: now, by: actor.id } },
      ];
    }
    case 'FlagSuspectedDuplicate': {
      requireStatus(state, command, [...LIVING, 'rejected']);
      const otherAssociationId = checkOtherId(
        'otherAssociationId',
        command.data.otherAssociationId,
        associationId,
      );
      if (state.suspectedDuplicates.some((d) => d.otherAssociationId === otherAssociationId)) return [];
      const reason = checkReason(command.data.reason);
      return [
        {
          type: 'AssociationSuspectedDuplicateFlagged',
          data: { associationId, otherAssociationId, reason, flaggedAt: now, by: actor.id },
        },
      ];
    }
    case 'MergeAssociationInto': {
      requireStatus(state, command, [...LIVING, 'rejected']);
      const survivorId = checkOtherId('survivorId', command.data.survivorId, associationId);
      return [
        { type: 'AssociationMerged', data: { associationId, survivorId, mergedAt: now, by: actor.id } },
      ];
    }
  }
};

// ---- evolve ----
export const evolveAssociation = (state: AssociationState, event: AssociationEvent): AssociationState => {
  if (event.type === 'AssociationRegistered') {
    return {
      status: 'submitted',
      associationId: event.data.associationId,
      profile: event.data.profile,
      suspectedDuplicates: [],
      survivorId: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'AssociationProfileChanged':
      return { ...state, profile: { ...state.profile, ...event.data.changes } };
    case 'AssociationVerified':
    case 'AssociationReinstated':
      return { ...state, status: 'verified' };
    case 'AssociationRejected':
      return { ...state, status: 'rejected' };
    case 'AssociationSuspended':
      return { ...state, status: 'suspended' };
    case 'AssociationDissolved':
      return { ...state, status: 'dissolved' };
    case 'AssociationSuspectedDuplicateFlagged':
      return {
        ...state,
        suspectedDuplicates: [
          ...state.suspectedDuplicates,
          { otherAssociationId: event.data.otherAssociationId, reason: event.data.reason },
        ],
      };
    case 'AssociationMerged':
      return { ...state, status: 'merged', survivorId: event.data.survivorId };
  }
};

export const associationDecider: Decider<AssociationCommand, AssociationEvent, AssociationState> = {
  decide: decideAssociation,
  evolve: evolveAssociation,
  initialState: initialAssociationState,
};
