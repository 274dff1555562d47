import fc from 'fast-check';
import { Command, Decider, DomainEvent, foldEvents } from '@tadamon/eventsourcing';

/**
 * From each starting history, runs random sequences of commands (refusals are skipped, as the store
 * would never append them) and checks that every command that succeeded decides [] when repeated.
 */
export const repeatsChangeNothing = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  pool: readonly C[],
  starts: readonly E[][] = [[]],
  numRuns = 500,
): void => {
  fc.assert(
    fc.property(
      fc.nat(starts.length - 1),
      fc.array(fc.nat(pool.length - 1), { maxLength: 20 }),
      (start, picks) => {
        let state = foldEvents(decider, starts[start]);
        for (const pick of picks) {
          const command = pool[pick];
          let events: E[];
          try {
            events = decider.decide(command, state);
          } catch {
            continue;
          }
          state = foldEvents(decider, events, state);
          expect({ command: command.type, events: decider.decide(command, state) }).toEqual({
            command: command.type,
            events: [],
          });
        }
      },
    ),
    { numRuns },
  );
};
