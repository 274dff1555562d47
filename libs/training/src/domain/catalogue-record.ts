import { Command as AnyCommand, CommandMetadata, Decider, DomainEvent } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated } from './errors';
import {
  checkDetailChanges,
  checkId,
  checkOptionalText,
  detailsOf,
  FieldIssues,
  MAX_LONG_TEXT,
  sameJson,
} from './field-validation';

/**
 * What a record of the catalogue (a module, a path) names: its stream category, its id member, its
 * details and how they are checked, and the types of its three commands and their events.
 */
export interface CatalogueRecordSpec<D extends Record<string, unknown>> {
  category: string;
  idKey: string;
  /** "module", "path": in the reason a member that is not a detail is refused with. */
  noun: string;
  details: readonly (keyof D & string)[];
  check: (issues: FieldIssues, prefix: string, value: unknown) => D;
  commands: { define: string; revise: string; retire: string };
  events: { defined: string; revised: string; retired: string };
}

type Data = Record<string, unknown>;
type Command = { type: string; data: Data; metadata: CommandMetadata };
type Event = { type: string; data: Data };
type Defined = Data & { status: 'active' | 'retired'; definedAt: string; retiredAt: string | null };
type State = { status: 'none' } | Defined;

/**
 * The life a catalogue record shares: defined with its details (the same again changes nothing,
 * other details are ALREADY_CREATED), revised detail by detail while active (only what changed is
 * recorded), retired once (with an optional reason). The record's own types name the commands,
 * events and state; this decides for them.
 */
export function catalogueRecordDecider<
  C extends AnyCommand,
  E extends DomainEvent,
  S,
  D extends Record<string, unknown>,
>(spec: CatalogueRecordSpec<D>): Decider<C, E, S> {
  const { category, idKey, noun, details, check, commands, events } = spec;
  const decide = (command: Command, state: State): Event[] => {
    const { now, actor } = command.metadata;
    const by = actor.id;
    const issues = new FieldIssues();
    const id = checkId(issues, idKey, command.data[idKey]);
    if (state.status === 'none') {
      if (command.type !== commands.define) throw new NotCreated(category, command.type);
      const defined = check(issues, '', command.data);
      issues.throwIfAny();
      return [{ type: events.defined, data: { [idKey]: id, ...defined, definedAt: now, by } }];
    }
    if (id !== state[idKey]) issues.add(idKey, `must be ${String(state[idKey])}, the ${noun} of this stream`);
    issues.throwIfAny();
    const current = detailsOf(state as unknown as D, details);
    switch (command.type) {
      case commands.define: {
        const defined = check(issues, '', command.data);
        issues.throwIfAny();
        if (sameJson(defined, current)) return [];
        throw new AlreadyCreated(category, id);
      }
      case commands.revise: {
        if (state.status !== 'active') throw new InvalidTransition(category, state.status, command.type);
        const changes = checkDetailChanges(
          issues,
          current as D,
          command.data['changes'],
          details,
          check,
          `is not a detail of the ${noun}`,
        );
        issues.throwIfAny();
        if (Object.keys(changes).length === 0) return [];
        return [{ type: events.revised, data: { [idKey]: id, changes, revisedAt: now, by } }];
      }
      case commands.retire: {
        const reason = checkOptionalText(issues, 'reason', command.data['reason'], MAX_LONG_TEXT);
        issues.throwIfAny();
        if (state.status === 'retired') return [];
        return [{ type: events.retired, data: { [idKey]: id, reason, retiredAt: now, by } }];
      }
      default:
        return [];
    }
  };
  const evolve = (state: State, event: Event): State => {
    if (event.type === events.defined) {
      const { [idKey]: id, definedAt, by: _by, ...defined } = event.data;
      return { status: 'active', [idKey]: id, definedAt: definedAt as string, retiredAt: null, ...defined };
    }
    if (state.status === 'none') return state;
    if (event.type === events.revised) return { ...state, ...(event.data['changes'] as Data) };
    if (event.type === events.retired)
      return { ...state, status: 'retired', retiredAt: event.data['retiredAt'] as string };
    return state;
  };
  return {
    decide: decide as unknown as Decider<C, E, S>['decide'],
    evolve: evolve as unknown as Decider<C, E, S>['evolve'],
    initialState: () => ({ status: 'none' }) as S,
  };
}
