import { Command, Decider, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { AlreadyRegistered, NotRegistered } from '../errors';
import {
  checkId,
  checkLocalizedText,
  checkOneOf,
  FieldIssues,
  LocalizedText,
  sameJson,
} from '../field-validation';

export const NETWORK_CATEGORY = 'network';
export const networkStreamName = (networkId: string): string => streamName(NETWORK_CATEGORY, networkId);

export const NETWORK_KINDS = ['network', 'federation'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];
/** A network is large but bounded: this keeps its stream's state small enough to fold quickly. */
export const MAX_NETWORK_MEMBERS = 5000;

export type CreateNetwork = Command<
  'CreateNetwork',
  { networkId: string; kind: NetworkKind; names: LocalizedText }
>;
export type AddNetworkMember = Command<'AddNetworkMember', { networkId: string; associationId: string }>;
export type RemoveNetworkMember = Command<
  'RemoveNetworkMember',
  { networkId: string; associationId: string }
>;
export type RenameNetwork = Command<'RenameNetwork', { networkId: string; names: LocalizedText }>;
export type NetworkCommand = CreateNetwork | AddNetworkMember | RemoveNetworkMember | RenameNetwork;

export type NetworkCreated = DomainEvent<
  'NetworkCreated',
  { networkId: string; kind: NetworkKind; names: LocalizedText; createdAt: string; by: string }
>;
export type NetworkMemberAdded = DomainEvent<
  'NetworkMemberAdded',
  { networkId: string; associationId: string; addedAt: string; by: string }
>;
export type NetworkMemberRemoved = DomainEvent<
  'NetworkMemberRemoved',
  { networkId: string; associationId: string; removedAt: string; by: string }
>;
export type NetworkRenamed = DomainEvent<
  'NetworkRenamed',
  { networkId: string; names: LocalizedText; renamedAt: string; by: string }
>;
export type NetworkEvent = NetworkCreated | NetworkMemberAdded | NetworkMemberRemoved | NetworkRenamed;

export type KnownNetwork = {
  readonly status: 'active';
  readonly networkId: string;
  readonly kind: NetworkKind;
  readonly names: LocalizedText;
  readonly members: readonly string[];
};
export type NetworkState = { readonly status: 'none' } | KnownNetwork;

export const initialNetworkState = (): NetworkState => ({ status: 'none' });

const NETWORK = 'network';

export const decideNetwork = (command: NetworkCommand, state: NetworkState): NetworkEvent[] => {
  const { now, actor } = command.metadata;
  const by = actor.id;
  const issues = new FieldIssues();
  const networkId = checkId(issues, 'networkId', command.data.networkId);
  if (state.status === 'none') {
    if (command.type !== 'CreateNetwork') throw new NotRegistered(NETWORK, command.type);
    const kind = checkOneOf(issues, 'kind', command.data.kind, NETWORK_KINDS);
    const names = checkLocalizedText(issues, 'names', command.data.names);
    issues.throwIfAny();
    return [{ type: 'NetworkCreated', data: { networkId, kind, names, createdAt: now, by } }];
  }
  if (networkId !== state.networkId)
    issues.add('networkId', `must be ${state.networkId}, the network of this stream`);
  switch (command.type) {
    case 'CreateNetwork': {
      const names = checkLocalizedText(issues, 'names', command.data.names);
      issues.throwIfAny();
      if (command.data.kind === state.kind && sameJson(names, state.names)) return [];
      throw new AlreadyRegistered(NETWORK, networkId);
    }
    case 'AddNetworkMember': {
      const associationId = checkId(issues, 'associationId', command.data.associationId);
      issues.throwIfAny();
      if (state.members.includes(associationId)) return [];
      if (state.members.length >= MAX_NETWORK_MEMBERS) {
        issues.add('associationId', `a network has at most ${MAX_NETWORK_MEMBERS} members`);
        issues.throwIfAny();
      }
      return [{ type: 'NetworkMemberAdded', data: { networkId, associationId, addedAt: now, by } }];
    }
    case 'RemoveNetworkMember': {
      const associationId = checkId(issues, 'associationId', command.data.associationId);
      issues.throwIfAny();
      if (!state.members.includes(associationId)) return [];
      return [{ type: 'NetworkMemberRemoved', data: { networkId, associationId, removedAt: now, by } }];
    }
    case 'RenameNetwork': {
      const names = checkLocalizedText(issues, 'names', command.data.names);
      issues.throwIfAny();
      if (sameJson(names, state.names)) return [];
      return [{ type: 'NetworkRenamed', data: { networkId, names, renamedAt: now, by } }];
    }
  }
};

export const evolveNetwork = (state: NetworkState, event: NetworkEvent): NetworkState => {
  if (event.type === 'NetworkCreated') {
    const { networkId, kind, names } = event.data;
    return { status: 'active', networkId, kind, names, members: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'NetworkMemberAdded':
      return { ...state, members: [...state.members, event.data.associationId] };
    case 'NetworkMemberRemoved':
      return { ...state, members: state.members.filter((m) => m !== event.data.associationId) };
    case 'NetworkRenamed':
      return { ...state, names: event.data.names };
  }
};

export const networkDecider: Decider<NetworkCommand, NetworkEvent, NetworkState> = {
  decide: decideNetwork,
  evolve: evolveNetwork,
  initialState: initialNetworkState,
};
