import { Command, Decider, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { GeoCode } from '@tadamon/reference-data';
import { AlreadyRegistered, InvalidTransition, NotRegistered } from '../errors';
import {
  checkGeoCode,
  checkId,
  checkList,
  checkLocalizedText,
  checkOneOf,
  checkSector,
  FieldIssues,
  LocalizedText,
  sameJson,
} from '../field-validation';

/** Any organisation other than an association of Moroccans of the world. */
export const ACTOR_CATEGORY = 'actor';
export const actorStreamName = (actorId: string): string => streamName(ACTOR_CATEGORY, actorId);

export const ACTOR_KINDS = [
  'local-association',
  /** a commune or another elected council */
  'elected-council',
  'development-agency',
  /** Centre régional d'investissement (CRI) */
  'regional-investment-centre',
  /** a funder or an international organisation (IOM, European Union) */
  'funder',
  'ministry',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export type ActorProfile = {
  readonly names: LocalizedText;
  /** 2015 regions the organisation works in. */
  readonly regions: readonly GeoCode[];
  readonly sectors: readonly string[];
};

export type RegisterActor = Command<'RegisterActor', { actorId: string; kind: ActorKind } & ActorProfile>;
export type UpdateActor = Command<'UpdateActor', { actorId: string } & Partial<ActorProfile>>;
export type DeactivateActor = Command<'DeactivateActor', { actorId: string }>;
export type ActorCommand = RegisterActor | UpdateActor | DeactivateActor;

export type ActorRegistered = DomainEvent<
  'ActorRegistered',
  { actorId: string; kind: ActorKind; registeredAt: string } & ActorProfile
>;
export type ActorUpdated = DomainEvent<
  'ActorUpdated',
  { actorId: string; changes: Partial<ActorProfile>; updatedAt: string; by: string }
>;
export type ActorDeactivated = DomainEvent<
  'ActorDeactivated',
  { actorId: string; deactivatedAt: string; by: string }
>;
export type ActorEvent = ActorRegistered | ActorUpdated | ActorDeactivated;

export type KnownActor = {
  readonly status: 'active' | 'inactive';
  readonly actorId: string;
  readonly kind: ActorKind;
} & ActorProfile;
export type ActorState = { readonly status: 'none' } | KnownActor;

export const initialActorState = (): ActorState => ({ status: 'none' });

const ACTOR = 'actor';
const PROFILE_KEYS = ['names', 'regions', 'sectors'] as const;

const checkProfile = (issues: FieldIssues, input: Record<string, unknown>): Partial<ActorProfile> => {
  const result: { -readonly [K in keyof ActorProfile]?: ActorProfile[K] } = {};
  if (input['names'] !== undefined) result.names = checkLocalizedText(issues, 'names', input['names']);
  if (input['regions'] !== undefined) {
    result.regions = checkList(issues, 'regions', input['regions'], (f, v) =>
      checkGeoCode(issues, f, v, { levels: ['region'], currentOnly: true }),
    );
  }
  if (input['sectors'] !== undefined) {
    result.sectors = checkList(issues, 'sectors', input['sectors'], (f, v) => checkSector(issues, f, v), {
      key: String,
    });
  }
  return result;
};

export const decideActor = (command: ActorCommand, state: ActorState): ActorEvent[] => {
  const { now, actor } = command.metadata;
  const issues = new FieldIssues();
  const actorId = checkId(issues, 'actorId', command.data.actorId);
  if (state.status === 'none') {
    if (command.type !== 'RegisterActor') throw new NotRegistered(ACTOR, command.type);
    const kind = checkOneOf(issues, 'kind', command.data.kind, ACTOR_KINDS);
    const { names, regions, sectors } = { regions: [], sectors: [], ...checkProfile(issues, command.data) };
    if (names === undefined) issues.add('names', 'is required');
    issues.throwIfAny();
    return [
      {
        type: 'ActorRegistered',
        data: { actorId, kind, names: names as LocalizedText, regions, sectors, registeredAt: now },
      },
    ];
  }
  if (actorId !== state.actorId) issues.add('actorId', `must be ${state.actorId}, the actor of this stream`);
  issues.throwIfAny();
  switch (command.type) {
    case 'RegisterActor': {
      const given = { regions: [], sectors: [], ...checkProfile(issues, command.data) };
      issues.throwIfAny();
      const same =
        command.data.kind === state.kind && PROFILE_KEYS.every((k) => sameJson(given[k], state[k]));
      if (same) return [];
      throw new AlreadyRegistered(ACTOR, actorId);
    }
    case 'UpdateActor': {
      if (state.status !== 'active') throw new InvalidTransition(ACTOR, state.status, command.type);
      const given = checkProfile(issues, command.data);
      issues.throwIfAny();
      const changes = Object.fromEntries(
        PROFILE_KEYS.filter((k) => given[k] !== undefined && !sameJson(given[k], state[k])).map((k) => [
          k,
          given[k],
        ]),
      ) as Partial<ActorProfile>;
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'ActorUpdated', data: { actorId, changes, updatedAt: now, by: actor.id } }];
    }
    case 'DeactivateActor':
      if (state.status === 'inactive') return [];
      return [{ type: 'ActorDeactivated', data: { actorId, deactivatedAt: now, by: actor.id } }];
  }
};

export const evolveActor = (state: ActorState, event: ActorEvent): ActorState => {
  switch (event.type) {
    case 'ActorRegistered': {
      const { actorId, kind, names, regions, sectors } = event.data;
      return { status: 'active', actorId, kind, names, regions, sectors };
    }
    case 'ActorUpdated':
      return state.status === 'none' ? state : { ...state, ...event.data.changes };
    case 'ActorDeactivated':
      return state.status === 'none' ? state : { ...state, status: 'inactive' };
  }
};

export const actorDecider: Decider<ActorCommand, ActorEvent, ActorState> = {
  decide: decideActor,
  evolve: evolveActor,
  initialState: initialActorState,
};
