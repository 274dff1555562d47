import { canonicalJson, NotJson } from './canonical-json';
import { Command, Decider, DEFAULT_SCHEMA_VERSION, DomainEvent, foldEvents } from './decider';
import { jsonDifferences, showValue } from './json-difference';

/** Thrown when a specification's outcome is not the one it states. */
export class DeciderSpecificationFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeciderSpecificationFailure';
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ErrorClass<E extends Error> = abstract new (...args: any[]) => E;
/** Returns false (or throws) when the error is not the expected one. */
type ErrorCheck<E> = (error: E) => boolean | void;

export interface DeciderWhen<C extends Command, E extends DomainEvent> {
  when(command: C): DeciderThen<E>;
}

export interface DeciderThen<E extends DomainEvent> {
  /** decide returns exactly these events (schemaVersion defaults to 1 on both sides). */
  then(expected: E[]): void;
  /** decide returns no event: the command changes nothing. */
  thenNothingHappened(): void;
  /** decide throws: any error, an instance of a class, and/or one the check accepts. Returns it. */
  thenThrows(): Error;
  thenThrows(check: ErrorCheck<unknown>): unknown;
  thenThrows<X extends Error>(errorClass: ErrorClass<X>, check?: ErrorCheck<X>): X;
}

/**
 * Given / when / then tests of a decider, with no test framework: a mismatch throws a
 * DeciderSpecificationFailure whose message lists each difference.
 *
 *   DeciderSpecification.for(decider).given([opened]).when(close).then([closed]);
 */
export const DeciderSpecification = {
  for<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
  ): DeciderWhen<C, E> & { given(events: E[]): DeciderWhen<C, E> } {
    const given = (events: E[]): DeciderWhen<C, E> => ({
      when: (command) => outcome(decider, events, command),
    });
    return { ...given([]), given };
  },
};

type Result<E> = { events: E[] } | { error: unknown };

function outcome<C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  given: E[],
  command: C,
): DeciderThen<E> {
  const state = foldEvents(decider, given);
  const run = (): Result<E> => {
    try {
      return { events: decider.decide(command, state) };
    } catch (error) {
      return { error };
    }
  };
  const fail = (message: string): never => {
    throw new DeciderSpecificationFailure(`when ${command.type}: ${message}`);
  };
  const produced = (): E[] => {
    const result = run();
    if ('error' in result) fail(`expected events, but decide threw ${describeError(result.error)}`);
    return (result as { events: E[] }).events;
  };

  return {
    then(expected) {
      const events = produced();
      assertStorable(events, fail);
      const differences = jsonDifferences(expected.map(normalise), events.map(normalise));
      if (differences.length > 0) {
        fail(
          `the events differ from the expected ones:\n  ${differences.join('\n  ')}\n` +
            `expected: ${pretty(expected.map(normalise))}\nreceived: ${pretty(events.map(normalise))}`,
        );
      }
      // Every event decide returns must be one evolve can apply.
      try {
        foldEvents(decider, events, state);
      } catch (error) {
        fail(`evolve threw ${describeError(error)} on the produced events`);
      }
    },
    thenNothingHappened() {
      const events = produced();
      if (events.length > 0) fail(`expected no event, received ${pretty(events.map(normalise))}`);
    },
    thenThrows(...args: unknown[]): never {
      const result = run();
      if (!('error' in result)) {
        fail(`expected an error, but decide returned ${pretty(result.events.map(normalise))}`);
      }
      const error = (result as { error: unknown }).error;
      const [first, second] = args;
      const errorClass = isErrorClass(first) ? first : undefined;
      const check = (errorClass ? second : first) as ErrorCheck<unknown> | undefined;
      if (errorClass && !(error instanceof errorClass)) {
        fail(`expected ${errorClass.name}, but decide threw ${describeError(error)}`);
      }
      if (check) {
        const verdict = runCheck(check, error);
        if (verdict !== true) fail(`the error check ${verdict} ${describeError(error)}`);
      }
      return error as never;
    },
  };
}

/** true when the check accepts the error, else how it refused. */
function runCheck(check: ErrorCheck<unknown>, error: unknown): true | string {
  try {
    return check(error) === false ? 'rejected' : true;
  } catch (checkError) {
    return `threw ${describeError(checkError)} on`;
  }
}

function normalise(event: DomainEvent): Required<DomainEvent> {
  return { type: event.type, schemaVersion: event.schemaVersion ?? DEFAULT_SCHEMA_VERSION, data: event.data };
}

/** Events that canonical JSON refuses would fail at append: report them here, in the pure test. */
function assertStorable(events: DomainEvent[], fail: (message: string) => never): void {
  events.forEach((event, i) => {
    try {
      canonicalJson(event.data);
    } catch (error) {
      if (error instanceof NotJson)
        fail(`event [${i}] ${event.type} has data that is not JSON: ${error.message}`);
      throw error;
    }
  });
}

function isErrorClass(value: unknown): value is ErrorClass<Error> {
  return typeof value === 'function' && (value === Error || value.prototype instanceof Error);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : showValue(error);
}

function pretty(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return showValue(value);
  }
}
