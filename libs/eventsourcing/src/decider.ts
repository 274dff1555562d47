import { Actor } from './envelope';

/** What every command carries besides its data: the domain reads time, ids and the actor here. */
export interface CommandMetadata {
  /** Unique per command; event ids derive from it, so a retried command never appends twice. */
  commandId: string;
  /** Defaults to commandId on the events the command produces. */
  correlationId?: string;
  /** Defaults to commandId on the events the command produces. */
  causationId?: string;
  actor: Actor;
  /** ISO 8601 instant at which the command was accepted. */
  now: string;
  tenant?: string;
}

export interface Command<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/** An event as decide returns it; the command handler gives it an id, metadata and a place. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  /** Default DEFAULT_SCHEMA_VERSION. */
  schemaVersion?: number;
}

export const DEFAULT_SCHEMA_VERSION = 1;

/**
 * An aggregate as three plain functions (Emmett / Equinox style). decide returns [] when the
 * command changes nothing, and throws a typed error when the command is not allowed.
 */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

/** The state after the given events, from the decider's initial state. */
export function foldEvents<E extends DomainEvent, S>(
  decider: Pick<Decider<Command, E, S>, 'evolve' | 'initialState'>,
  events: Iterable<E>,
  state: S = decider.initialState(),
): S {
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
